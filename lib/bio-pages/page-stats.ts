import "server-only";
import { z } from "zod";
import type { WorkspaceAccess } from "@/lib/auth/access";
import { db } from "@/lib/db/client";
import { findBioPageRow } from "./get-bio-page";
import { draftOf } from "./present-bio-page";
import { utcToZoned, zonedToUtc } from "./zoned-time";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-12-01.");
export const pageStatsQuerySchema = z.object({ from: day, to: day }).refine((q) => q.from <= q.to, { message: "The range must end on or after its start.", path: ["to"] });

const TOP = 5;

/**
 * A page's numbers over whole days in the workspace's time zone, bots
 * excluded, read from the one event table (Click): views are `event = view`
 * rows of the page, clicks are `trigger = bio` rows naming it (per block by
 * bioBlockId). Exact counts, no sampling.
 */
export async function getPageStats(access: WorkspaceAccess, pageId: string, query: unknown) {
  const { from, to } = pageStatsQuerySchema.parse(query);
  const workspaceId = access.workspace.id;
  const tz = access.workspace.timeZone;
  const page = await findBioPageRow(db(), workspaceId, pageId);
  const next = new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const createdAt = { gte: new Date(zonedToUtc(`${from}T00:00`, tz)), lt: new Date(zonedToUtc(`${next}T00:00`, tz)) };
  const views = { workspaceId, bioPageId: pageId, event: "view", bot: false, createdAt };
  const clicks = { workspaceId, bioPageId: pageId, event: "click", trigger: "bio", bot: false, createdAt };
  const [viewCount, visitors, byBlock, referrers, countries] = await Promise.all([
    db().click.count({ where: views }),
    db().click.groupBy({ by: ["visitorHash"], where: views }),
    db().click.groupBy({ by: ["bioBlockId"], where: clicks, _count: { _all: true } }),
    db().click.groupBy({ by: ["referrerHost"], where: views, _count: { _all: true } }),
    db().click.groupBy({ by: ["country"], where: views, _count: { _all: true } }),
  ]);
  const clicksOf = new Map(byBlock.map((b) => [b.bioBlockId, b._count._all]));
  const top = (rows: { _count: { _all: number } }[], key: (r: never) => string | null) =>
    rows
      .map((r) => ({ name: key(r as never) ?? "(direct or unknown)", count: r._count._all }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
      .slice(0, TOP);
  const blocks = draftOf(page).blocks.filter((b) => b.type === "link");
  const totalClicks = byBlock.reduce((n, b) => n + b._count._all, 0);
  return {
    from, to, timeZone: tz,
    views: viewCount,
    uniqueVisitors: visitors.length,
    clicks: totalClicks,
    clickThroughRate: viewCount ? totalClicks / viewCount : 0,
    blocks: blocks.map((b) => {
      const n = clicksOf.get(b.id) ?? 0;
      return { id: b.id, label: b.type === "link" ? b.label : b.type, clicks: n, clickThroughRate: viewCount ? n / viewCount : 0 };
    }),
    referrers: top(referrers, (r: { referrerHost: string | null }) => r.referrerHost),
    countries: top(countries, (r: { country: string | null }) => r.country),
  };
}
export type PageStats = Awaited<ReturnType<typeof getPageStats>>;

/** The last `n` days up to today, as dates in the time zone. */
export function lastDays(n: number, tz: string, now = Date.now()): { from: string; to: string } {
  return { from: utcToZoned(new Date(now - (n - 1) * 86_400_000).toISOString(), tz).slice(0, 10), to: utcToZoned(new Date(now).toISOString(), tz).slice(0, 10) };
}
