import "server-only";
import Papa from "papaparse";
import type { WorkspaceAccess } from "@/lib/auth/access";
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";
import { invalidateLinks } from "@/lib/redirect/redirect-cache";
import { csvSpec, EXPORT_ONLY_COLUMNS, IMPORT_COLUMN_NAMES, IMPORT_COLUMNS, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, TAG_SEPARATOR } from "./csv-columns";
import { LINK_FIELDS } from "./link-fields";
import { defaultDomain, storedDomain } from "./domains";
import { insertLink, type LinkFields } from "./insert-link";
import { createLinkSchema } from "./schemas";
import { randomSlug } from "./slug";
import { assertNotSelfLink, shortLinkDestinationError } from "./self-link";

export interface CsvCellError {
  /** The CSV column the problem is in; null when it is the whole row. */
  column: string | null;
  message: string;
}

export interface ImportLinkPreview {
  url: string;
  domain: string;
  /** Null: a random slug is drawn on import. */
  slug: string | null;
  title: string | null;
  tags: string[];
  campaign: string | null;
}

export interface ImportRowResult {
  /** As in a spreadsheet: the header is row 1, the first link row 2. */
  row: number;
  ok: boolean;
  errors: CsvCellError[];
  link: ImportLinkPreview | null;
}

export interface ImportPreview {
  ok: boolean;
  /** Problems with the header (row 1), like an unknown column. */
  fileErrors: (CsvCellError & { row: number })[];
  rows: ImportRowResult[];
  validCount: number;
}

export type ImportResult = { ok: true; created: number; preview: ImportPreview } | { ok: false; created: 0; preview: ImportPreview };

const KNOWN = new Set<string>([...IMPORT_COLUMN_NAMES, ...EXPORT_ONLY_COLUMNS]);

/** Zod paths of createLinkSchema (`utm.source`) -> the CSV column people typed them in. */
const COLUMN_OF_PATH: Record<string, string> = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.column ? LINK_FIELDS[c.column].api : c.name, c.name]));

const normaliseHeader = (h: string) => h.trim().toLowerCase().replace(/[\s-]+/g, "_");

/** Undoes the export's formula neutralising (`'=…` back to `=…`), so exports import as they were. */
const cellValue = (raw: string | undefined) => {
  const v = raw?.trim() ?? "";
  return /^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v;
};

/** Reads the file into rows of cells by column name; file-level problems throw. */
function readCsv(csvText: string) {
  if (Buffer.byteLength(csvText, "utf8") > MAX_IMPORT_BYTES) {
    throw new AppError("unprocessable", `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Split it into smaller files.`);
  }
  const text = csvText.replace(/^\uFEFF/, "");
  if (!text.trim()) throw new AppError("unprocessable", "The file is empty. Add a header row (at least a url column) and one row per link.");
  // Comma, or semicolon / tab as some spreadsheets save; never `|`, the tag
  // separator. Guessed with blank lines skipped, then read with them kept so
  // that row numbers match the spreadsheet's.
  const { delimiter } = Papa.parse<string[]>(text, { preview: 10, skipEmptyLines: "greedy", delimitersToGuess: [",", ";", "\t"] }).meta;
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false, delimiter: delimiter || "," });
  const [header = [], ...records] = parsed.data;
  const columns = header.map(normaliseHeader);
  const fileErrors: ImportPreview["fileErrors"] = [];
  const seen = new Set<string>();
  columns.forEach((name, i) => {
    if (!name) {
      if (records.some((r) => r[i]?.trim())) fileErrors.push({ row: 1, column: `column ${i + 1}`, message: `Column ${i + 1} has values but no header. Name it or remove it.` });
      return;
    }
    if (seen.has(name)) fileErrors.push({ row: 1, column: name, message: `The column ${name} appears twice. Keep one.` });
    else if (!KNOWN.has(name)) fileErrors.push({ row: 1, column: name, message: `Unknown column "${header[i]?.trim()}". Rename it to one of the documented columns or remove it.` });
    seen.add(name);
  });
  if (!seen.has("url")) throw new AppError("unprocessable", "The file has no url column. The first row must be the header, with at least a url column.");

  const rowErrors = new Map<number, CsvCellError[]>();
  for (const e of parsed.errors) {
    if (e.code === "UndetectableDelimiter" || e.row === undefined) continue;
    const list = rowErrors.get(e.row + 1) ?? [];
    list.push({ column: null, message: e.code === "MissingQuotes" || e.code === "InvalidQuotes" ? "A quoted cell is not closed properly. Check the quotes in this row." : e.message });
    rowErrors.set(e.row + 1, list);
  }
  const rows = records
    .map((cells, i) => ({ row: i + 2, cells }))
    .filter(({ cells }) => cells.some((c) => c.trim()))
    .map(({ row, cells }) => {
      const values: Partial<Record<string, string>> = {};
      columns.forEach((name, i) => {
        if (name && values[name] === undefined) values[name] = cellValue(cells[i]);
      });
      const errors = [...(rowErrors.get(row) ?? [])];
      if (cells.slice(columns.length).some((c) => c.trim())) errors.push({ column: null, message: `This row has ${cells.length} cells but the header has ${columns.length} columns.` });
      return { row, values, errors };
    });
  if (rows.length === 0) throw new AppError("unprocessable", "The file has a header but no links. Add one row per link below the header.");
  if (rows.length > MAX_IMPORT_ROWS) throw new AppError("unprocessable", `The file has ${rows.length.toLocaleString("en")} links; import at most ${MAX_IMPORT_ROWS.toLocaleString("en")} at a time.`);
  return { rows, fileErrors };
}

const blank = (v: string | undefined) => (v ? v : undefined);

function numberCell(value: string | undefined, column: string, message: string, errors: CsvCellError[]): number | undefined {
  if (!value) return undefined;
  if (!/^[+-]?\d+$/.test(value)) {
    errors.push({ column, message });
    return undefined;
  }
  return Number(value);
}

function booleanCell(value: string | undefined, column: string, errors: CsvCellError[]): boolean | undefined {
  if (!value) return undefined;
  const v = value.toLowerCase();
  if (["true", "yes", "1"].includes(v)) return true;
  if (["false", "no", "0"].includes(v)) return false;
  errors.push({ column, message: "Use true or false." });
  return undefined;
}

/** Sets `utm.source` of `{}` to `{ utm: { source } }`. */
function setPath(target: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split(".");
  const last = keys.pop()!;
  let obj = target;
  for (const key of keys) obj = (obj[key] ??= {}) as Record<string, unknown>;
  obj[last] = value;
}

/** One row's cells -> the input createLink parses (one per column of IMPORT_COLUMNS); cell-format problems go to errors. */
function toInput(values: Partial<Record<string, string>>, campaigns: Map<string, string>, errors: CsvCellError[]): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const { name, column } of IMPORT_COLUMNS) {
    const cell = blank(values[name]);
    if (!column) {
      input.tags = cell
        ?.split(TAG_SEPARATOR)
        .map((t) => t.trim())
        .filter(Boolean);
      continue;
    }
    const spec = csvSpec(column);
    let value: unknown = cell;
    if (column === "campaignId" && cell) {
      value = campaigns.get(cell) ?? campaigns.get(cell.toLowerCase());
      if (!value) errors.push({ column: name, message: `There is no campaign named "${cell}" in this workspace. Create it first or leave the cell empty.` });
    } else if (spec?.kind === "number") value = numberCell(cell, name, spec.invalid ?? "Use a whole number.", errors);
    else if (spec?.kind === "boolean") value = booleanCell(cell, name, errors);
    setPath(input, LINK_FIELDS[column].api, value);
  }
  input.url = values.url ?? "";
  return input;
}

/** Which of these domain/slug pairs already exist (in any workspace: short links are global). */
async function takenSlugs(pairs: { domain: string; slug: string }[]): Promise<Set<string>> {
  const taken = new Set<string>();
  const byDomain = new Map<string, string[]>();
  for (const p of pairs) byDomain.set(p.domain, [...(byDomain.get(p.domain) ?? []), p.slug]);
  for (const [domain, slugs] of byDomain) {
    for (let i = 0; i < slugs.length; i += 500) {
      const found = await db().link.findMany({ where: { domain: storedDomain(domain), slug: { in: slugs.slice(i, i + 500) } }, select: { slug: true } });
      for (const f of found) taken.add(`${domain}/${f.slug}`);
    }
  }
  return taken;
}

async function validate(access: WorkspaceAccess, csvText: string) {
  // Server actions pass on whatever a client sends.
  if (typeof csvText !== "string") throw new AppError("bad_request", "Send the CSV file's text.");
  const { rows, fileErrors } = readCsv(csvText);
  const workspaceId = access.workspace.id;
  const [campaignRows, domainRows] = await Promise.all([
    db().campaign.findMany({ where: { workspaceId }, select: { id: true, name: true } }),
    db().domain.findMany({ where: { workspaceId }, select: { hostname: true } }),
  ]);
  const campaigns = new Map<string, string>();
  for (const c of campaignRows) campaigns.set(c.name.toLowerCase(), c.id);
  for (const c of campaignRows) campaigns.set(c.name, c.id); // an exact match wins over case-folding
  const domains = new Set([defaultDomain(), ...domainRows.map((d) => d.hostname.toLowerCase())]);
  const brandedHosts = new Set(domainRows.map((d) => d.hostname.toLowerCase()));

  const checked = rows.map(({ row, values, errors }) => {
    const input = toInput(values, campaigns, errors);
    const parsed = createLinkSchema.safeParse(input);
    let fields: LinkFields | null = null;
    if (parsed.success) fields = parsed.data;
    else {
      for (const issue of parsed.error.issues) {
        const path = issue.path.join(".");
        const column = COLUMN_OF_PATH[path] ?? COLUMN_OF_PATH[String(issue.path[0])] ?? null;
        if (!errors.some((e) => e.column === column)) errors.push({ column, message: issue.message });
      }
    }
    const domain = fields?.domain || defaultDomain();
    if (fields && !domains.has(domain)) errors.push({ column: "domain", message: `The domain ${domain} is not set up in this workspace. Add it in Settings → Domains first.` });
    if (fields?.slug) {
      try {
        assertNotSelfLink(fields.url, domain, fields.slug);
      } catch (err) {
        errors.push({ column: "url", message: err instanceof Error ? err.message : String(err) });
      }
    }
    const loop = fields && shortLinkDestinationError(fields, brandedHosts);
    if (loop && !errors.some((e) => e.column === "url")) errors.push({ column: "url", message: loop.message });
    return { row, values, errors, fields, domain };
  });

  // Slugs: each once in the file, and not taken already.
  const firstRow = new Map<string, number>();
  for (const r of checked) {
    if (!r.fields?.slug) continue;
    const key = `${r.domain}/${r.fields.slug}`;
    const first = firstRow.get(key);
    if (first !== undefined) r.errors.push({ column: "slug", message: `The slug ${r.fields.slug} is also on row ${first}; each short link needs its own slug.` });
    else firstRow.set(key, r.row);
  }
  const taken = await takenSlugs(checked.flatMap((r) => (r.fields?.slug ? [{ domain: r.domain, slug: r.fields.slug }] : [])));
  for (const r of checked) {
    if (r.fields?.slug && taken.has(`${r.domain}/${r.fields.slug}`)) r.errors.push({ column: "slug", message: `The short link ${r.domain}/${r.fields.slug} already exists. Pick another slug.` });
  }

  const results: ImportRowResult[] = checked.map((r) => ({
    row: r.row,
    ok: r.errors.length === 0,
    errors: r.errors,
    link: r.fields
      ? { url: r.fields.url, domain: r.domain, slug: r.fields.slug ?? null, title: r.fields.title, tags: r.fields.tags ?? [], campaign: blank(r.values.campaign) ?? null }
      : { url: r.values.url ?? "", domain: r.domain, slug: blank(r.values.slug) ?? null, title: blank(r.values.title) ?? null, tags: [], campaign: blank(r.values.campaign) ?? null },
  }));
  const validCount = results.filter((r) => r.ok).length;
  const preview: ImportPreview = { ok: fileErrors.length === 0 && validCount === results.length, fileErrors, rows: results, validCount };
  return { preview, checked };
}

/** Parses and checks a CSV of links, row by row, without writing anything. */
export async function previewImport(access: WorkspaceAccess, csvText: string): Promise<ImportPreview> {
  return (await validate(access, csvText)).preview;
}

/** Random slugs for the rows without one, clear of the file's and the database's. */
async function drawSlugs(rows: { domain: string; fields: LinkFields }[]): Promise<string[]> {
  const used = new Set(rows.flatMap((r) => (r.fields.slug ? [`${r.domain}/${r.fields.slug}`] : [])));
  const slugs = rows.map((r) => r.fields.slug ?? "");
  for (let attempt = 0; attempt < 5; attempt++) {
    const drawn: { i: number; domain: string; slug: string }[] = [];
    rows.forEach((r, i) => {
      if (slugs[i]) return;
      let slug = randomSlug();
      while (used.has(`${r.domain}/${slug}`)) slug = randomSlug();
      used.add(`${r.domain}/${slug}`);
      drawn.push({ i, domain: r.domain, slug });
    });
    if (drawn.length === 0) break;
    const taken = await takenSlugs(drawn);
    for (const d of drawn) if (!taken.has(`${d.domain}/${d.slug}`)) slugs[d.i] = d.slug;
  }
  if (slugs.some((s) => !s)) throw new AppError("conflict", "Could not find free random slugs; try again.");
  return slugs;
}

/**
 * Checks the file again and, only when every row is valid, creates all its
 * links in one transaction: a file imports completely or not at all.
 */
export async function commitImport(access: WorkspaceAccess, csvText: string): Promise<ImportResult> {
  const { preview, checked } = await validate(access, csvText);
  if (!preview.ok) return { ok: false, created: 0, preview };
  const rows = checked.map((r) => ({ domain: r.domain, fields: r.fields! }));
  const slugs = await drawSlugs(rows);
  try {
    // Thousands of inserts (and password hashes) outlast Prisma's 5 s default.
    await db().$transaction(
      async (tx) => {
        for (const [i, r] of rows.entries()) await insertLink(tx, access, r.fields, slugs[i]!);
      },
      { timeout: 5 * 60_000, maxWait: 10_000 },
    );
    await invalidateLinks(rows.map((r, i) => ({ domain: storedDomain(r.domain), slug: slugs[i]! })));
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError("conflict", "Someone took one of the file's slugs while it was importing. Nothing was imported; check the file and try again.");
    throw err;
  }
  return { ok: true, created: rows.length, preview };
}
