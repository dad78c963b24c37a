import "server-only";
import type { WorkspaceAccess } from "@/lib/auth/access";
import { aggregateClicks, type AggregateRow, type GroupKey } from "./click-sql";
import { countViews } from "./view-days";
import { aggregateByPacks } from "./view-parts";
import { aggregateByDay } from "./day-rollup";
import { labelKeys } from "./labels";
import { previousPeriod, resolveQuery, type ResolvedQuery } from "./resolve-query";
import type { Dimension } from "./schemas";
import { isoInZone } from "./time-range";

export interface Totals {
  clicks: number;
  uniques: number;
  scans: number;
  bioClicks: number;
  views: number;
}
export interface BreakdownRow {
  key: string | null;
  label: string;
  clicks: number;
  uniques: number;
}
export interface Bucket {
  start: string;
  clicks: number;
  uniques: number;
}

export const totalsOf = (r: AggregateRow | undefined): Totals => ({ clicks: r?.clicks ?? 0, uniques: r?.uniques ?? 0, scans: r?.scans ?? 0, bioClicks: r?.bioClicks ?? 0, views: r?.views ?? 0 });

/** One grouping of a question: from the daily rollup and the edges where it can, else from its whole days' packs and the hourly way for the rest (view-parts.ts), else all the hourly way (click-sql.ts). */
export async function aggregate(q: ResolvedQuery, group: GroupKey, opts: { views?: boolean; limit?: number } = {}): Promise<AggregateRow[]> {
  const [rows, views] = await Promise.all([
    aggregateByDay(q, group, opts.limit)
      .then((byDay) => byDay ?? aggregateByPacks(q, group, opts.limit))
      .then((byPacks) => byPacks ?? aggregateClicks(q, group, { limit: opts.limit })),
    group === null && opts.views ? countViews(q) : null,
  ]);
  if (views === null) return rows;
  return [{ ...(rows[0] ?? { k: null, clicks: 0, uniques: 0, scans: 0, bioClicks: 0 }), views }];
}

/** The period's totals, and those of the period of the same length before it. */
export async function getTotals(q: ResolvedQuery): Promise<{ current: Totals; previous: Totals }> {
  const [current, previous] = await Promise.all([aggregate(q, null, { views: true }), aggregate(previousPeriod(q), null, { views: true })]);
  return { current: totalsOf(current[0]), previous: totalsOf(previous[0]) };
}

/** One row per bucket, empty buckets included, each starting at an ISO time with the zone's offset. */
export async function getTimeseries(q: ResolvedQuery): Promise<Bucket[]> {
  return bucketsOf(q, await aggregate(q, "bucket"));
}

export function bucketsOf(q: ResolvedQuery, grouped: AggregateRow[]): Bucket[] {
  const rows = new Map(grouped.map((r) => [Number(r.k), r]));
  return q.starts.map((s, i) => ({ start: isoInZone(s, q.zone), clicks: rows.get(i)?.clicks ?? 0, uniques: rows.get(i)?.uniques ?? 0 }));
}

/** The top keys of one dimension, most clicks first. */
export async function getBreakdown(q: ResolvedQuery, d: Dimension, limit = q.limit): Promise<BreakdownRow[]> {
  return labelRows(q, d, await aggregate(q, d, { limit }));
}

/** A breakdown's rows with people's names for their keys. */
export async function labelRows(q: ResolvedQuery, d: Dimension, rows: AggregateRow[]): Promise<BreakdownRow[]> {
  const keys = rows.map((r) => (r.k === null ? null : String(r.k)));
  const labels = await labelKeys(q.workspaceId, d, keys);
  return rows.map((r, i) => ({ key: keys[i]!, label: labels.get(keys[i]!) ?? String(keys[i]), clicks: r.clicks, uniques: r.uniques }));
}

/**
 * GET /api/v1/analytics: one grouping of one question. The same functions
 * draw the dashboards.
 */
export async function queryAnalytics(access: WorkspaceAccess, input: unknown) {
  const q = await resolveQuery(access, input);
  const period = { from: isoInZone(q.from, q.zone), to: isoInZone(q.to, q.zone), timezone: q.zone, interval: q.interval, bots: q.bots, estimate: q.estimate };
  if (q.groupBy === "timeseries") return { ...period, groupBy: q.groupBy, data: await getTimeseries(q) };
  return { ...period, groupBy: q.groupBy, data: await getBreakdown(q, q.groupBy) };
}
