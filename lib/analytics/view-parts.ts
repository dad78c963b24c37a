import "server-only";
import { db } from "@/lib/db/client";
import { aggregateClicks, clicksByBlock, countViewRowsByDay, readsScopeLinks, selectViewRows, type AggregateRow, type GroupKey } from "./click-sql";
import { packedDays, packFilter, readPacks, releasePacks } from "./day-pack";
import { addRow, edgeQuery } from "./day-rollup";
import type { ResolvedQuery } from "./resolve-query";
import { sharedLinkMap } from "./link-map";
import { PackGroups } from "./pack-groups";
import { packLinkIds } from "./pack-links";
import { compareKeys, groupRowsMany, type Grouping, type PendingContext, type ViewContext } from "./view-rows";

const DAY = 86_400_000;

/**
 * A view's groupings from its period's rows, grouped in memory (view-rows.ts):
 * its packed days from their packs (groupPackedRows), the rest as below.
 * `limit` applies to the dimensions.
 */
export async function groupViewRows(q: ResolvedQuery, groups: readonly GroupKey[], pending: PendingContext & Pick<ViewContext, "nullsFirst">, cap: number, limit: number): Promise<Map<GroupKey, AggregateRow[]> | null> {
  const packed = await groupPackedRows(q, groups, () => pending, limit, (eq) => groupSpanRows(eq, groups, pending, cap, Infinity));
  return packed === undefined ? groupSpanRows(q, groups, pending, cap, limit) : packed;
}

/**
 * A question's groupings where some of its whole UTC days have a pack
 * (day-pack.ts): those days from their packs, filtered as they are unpacked,
 * and the rest (the edges, today, days not built or not packed) by
 * `readSpan`, each span as a question of its own. The two add up exactly: no
 * visitor hash spans two UTC days. Undefined when no day has a pack, or the
 * question is a small scope's (its raw clicks, read through their link index,
 * are fewer than any day's pack); null when a span cannot be read.
 * `context` is asked for once some day has a pack.
 */
export async function groupPackedRows<G extends Grouping>(
  q: ResolvedQuery,
  groups: readonly G[],
  context: () => PendingContext & Pick<ViewContext, "nullsFirst">,
  limit: number,
  readSpan: (eq: ResolvedQuery) => Promise<Map<G, AggregateRow[]> | null>,
): Promise<Map<G, AggregateRow[]> | null | undefined> {
  const packs = readsScopeLinks(q) ? [] : await packedDays(q);
  if (!packs.length) return undefined;
  const sums = new Map<G, Map<string | number | null, AggregateRow>>(groups.map((g) => [g, new Map()]));
  const add = (got: Map<G, AggregateRow[]>, offset: number) => {
    for (const g of groups) for (const r of got.get(g)!) addRow(sums.get(g)!, g === "bucket" ? Number(r.k) + offset : r.k, r);
  };
  const pending = context();
  // The spans read beside the packs.
  const spans = (async () => {
    const read: [Map<G, AggregateRow[]>, number][] = [];
    for (const span of gaps(q, packs)) {
      const { eq, offset } = edgeQuery(q, span);
      const got = await readSpan(eq);
      if (!got) return null;
      read.push([got, offset]);
    }
    return read;
  })();
  spans.catch(() => undefined); // awaited below
  // A month of days at a time (some 200 KB a day at 25,000 clicks), the first read beside the link map, the next
  // while this one is summed: PostgreSQL sends it from its own process (on another core), as its bytes (pack-bytes.ts).
  const month = async (i: number) => {
    const batch = await readPacks(q.workspaceId, packs.slice(i, i + PACKS_AT_ONCE));
    return { batch, ids: await packLinkIds(q.workspaceId, Math.max(0, ...batch.map((p) => p.links))) };
  };
  let next = month(0);
  next.catch(() => undefined); // awaited below
  const map = await pending.map;
  const ctx: ViewContext = { kinds: pending.kinds, tags: map.tags, nullsFirst: pending.nullsFirst };
  const packed = new PackGroups(groups, ctx, map.links, packFilter(q, map.links, map.tags), q.starts);
  for (let i = 0; i < packs.length; i += PACKS_AT_ONCE) {
    const { batch, ids } = await next;
    if (i + PACKS_AT_ONCE < packs.length) {
      next = month(i + PACKS_AT_ONCE);
      next.catch(() => undefined); // awaited in the next round
    }
    // The event loop back before each month, and within it every SLICE_MS of summing: packs the cache holds come
    // without a wait, and summing a year of them at once kept the redirect, other requests and this page's own
    // first bytes (its shell) waiting; a month of a large country's days still held them up to 100 ms.
    await giveBack();
    let since = performance.now();
    for (const pack of batch) {
      if (performance.now() - since >= SLICE_MS) {
        await giveBack();
        since = performance.now();
      }
      packed.add(pack, ids);
    }
    releasePacks(batch);
  }
  add(packed.result(), 0);
  const read = await spans;
  if (!read) return null;
  for (const [got, offset] of read) add(got, offset);
  return sortedSums(groups, sums, ctx.nullsFirst, limit);
}

/** Each grouping's added-up rows as every way orders them (most clicks first, then the key as the database sorts it), the dimensions' top `limit`. */
function sortedSums<G extends Grouping>(groups: readonly G[], sums: Map<G, Map<string | number | null, AggregateRow>>, nullsFirst: boolean, limit: number): Map<G, AggregateRow[]> {
  return new Map(
    groups.map((g) => {
      const rows = [...sums.get(g)!.values()].sort((a, b) => b.clicks - a.clicks || compareKeys(a.k, b.k, nullsFirst));
      return [g, g === null || g === "bucket" ? rows : rows.slice(0, limit)];
    }),
  );
}

/** Longest stretch of summing packs before the event loop gets a turn (a pack takes about a millisecond). */
const SLICE_MS = 10;
const giveBack = () => new Promise((resolve) => setImmediate(resolve));

/** Days of packs read per statement: a month's, some 8 MB at 25,000 clicks a day. */
const PACKS_AT_ONCE = 31;

/** The context a question's packs are read with, its link map read now. */
const packContext = (q: ResolvedQuery) => (): PendingContext & Pick<ViewContext, "nullsFirst"> => ({ kinds: q.kinds, map: sharedLinkMap(q.workspaceId), nullsFirst: db().provider !== "postgres" });

/** One grouping of a question whose whole days have packs: those days from them, the rest the hourly way. Null when none has. */
export async function aggregateByPacks(q: ResolvedQuery, group: GroupKey, limit?: number): Promise<AggregateRow[] | null> {
  const read = async (eq: ResolvedQuery) => new Map<Grouping, AggregateRow[]>([[group, await aggregateClicks(eq, group)]]);
  const got = await groupPackedRows(q, [group], packContext(q), limit ?? Infinity, read);
  return got ? got.get(group)! : null;
}

/** Clicks and unique visitors per block of a bio page's view whose whole days have packs: those days from them, the rest from raw clicks. Null when none has. */
export async function blocksByPacks(q: ResolvedQuery): Promise<{ blockId: string; clicks: number; uniques: number }[] | null> {
  const read = async (eq: ResolvedQuery) => new Map<Grouping, AggregateRow[]>([["block", (await clicksByBlock(eq)).map((b) => ({ k: b.blockId, clicks: b.clicks, uniques: b.uniques, scans: 0, bioClicks: 0, views: 0 }))]]);
  const got = await groupPackedRows(q, ["block"], packContext(q), Infinity, read);
  return got ? got.get("block")!.flatMap((r) => (r.k === null ? [] : [{ blockId: String(r.k), clicks: r.clicks, uniques: r.uniques }])) : null;
}

/**
 * Periods of at most this many rows (rollup rows and raw clicks) are read once
 * and grouped in memory for every panel; longer ones in parts of whole days of
 * at most this many; a day with more is asked of the database panel by panel,
 * which holds no rows in memory.
 */
export const VIEW_ROWS_CAP = 100_000;

/** The question's period less its packed days, as spans of consecutive time. */
function gaps(q: Pick<ResolvedQuery, "from" | "to">, packs: { day: number }[]): [number, number][] {
  const out: [number, number][] = [];
  let at = q.from;
  for (const { day } of packs) {
    if (day > at) out.push([at, day]);
    at = day + DAY;
  }
  if (at < q.to) out.push([at, q.to]);
  return out;
}

/**
 * A span's groupings from its rows read the hourly way (selectViewRows).
 * A span with more rows than `cap` is read in parts of whole UTC days, one
 * part at a time, each at most `cap` rows, and the parts' figures are added:
 * exact, because visitor hashes rotate every UTC day, so no visitor is in two
 * parts. The parts are planned from the rows' count per day (one pass that
 * returns a number a day), so the span is read once more, not once per
 * panel (twenty passes, the way left when one day alone holds more than
 * `cap`: null).
 */
async function groupSpanRows(q: ResolvedQuery, groups: readonly GroupKey[], pending: PendingContext & Pick<ViewContext, "nullsFirst">, cap: number, limit: number): Promise<Map<GroupKey, AggregateRow[]> | null> {
  const [whole, map] = await Promise.all([selectViewRows(q, cap, pending.map.then((m) => m.links)), pending.map]);
  const ctx: ViewContext = { kinds: pending.kinds, tags: map.tags, nullsFirst: pending.nullsFirst };
  const top = (g: GroupKey, rows: AggregateRow[]) => (g === null || g === "bucket" ? rows : rows.slice(0, limit));
  if (whole) {
    const grouped = groupRowsMany(whole, groups, ctx);
    return new Map(groups.map((g, i) => [g, top(g, grouped[i]!)]));
  }
  const parts = planParts(q, await countViewRowsByDay(q), cap);
  if (!parts) return null;
  const sums = new Map<GroupKey, Map<string | number | null, AggregateRow>>(groups.map((g) => [g, new Map()]));
  for (const span of parts) {
    const { eq, offset } = edgeQuery(q, span);
    const rows = await selectViewRows(eq, cap, map.links);
    // More rows than counted a moment ago (today's clicks): the way that holds none in memory.
    if (!rows) return null;
    if (offset) for (const r of rows) r.b += offset;
    groupRowsMany(rows, groups, ctx).forEach((got, i) => {
      for (const r of got) addRow(sums.get(groups[i]!)!, r.k, r);
    });
  }
  return sortedSums(groups, sums, ctx.nullsFirst, limit);
}

/**
 * The period cut at UTC midnights into spans of at most `cap` rows, each as
 * long as it can be (days in order, `counts` by each day's start); null when
 * one day alone holds more.
 */
export function planParts(q: Pick<ResolvedQuery, "from" | "to">, counts: Map<number, number>, cap: number): [number, number][] | null {
  const parts: [number, number][] = [];
  let start = q.from;
  let rows = 0;
  for (let day = Math.floor(q.from / DAY) * DAY; day < q.to; day += DAY) {
    const n = counts.get(day) ?? 0;
    if (n > cap) return null;
    if (rows + n > cap) {
      parts.push([start, day]);
      [start, rows] = [day, 0];
    }
    rows += n;
  }
  parts.push([start, q.to]);
  return parts;
}
