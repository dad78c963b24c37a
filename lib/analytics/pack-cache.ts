import "server-only";
import { env } from "@/lib/env";
import type { DayPack } from "./day-pack";

/**
 * Day packs a server read, kept for the next views while their stamp stays
 * (ClickDayPack.stamp: writePack gives a pack a new one each time it writes
 * it, from any instance). A pack of a closed day is seldom written again, and
 * reading it cost more than anything else a long view does with it: from
 * PostgreSQL, a year's packs (some 80 MB at 10 million clicks) cross the wire;
 * from SQLite, every commit of the click writer empties the page cache of the
 * reading connection, and the year's pages are copied in again.
 *
 * Least recently used first, at most PENNANT_ANALYTICS_CACHE_MB in all (the
 * packs' bytes and their decoded values). A pack kept is never changed: views
 * only read it, and its memory is never given back for reuse (keptPack).
 */
export class PackCache {
  private readonly entries = new Map<string, { stamp: number; pack: DayPack; weight: number; at: number }>();
  private used = 0;

  constructor(
    /** Bytes kept at most. */
    readonly budget: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The pack of the workspace's day (its start, ms) if kept with this stamp; made the most recently used. */
  get(workspaceId: string, day: number, stamp: number): DayPack | undefined {
    const key = `${workspaceId}:${day}`;
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.stamp !== stamp) {
      this.used -= entry.weight;
      return undefined;
    }
    entry.at = this.now();
    this.entries.set(key, entry);
    return entry.pack;
  }

  /**
   * Keeps a pack read with this stamp (in place of the day's earlier one),
   * dropping the least recently used past the budget, but none used in the
   * last few seconds: a view of more packs than the budget holds then keeps
   * its first ones for the next time, rather than each pack it reads pushing
   * out the one it read before (and none ever being found again).
   */
  put(workspaceId: string, stamp: number, pack: DayPack): void {
    const weight = packWeight(pack);
    const key = `${workspaceId}:${pack.day}`;
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.used -= old.weight;
    }
    const now = this.now();
    let free = this.budget - this.used;
    const drop: string[] = [];
    for (const [k, e] of this.entries) {
      if (free >= weight || now - e.at < RECENT_MS) break;
      drop.push(k);
      free += e.weight;
    }
    if (free < weight) return;
    for (const k of drop) {
      this.used -= this.entries.get(k)!.weight;
      this.entries.delete(k);
    }
    this.entries.set(key, { stamp, pack, weight, at: now });
    this.used += weight;
    kept.add(pack);
  }

  /** Drops every pack (benchmarks: the first view after a server starts). */
  clear(): void {
    this.entries.clear();
    this.used = 0;
  }

  /** Bytes kept now (an estimate: the packs' bytes and their values' text). */
  get size(): number {
    return this.used;
  }
}

/** Packs used this recently are not dropped for others: they belong to a view under way, or to the views of the moment. */
const RECENT_MS = 10_000;

/** Every pack a cache ever kept: another view may still be reading one after it was dropped, so its memory is not reused. */
const kept = new WeakSet<DayPack>();

/** Whether a cache took this pack, or more than one reader had it (its memory must not be given back). */
export const keptPack = (pack: DayPack): boolean => kept.has(pack);

/** Marks a pack whose memory must never be given back for reuse: more than one reader has it. */
export const pinPack = (pack: DayPack): void => void kept.add(pack);

/** A kept pack's memory, roughly: its bytes, and its text values with their offsets. */
const packWeight = (pack: DayPack): number => pack.bytes.byteLength + Object.values(pack.values).reduce((sum, v) => sum + v.weight, 0) + 1024;

const globalForCache = globalThis as unknown as { pennantPackCache?: { url: string | undefined; cache: PackCache | null } };

/** This process's cache for the database it uses now; null when PENNANT_ANALYTICS_CACHE_MB is 0. */
export function packCache(): PackCache | null {
  const url = process.env.DATABASE_URL;
  const known = globalForCache.pennantPackCache;
  if (known && known.url === url) return known.cache;
  const mb = env().PENNANT_ANALYTICS_CACHE_MB;
  const cache = mb > 0 ? new PackCache(mb * 2 ** 20) : null;
  globalForCache.pennantPackCache = { url, cache };
  return cache;
}
