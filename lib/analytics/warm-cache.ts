import "server-only";
import { db } from "@/lib/db/client";
import { readPacks, releasePacks } from "./day-pack";
import { sharedLinkMap } from "./link-map";
import { packCache } from "./pack-cache";

const DAY = 86_400_000;
/** Days read back from today: a year and a month (the 12-month, year-to-date and 13-month all-time views). */
const WARM_DAYS = 400;
/** Workspaces ranked by their clicks of the last this many days: the busiest are the slowest to read cold. */
const RANK_DAYS = 30;
/** Workspaces warmed at most (the busiest first; the rest are quick to read anyway). */
const MAX_WORKSPACES = 100;
/** Packs read per step: a step is one short statement, and requests are served between steps. */
const STEP = 16;
/** The cache is left this much room for what views read before its packs may be dropped. */
const FILL = 0.9;

export interface WarmResult {
  workspaces: number;
  packs: number;
  bytes: number;
}

/**
 * Reads into this server's analytics cache what a dashboard reads first, so
 * the first views after a server starts are as quick as the next ones: for
 * the workspaces with the most clicks in the last 30 days (busiest first),
 * the link map and the day packs of the last 400 days (newest first), until
 * the cache is nine-tenths full. Cold, a 12-month view at 10 million clicks
 * spent most of its time reading packs (README, "Day packs kept in memory").
 * Does nothing when the cache is off (PENNANT_ANALYTICS_CACHE_MB=0).
 */
export async function warmAnalyticsCache(now = Date.now()): Promise<WarmResult> {
  const cache = packCache();
  const out: WarmResult = { workspaces: 0, packs: 0, bytes: 0 };
  if (!cache) return out;
  const today = Math.floor(now / DAY);
  const busiest = await db().clickDayPack.groupBy({
    by: ["workspaceId"],
    where: { day: { gte: today - RANK_DAYS } },
    _sum: { rows: true },
    orderBy: { _sum: { rows: "desc" } },
    take: MAX_WORKSPACES,
  });
  const full = () => cache.size >= cache.budget * FILL;
  for (const { workspaceId } of busiest) {
    if (full()) break;
    await sharedLinkMap(workspaceId);
    const days = await db().clickDayPack.findMany({ where: { workspaceId, day: { gte: today - WARM_DAYS } }, select: { day: true, stamp: true }, orderBy: { day: "desc" } });
    for (let i = 0; i < days.length && !full(); i += STEP) {
      const step = days.slice(i, i + STEP).reverse();
      const packs = await readPacks(workspaceId, step.map((d) => ({ day: d.day * DAY, stamp: d.stamp })));
      out.packs += packs.length;
      releasePacks(packs); // those the cache did not take (it was full)
      await new Promise((resolve) => setImmediate(resolve));
    }
    out.workspaces++;
  }
  out.bytes = cache.size;
  return out;
}

let started = false;

/** Warms the cache once in this server process, a moment after it starts (requests come first), and logs what it read. */
export function startCacheWarm(): void {
  if (started) return;
  started = true;
  setTimeout(() => {
    const t = Date.now();
    warmAnalyticsCache()
      .then((r) => {
        if (r.packs) console.log(`[pennant] analytics cache warmed: ${r.packs} day packs of ${r.workspaces} workspace(s), ${Math.round(r.bytes / 2 ** 20)} MB, in ${Date.now() - t} ms`);
      })
      .catch((err: unknown) => console.error("[pennant] warming the analytics cache failed:", err instanceof Error ? err.message : err));
  }, 1_000).unref();
}
