import "server-only";
import { aggregateClicks } from "./click-sql";
import { getBreakdown, type BreakdownRow } from "./get-analytics";
import { resolveQuery, type AnalyticsReader } from "./resolve-query";
import { FILTER_NAMES } from "./schemas";

export interface Live {
  /** The window's end (now), ISO. */
  at: string;
  clicks: number;
  uniques: number;
  /** Clicks per minute, oldest first: 30 of them. */
  minutes: number[];
  links: BreakdownRow[];
}

const MINUTE = 60_000;
const WINDOW = 30;

/**
 * The last 30 minutes, with the view's filters and bot switch (its period
 * does not apply): read from raw clicks, as every hour it touches is cut.
 */
export async function getLive(access: AnalyticsReader, input: Record<string, string | string[]>, now = Date.now()): Promise<Live> {
  const keep: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(input)) if ((FILTER_NAMES as readonly string[]).includes(k) || k === "bots") keep[k] = v;
  const to = Math.floor(now / MINUTE) * MINUTE + MINUTE;
  const from = to - WINDOW * MINUTE;
  const base = await resolveQuery(access, { ...keep, from: new Date(from).toISOString(), to: new Date(to).toISOString(), interval: "hour" }, now);
  const q = { ...base, starts: Array.from({ length: WINDOW }, (_, i) => from + i * MINUTE) };
  const [buckets, [totals], links] = await Promise.all([aggregateClicks(q, "bucket"), aggregateClicks(q, null), getBreakdown(q, "link", 5)]);
  const byIndex = new Map(buckets.map((b) => [Number(b.k), b.clicks]));
  return { at: new Date(now).toISOString(), clicks: totals?.clicks ?? 0, uniques: totals?.uniques ?? 0, minutes: q.starts.map((_, i) => byIndex.get(i) ?? 0), links };
}
