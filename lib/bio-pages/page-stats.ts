import "server-only";
import { z } from "zod";
import type { WorkspaceAccess } from "@/lib/auth/access";
import { viewFigures } from "@/lib/analytics/view-days";
import { db } from "@/lib/db/client";
import { findBioPageRow } from "./get-bio-page";
import { draftOf } from "./present-bio-page";
import { utcToZoned, zonedToUtc } from "./zoned-time";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-12-01.");
export const pageStatsQuerySchema = z.object({ from: day, to: day }).refine((q) => q.from <= q.to, { message: "The range must end on or after its start.", path: ["to"] });

const TOP = 5;

/**
 * A page's numbers over whole days in the workspace's time zone, bots
 * excluded, from the one event table (Click): views are `event = view` rows
 * of the page (their built UTC days read from the daily rows, view-days.ts),
 * clicks are `trigger = bio` rows naming it (per block by bioBlockId). Exact
 * counts, no sampling.
 */
export async function getPageStats(access: WorkspaceAccess, pageId: string, query: unknown) {
  const { from, to } = pageStatsQuerySchema.parse(query);
  const workspaceId = access.workspace.id;
  const tz = access.workspace.timeZone;
  const page = await findBioPageRow(db(), workspaceId, pageId);
  const next = new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const createdAt = { gte: new Date(zonedToUtc(`${from}T00:00`, tz)), lt: new Date(zonedToUtc(`${next}T00:00`, tz)) };
  const clicks = { workspaceId, bioPageId: pageId, event: "click", trigger: "bio", bot: false, createdAt };
  const [seen, byBlock] = await Promise.all([
    viewFigures(workspaceId, [pageId], createdAt.gte.getTime(), createdAt.lt.getTime(), true),
    db().click.groupBy({ by: ["bioBlockId"], where: clicks, _count: { _all: true } }),
  ]);
  const viewCount = seen.views;
  const clicksOf = new Map(byBlock.map((b) => [b.bioBlockId, b._count._all]));
  /** The views by one source, largest first. */
  const top = (counts: Map<string | null, number>) =>
    [...counts]
      .map(([k, count]) => ({ name: k ?? "(direct or unknown)", count }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
      .slice(0, TOP);
  const blocks = draftOf(page).blocks.filter((b) => b.type === "link");
  const totalClicks = byBlock.reduce((n, b) => n + b._count._all, 0);
  return {
    from, to, timeZone: tz,
    views: viewCount,
    uniqueVisitors: seen.uniques,
    clicks: totalClicks,
    clickThroughRate: viewCount ? totalClicks / viewCount : 0,
    blocks: blocks.map((b) => {
      const n = clicksOf.get(b.id) ?? 0;
      return { id: b.id, label: b.type === "link" ? b.label : b.type, clicks: n, clickThroughRate: viewCount ? n / viewCount : 0 };
    }),
    referrers: top(seen.referrers),
    countries: top(seen.countries),
  };
}
export type PageStats = Awaited<ReturnType<typeof getPageStats>>;

/** The last `n` days up to today, as dates in the time zone. */
export function lastDays(n: number, tz: string, now = Date.now()): { from: string; to: string } {
  return { from: utcToZoned(new Date(now - (n - 1) * 86_400_000).toISOString(), tz).slice(0, 10), to: utcToZoned(new Date(now).toISOString(), tz).slice(0, 10) };
}
