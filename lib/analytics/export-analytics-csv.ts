import "server-only";
import Papa from "papaparse";
import type { WorkspaceAccess } from "@/lib/auth/access";
import { FORMULA_START } from "@/lib/links/export-links-csv";
import { EXPORT_COLUMNS, selectClicks, type ExportedClick } from "./click-sql";
import { getBreakdown } from "./get-analytics";
import { resolveQuery, type ResolvedQuery } from "./resolve-query";
import { isoInZone } from "./time-range";

const PAGE = 5000;
const unparse = (rows: unknown[][], header?: readonly string[]) =>
  Papa.unparse({ fields: header ? [...header] : [], data: rows }, { header: !!header, escapeFormulae: FORMULA_START, newline: "\r\n" });

/** One breakdown (`groupBy`), every row, as CSV: key, label, clicks, unique visitors. */
export async function exportBreakdownCsv(access: WorkspaceAccess, input: unknown): Promise<{ name: string; csv: string }> {
  const q = await resolveQuery(access, { ...(input as object), limit: 1000 });
  if (q.groupBy === "timeseries") throw new Error("exportBreakdownCsv needs a dimension");
  const rows = await getBreakdown(q, q.groupBy, 1000);
  return { name: q.groupBy, csv: unparse(rows.map((r) => [r.key ?? "", r.label, r.clicks, r.uniques]), ["key", "label", "clicks", "unique_visitors"]) + "\r\n" };
}

/**
 * The raw events of the question's period, a page at a time, bots flagged,
 * times in the question's zone. No visitor hash, no address: there is none.
 * `pageSize` rows are read per statement (smaller in tests, to cross pages).
 */
export async function exportClicksCsv(access: WorkspaceAccess, input: unknown, pageSize = PAGE): Promise<AsyncGenerator<string>> {
  // Resolved before the first byte: a bad parameter is a 422, not a broken download.
  return clickRows(await resolveQuery(access, input), pageSize);
}

async function* clickRows(q: ResolvedQuery, pageSize: number): AsyncGenerator<string> {
  // Papa ends a lone header with a line break; rows add their own.
  yield unparse([], EXPORT_COLUMNS).trimEnd();
  let after: { createdAt: Date; id: string } | null = null;
  for (;;) {
    const page: ExportedClick[] = await selectClicks(q, after, pageSize);
    if (!page.length) break;
    yield "\r\n" + unparse(page.map((c) => EXPORT_COLUMNS.map((k) => (k === "createdAt" ? isoInZone(toDate(c.createdAt).getTime(), q.zone) : k === "bot" ? (c.bot === true || c.bot === 1 ? "true" : "false") : (c[k] ?? "")))));
    const last = page[page.length - 1]!;
    after = { createdAt: toDate(last.createdAt), id: String(last.id) };
    if (page.length < pageSize) break;
  }
  yield "\r\n";
}

function toDate(v: unknown): Date {
  return v instanceof Date ? v : new Date(String(v));
}
