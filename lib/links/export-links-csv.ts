import "server-only";
import type { WorkspaceAccess } from "@/lib/auth/access";
import Papa from "papaparse";
import { db } from "@/lib/db/client";
import { EXPORT_COLUMN_NAMES, TAG_SEPARATOR, type ExportColumn } from "./csv-columns";
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

function toRecord(link: LinkOutput, campaigns: Map<string, string>, now: Date): Record<ExportColumn, string | number> {
  return {
    url: link.url,
    slug: link.slug,
    domain: link.domain,
    title: link.title ?? "",
    description: link.description ?? "",
    tags: link.tags.join(TAG_SEPARATOR),
    campaign: (link.campaignId && campaigns.get(link.campaignId)) || "",
    utm_source: link.utm.source ?? "",
    utm_medium: link.utm.medium ?? "",
    utm_campaign: link.utm.campaign ?? "",
    utm_term: link.utm.term ?? "",
    utm_content: link.utm.content ?? "",
    expires_at: link.expiresAt ?? "",
    expired_url: link.expiredUrl ?? "",
    max_clicks: link.maxClicks ?? "",
    redirect_type: link.redirectType,
    forward_query: String(link.forwardQuery),
    ios_url: link.ios ?? "",
    android_url: link.android ?? "",
    notes: link.notes ?? "",
    short_url: link.shortUrl,
    clicks: link.clicks,
    created_at: link.createdAt,
    status: statusOf(link, now),
  };
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
  const unparse = (data: Record<ExportColumn, string | number>[], header: boolean) =>
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
