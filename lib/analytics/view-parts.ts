import "server-only";
import { countViewRowsByDay, selectViewRows, type AggregateRow, type GroupKey } from "./click-sql";
import { addRow, edgeQuery } from "./day-rollup";
import type { ResolvedQuery } from "./resolve-query";
import { compareKeys, groupRowsMany, type PendingContext, type ViewContext } from "./view-rows";

const DAY = 86_400_000;

/**
 * A view's groupings from its period's rows, grouped in memory (view-rows.ts).
 * A period with more rows than `cap` is read in parts of whole UTC days, one
 * part at a time, each at most `cap` rows, and the parts' figures are added:
 * exact, because visitor hashes rotate every UTC day, so no visitor is in two
 * parts. The parts are planned from the rows' count per day (one pass that
 * returns a number a day), so the period is read once more, not once per
 * panel (twenty passes, the way left when one day alone holds more than
 * `cap`: null). `limit` applies to the dimensions.
 */
export async function groupViewRows(q: ResolvedQuery, groups: readonly GroupKey[], pending: PendingContext & Pick<ViewContext, "nullsFirst">, cap: number, limit: number): Promise<Map<GroupKey, AggregateRow[]> | null> {
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
  return new Map(
    groups.map((g) => {
      const rows = [...sums.get(g)!.values()].sort((a, b) => b.clicks - a.clicks || compareKeys(a.k, b.k, ctx.nullsFirst));
      return [g, top(g, rows)];
    }),
  );
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
