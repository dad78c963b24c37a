import "server-only";
import { z } from "zod";
import type { WorkspaceAccess } from "@/lib/auth/access";
import { Params } from "@/lib/analytics/click-sql";
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
  const clicks = { workspaceId, bioPageId: pageId, event: "click", trigger: "bio", bot: false, createdAt };
  const [seen, sources, byBlock] = await Promise.all([viewTotals(workspaceId, pageId, createdAt), viewSources(workspaceId, pageId, createdAt), db().click.groupBy({ by: ["bioBlockId"], where: clicks, _count: { _all: true } })]);
  const viewCount = seen.views;
  const clicksOf = new Map(byBlock.map((b) => [b.bioBlockId, b._count._all]));
  /** The views by one source, largest first. */
  const top = (key: (r: ViewSource) => string | null) => {
    const counts = new Map<string | null, number>();
    for (const r of sources) counts.set(key(r), (counts.get(key(r)) ?? 0) + r.n);
    return [...counts]
      .map(([k, count]) => ({ name: k ?? "(direct or unknown)", count }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
      .slice(0, TOP);
  };
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
    referrers: top((r) => r.referrerHost),
    countries: top((r) => r.country),
  };
}
export type PageStats = Awaited<ReturnType<typeof getPageStats>>;

interface ViewSource {
  referrerHost: string | null;
  country: string | null;
  n: number;
}

/**
 * A page's human views in the period, as SQL over its rows (the page's index
 * finds them): counted, and their distinct visitors counted by the database.
 * (Prisma's groupBy by visitor sent every hash to the app: for a page with
 * half a million views in the range, 1.8 s on SQLite and 1.1–1.5 s on
 * PostgreSQL, against 0.9 and 0.65 s this way.)
 */
function viewsOf(workspaceId: string, pageId: string, createdAt: { gte: Date; lt: Date }) {
  const p = new Params(db().provider === "postgres");
  const where =
    `x."bioPageId" = ${p.add(pageId)} AND x."workspaceId" = ${p.add(workspaceId)} AND x."createdAt" >= ${p.time(createdAt.gte.getTime())} ` +
    `AND x."createdAt" < ${p.time(createdAt.lt.getTime())} AND x."event" = 'view' AND NOT x."bot"`;
  return { p, where };
}

async function viewTotals(workspaceId: string, pageId: string, createdAt: { gte: Date; lt: Date }): Promise<{ views: number; uniques: number }> {
  const { p, where } = viewsOf(workspaceId, pageId, createdAt);
  const [row] = await db().$queryRawUnsafe<{ views: unknown; uniques: unknown }[]>(`SELECT COUNT(*) AS views, COUNT(DISTINCT x."visitorHash") AS uniques FROM "Click" x WHERE ${where}`, ...p.values);
  return { views: Number(row?.views ?? 0), uniques: Number(row?.uniques ?? 0) };
}

/** The views by referrer and country together: one pass gives both breakdowns. */
async function viewSources(workspaceId: string, pageId: string, createdAt: { gte: Date; lt: Date }): Promise<ViewSource[]> {
  const { p, where } = viewsOf(workspaceId, pageId, createdAt);
  const rows = await db().$queryRawUnsafe<{ referrerHost: string | null; country: string | null; n: unknown }[]>(
    `SELECT x."referrerHost" AS "referrerHost", x."country" AS "country", COUNT(*) AS n FROM "Click" x WHERE ${where} GROUP BY x."referrerHost", x."country"`,
    ...p.values,
  );
  return rows.map((r) => ({ referrerHost: r.referrerHost, country: r.country, n: Number(r.n) }));
}

/** The last `n` days up to today, as dates in the time zone. */
export function lastDays(n: number, tz: string, now = Date.now()): { from: string; to: string } {
  return { from: utcToZoned(new Date(now - (n - 1) * 86_400_000).toISOString(), tz).slice(0, 10), to: utcToZoned(new Date(now).toISOString(), tz).slice(0, 10) };
}
