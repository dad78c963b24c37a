import "server-only";
import type { WorkspaceAccess } from "@/lib/auth/access";
import Papa from "papaparse";
import { db } from "@/lib/db/client";
import { EXPORT_COLUMN_NAMES, EXPORT_COLUMNS, TAG_SEPARATOR, type EXPORT_ONLY_COLUMNS } from "./csv-columns";
import { atPath, LINK_FIELDS } from "./link-fields";
import { listLinks } from "./list-links";
import type { LinkOutput, ListLinksQuery } from "./schemas";

/**
 * Cells a spreadsheet would run as a formula (=, +, -, @, tab, carriage
 * return) get a leading `'`. Papa's own default pattern stops at the first
 * line break, so a multi-line cell would slip through: test the first
 * character only.
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

const PAGE_SIZE = 100;

export type ExportFilters = Pick<ListLinksQuery, "search" | "tag" | "campaignId" | "status">;

function statusOf(link: LinkOutput, now: Date): "active" | "expired" | "disabled" | "archived" {
  if (link.archived) return "archived";
  if (link.disabled) return "disabled";
  if ((link.expiresAt && new Date(link.expiresAt) <= now) || (link.maxClicks !== null && link.clicks >= link.maxClicks)) return "expired";
  return "active";
}

/** One link -> its CSV cells, one per column of EXPORT_COLUMN_NAMES. */
function toRecord(link: LinkOutput, campaigns: Map<string, string>, now: Date): Record<string, string | number> {
  const record: Record<string, string | number> = {};
  for (const { name, column } of EXPORT_COLUMNS) {
    const value = !column ? link.tags.join(TAG_SEPARATOR) : column === "campaignId" ? (link.campaignId && campaigns.get(link.campaignId)) || "" : atPath(link, LINK_FIELDS[column].api);
    record[name] = value == null ? "" : typeof value === "number" ? value : String(value as string | boolean);
  }
  const computed: Record<(typeof EXPORT_ONLY_COLUMNS)[number], string | number> = { short_url: link.shortUrl, clicks: link.clicks, created_at: link.createdAt, status: statusOf(link, now) };
  return { ...record, ...computed };
}

/**
 * A workspace's links as CSV, a page at a time (header first), with the
 * same filters as the Links list. Passwords are never exported.
 */
export async function* exportLinksCsv(access: WorkspaceAccess, filters: ExportFilters = {}): AsyncGenerator<string> {
  const workspaceId = access.workspace.id;
  const campaignRows = await db().campaign.findMany({ where: { workspaceId }, select: { id: true, name: true } });
  const campaigns = new Map(campaignRows.map((c) => [c.id, c.name]));
  const now = new Date();
  const unparse = (data: Record<string, string | number>[], header: boolean) =>
    Papa.unparse(data, { columns: [...EXPORT_COLUMN_NAMES], header, escapeFormulae: FORMULA_START, newline: "\r\n" });
  yield unparse([], true);
  let cursor: string | undefined;
  do {
    const page = await listLinks(access, { ...filters, cursor, limit: PAGE_SIZE });
    if (page.data.length) yield "\r\n" + unparse(page.data.map((l) => toRecord(l, campaigns, now)), false);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  yield "\r\n";
}

/** The whole export as one string (tests, small workspaces). */
export async function exportLinksCsvText(access: WorkspaceAccess, filters: ExportFilters = {}): Promise<string> {
  let out = "";
  for await (const chunk of exportLinksCsv(access, filters)) out += chunk;
  return out;
}
