import Papa from "papaparse";
import { LINK_COLUMNS, LINK_FIELDS, type LinkColumn, type LinkFieldSpec } from "./link-fields";

/**
 * The CSV columns Pennant reads and writes for links, from LINK_FIELDS.
 * Headers are matched case-insensitively; only `url` is required. Shared by
 * the import, the export, the import page's documentation and its template.
 */
export const TAG_SEPARATOR = "|";

interface CsvColumn {
  name: string;
  help: string;
  example: string;
  required?: true;
  /** The link field behind it (LINK_FIELDS); none for tags, which are rows of their own. */
  column?: LinkColumn;
}

/** A field's CSV spec, widened from the table's literal types. */
export const csvSpec = (column: LinkColumn): LinkFieldSpec["csv"] => LINK_FIELDS[column].csv;

const TAGS_COLUMN: CsvColumn = { name: "tags", help: `Tag names separated by ${TAG_SEPARATOR}, like sale${TAG_SEPARATOR}spring.`, example: `sale${TAG_SEPARATOR}spring` };

/** Every link field with a CSV column (LINK_FIELDS), in its order, tags after the description. */
export const IMPORT_COLUMNS: readonly CsvColumn[] = LINK_COLUMNS.flatMap((column): CsvColumn[] => {
  const csv = csvSpec(column);
  if (!csv) return [];
  const own: CsvColumn = { name: csv.name, help: csv.help, example: csv.example ?? "", column, ...(csv.required ? { required: true } : {}) };
  return column === "description" ? [own, TAGS_COLUMN] : [own];
});

export const IMPORT_COLUMN_NAMES: readonly string[] = IMPORT_COLUMNS.map((c) => c.name);

/** Read back on import, ignored there: so an exported file imports as it is. */
export const EXPORT_ONLY_COLUMNS = ["short_url", "clicks", "created_at", "status"] as const;

/** Export: the import columns (minus the password) plus what Pennant computed. */
export const EXPORT_COLUMNS: readonly CsvColumn[] = IMPORT_COLUMNS.filter((c) => !(c.column && csvSpec(c.column)?.importOnly));
export const EXPORT_COLUMN_NAMES: readonly string[] = [...EXPORT_COLUMNS.map((c) => c.name), ...EXPORT_ONLY_COLUMNS];

export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 5000;

/** A file people can fill in: every column, one example row. */
export function importTemplateCsv(): string {
  return Papa.unparse({ fields: [...IMPORT_COLUMN_NAMES], data: [IMPORT_COLUMNS.map((c) => c.example)] });
}
