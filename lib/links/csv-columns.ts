import Papa from "papaparse";

/**
 * The CSV columns Pennant reads and writes for links. Headers are matched
 * case-insensitively; only `url` is required. Shared by the import, the
 * export, the import page's documentation and its template.
 */
export const TAG_SEPARATOR = "|";

export const IMPORT_COLUMNS = [
  { name: "url", required: true, help: "The destination, like https://example.com/spring.", example: "https://example.com/spring-sale" },
  { name: "slug", help: "The short link's path. Empty: a random one.", example: "spring" },
  { name: "domain", help: "One of the workspace's domains. Empty: the default domain.", example: "" },
  { name: "title", help: "A name for the link (up to 200 characters).", example: "Spring sale" },
  { name: "description", help: "Up to 1,000 characters.", example: "" },
  { name: "tags", help: `Tag names separated by ${TAG_SEPARATOR}, like sale${TAG_SEPARATOR}spring.`, example: `sale${TAG_SEPARATOR}spring` },
  { name: "campaign", help: "The name of a campaign in this workspace (it must exist).", example: "" },
  { name: "utm_source", help: "UTM source, like instagram.", example: "instagram" },
  { name: "utm_medium", help: "UTM medium, like social.", example: "social" },
  { name: "utm_campaign", help: "UTM campaign.", example: "spring" },
  { name: "utm_term", help: "UTM term.", example: "" },
  { name: "utm_content", help: "UTM content.", example: "" },
  { name: "expires_at", help: "ISO 8601 date and time, like 2026-12-31T23:59:00Z.", example: "" },
  { name: "expired_url", help: "Where visitors go after the link expires.", example: "" },
  { name: "max_clicks", help: "A whole number; the link expires after that many clicks.", example: "" },
  { name: "password", help: "Visitors must enter it (at least 4 characters). Never exported.", example: "" },
  { name: "redirect_type", help: "301, 302, 307 or 308 (default 302).", example: "" },
  { name: "forward_query", help: "true or false (default true): pass the visitor's query string on.", example: "" },
  { name: "ios_url", help: "Destination for iPhone and iPad visitors.", example: "" },
  { name: "android_url", help: "Destination for Android visitors.", example: "" },
  { name: "notes", help: "Private notes for your team.", example: "" },
] as const;

export type ImportColumn = (typeof IMPORT_COLUMNS)[number]["name"];
export const IMPORT_COLUMN_NAMES: readonly ImportColumn[] = IMPORT_COLUMNS.map((c) => c.name);

/** Export: the import columns (minus the password) plus what Pennant computed. */
export const EXPORT_COLUMN_NAMES = [...IMPORT_COLUMN_NAMES.filter((c) => c !== "password"), "short_url", "clicks", "created_at", "status"] as const;
export type ExportColumn = (typeof EXPORT_COLUMN_NAMES)[number];

/** Read back on import, ignored there: so an exported file imports as it is. */
export const EXPORT_ONLY_COLUMNS: readonly string[] = ["short_url", "clicks", "created_at", "status"];

export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 5000;

/** A file people can fill in: every column, one example row. */
export function importTemplateCsv(): string {
  return Papa.unparse({ fields: [...IMPORT_COLUMN_NAMES], data: [IMPORT_COLUMNS.map((c) => c.example)] });
}
