import "server-only";
import { db } from "@/lib/db/client";
import { Params } from "./click-sql";
import { DIMENSIONS } from "./schemas";

/**
 * Running totals of the daily rollup: each key's figures over every built day
 * before a point T, kept in `ClickMonth` as dims "+<dim>" (the totals: "+")
 * at `month` = T. The points are each UTC month start after the first built
 * day, and the rollup's end (`through`). Any span of days is then the total
 * at its end less the total at its start, give or take the few days between
 * a span's ends and the nearest points: a 12-month "Top links" reads two rows
 * a link, not one a link and day (uniques subtract as exactly as they add:
 * visitor hashes rotate every UTC day).
 *
 * "+#" (no key, zeros) marks a point as complete. Rewriting a built day
 * removes the marks of the points after it in the same transaction, so a
 * reader never takes a total that misses a rewritten day; the job writes
 * them again at the end of its round (`writeRunningTotals`).
 */
const DAY = 86_400_000;
const RUNNING = "+";
const MARK = "+#";
/** The rollup's own dims that have running totals: the totals ("") and every dimension. */
const DIMS = ["", ...DIMENSIONS];
const RUNNING_DIMS = DIMS.map((d) => RUNNING + d);

/** What reading one point's rows costs, in days' rows of one dimension (a point holds every key seen so far). */
const POINT_COST = 4;
/** What reading one month's rows costs, in days' rows. */
const MONTH_COST = 3;
/** Points this far from a span's end are not worth reading (the days between would cost more). */
const REACH = 62 * DAY;

const pg = () => db().provider === "postgres";
export const monthStart = (t: number) => {
  const d = new Date(t);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
};
export const nextMonth = (t: number) => {
  const d = new Date(t);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
};

/** One part of a span's sum: a point's running totals, a run of days, or whole UTC months, added (sign 1) or taken off (-1). */
export type SumPart = { sign: number; point: number } | { sign: number; days: [number, number] } | { sign: number; months: [number, number] };

/** Marked points of a workspace, one read for the questions of a view asked at once. */
export function runningPoints(workspaceId: string): Promise<Set<number>> {
  const running = pointsRunning.get(workspaceId);
  if (running) return running;
  const read = readPoints(workspaceId).finally(() => pointsRunning.delete(workspaceId));
  pointsRunning.set(workspaceId, read);
  return read;
}
const pointsRunning = new Map<string, Promise<Set<number>>>();

async function readPoints(workspaceId: string): Promise<Set<number>> {
  const rows = await db().clickMonth.findMany({ where: { workspaceId, dim: MARK }, select: { month: true } });
  return new Set(rows.map((r) => r.month.getTime()));
}

/** A sum as signed points and days (day -> sign), before runs are formed. */
interface Terms {
  points: Map<number, number>;
  days: Map<number, number>;
}

const bump = (m: Map<number, number>, k: number, by: number) => {
  const v = (m.get(k) ?? 0) + by;
  if (v) m.set(k, v);
  else m.delete(k);
};

/** The ways to write the running total at day t (days before `from` hold nothing): from a point before it plus days, or one after it less days. */
function totalsAt(t: number, from: number, points: Set<number>): Terms[] {
  const days = (a: number, b: number, sign: number) => {
    const m = new Map<number, number>();
    for (let d = a; d < b; d += DAY) m.set(d, sign);
    return m;
  };
  if (t <= from) return [{ points: new Map(), days: new Map() }];
  const out: Terms[] = [];
  if (t - from <= REACH) out.push({ points: new Map(), days: days(from, t, 1) });
  for (const p of points) {
    if (Math.abs(p - t) > REACH) continue;
    out.push({ points: new Map([[p, 1]]), days: p <= t ? days(p, t, 1) : days(t, p, -1) });
  }
  return out;
}

/** What reading the days [first, end) straight costs, months read whole where they fit. */
function straightCost(first: number, end: number): number {
  const monthFrom = monthStart(first) === first ? first : nextMonth(first);
  const monthEnd = monthStart(end);
  if (monthFrom >= monthEnd) return (end - first) / DAY;
  let months = 0;
  for (let m = monthFrom; m < monthEnd; m = nextMonth(m)) months++;
  return months * MONTH_COST + (monthFrom - first + end - monthEnd) / DAY;
}

/** The days [first, end) straight: whole UTC months from their month rows, the days around them from theirs. */
function straightParts(first: number, end: number): SumPart[] {
  const monthFrom = monthStart(first) === first ? first : nextMonth(first);
  const monthEnd = monthStart(end);
  if (monthFrom >= monthEnd) return [{ sign: 1, days: [first, end] }];
  const out: SumPart[] = [{ sign: 1, months: [monthFrom, monthEnd] }];
  if (first < monthFrom) out.push({ sign: 1, days: [first, monthFrom] });
  if (monthEnd < end) out.push({ sign: 1, days: [monthEnd, end] });
  return out;
}

/**
 * The cheapest way to sum the built days [first, end) (`from`: the first
 * built day; `points`: the marked ones): straight, or the running total at
 * its end less the one at its start.
 */
export function sumParts(first: number, end: number, from: number, points: Set<number>): SumPart[] {
  let best: Terms | null = null;
  let bestCost = straightCost(first, end);
  for (const e of totalsAt(end, from, points)) {
    for (const f of totalsAt(first, from, points)) {
      const t: Terms = { points: new Map(e.points), days: new Map(e.days) };
      for (const [p, s] of f.points) bump(t.points, p, -s);
      for (const [d, s] of f.days) bump(t.days, d, -s);
      const cost = t.points.size * POINT_COST + t.days.size;
      if (cost < bestCost) [best, bestCost] = [t, cost];
    }
  }
  if (!best) return straightParts(first, end);
  const out: SumPart[] = [...best.points].map(([point, sign]) => ({ sign, point }));
  // Days of one sign in a row read as one run.
  const days = [...best.days].sort((a, b) => a[0] - b[0]);
  for (let i = 0; i < days.length; ) {
    let j = i;
    while (j + 1 < days.length && days[j + 1]![0] === days[j]![0] + DAY && days[j + 1]![1] === days[i]![1]) j++;
    out.push({ sign: days[i]![1], days: [days[i]![0], days[j]![0] + DAY] });
    i = j + 1;
  }
  return out;
}

/**
 * One SELECT a part, of one dimension (`dim`, the rollup's: "" for the
 * totals), its figures times the part's sign, as `k, clicks, uniques, scans,
 * bioClicks`. Parameters are added in the order of the text.
 */
export function partSelects(p: Params, workspaceId: string, dim: string, parts: SumPart[]): string[] {
  return parts.map((part) => {
    const s = part.sign === 1 ? "" : `${part.sign} * `;
    const cols = `x."key" AS k, ${s}x."clicks" AS clicks, ${s}x."uniques" AS uniques, ${s}x."scans" AS scans, ${s}x."bioClicks" AS "bioClicks"`;
    if ("point" in part) return `SELECT ${cols} FROM "ClickMonth" x WHERE x."workspaceId" = ${p.add(workspaceId)} AND x."dim" = ${p.add(RUNNING + dim)} AND x."month" = ${p.time(part.point)}`;
    if ("months" in part) return `SELECT ${cols} FROM "ClickMonth" x WHERE x."workspaceId" = ${p.add(workspaceId)} AND x."dim" = ${p.add(dim)} AND x."month" >= ${p.time(part.months[0])} AND x."month" < ${p.time(part.months[1])}`;
    return `SELECT ${cols} FROM "ClickDay" x WHERE x."workspaceId" = ${p.add(workspaceId)} AND x."dim" = ${p.add(dim)} AND x."day" >= ${p.time(part.days[0])} AND x."day" < ${p.time(part.days[1])}`;
  });
}

/** The statement that unmarks the points after a day, for the transaction that rewrites the day. */
export function unmarkAfter(workspaceId: string, day: number) {
  return db().clickMonth.deleteMany({ where: { workspaceId, dim: MARK, month: { gt: new Date(day) } } });
}

const lock = (workspaceId: string) => (pg() ? [db().$executeRawUnsafe(`SELECT pg_advisory_xact_lock(hashtext($1))`, `click-day:${workspaceId}`)] : []);

/**
 * Writes the running totals of every point a workspace's built days
 * [from, through) should have and has not marked, each from the nearest
 * marked point before it (a whole month from its month row), and drops
 * totals no longer needed: of the earlier ends, the newest is kept for
 * questions planned with it a moment ago.
 */
export async function writeRunningTotals(workspaceId: string, from: number, through: number): Promise<void> {
  const have = await readPoints(workspaceId);
  const want: number[] = [];
  for (let m = nextMonth(from); m <= through; m = nextMonth(m)) want.push(m);
  if (through > from && !want.includes(through)) want.push(through);
  for (const t of want) {
    if (have.has(t)) continue;
    const base = Math.max(-Infinity, ...[...have].filter((p) => p < t && p > from));
    const start = base === -Infinity ? from : base;
    const m = monthStart(t - DAY);
    // The days since the base are one whole month with its month row (days before `from` hold nothing).
    const wholeMonth = t === nextMonth(m) && (start === m || (base === -Infinity && start >= m));
    // Parameters in the order of the text (SQLite's "?" are positional).
    const p = new Params(pg());
    const head = `INSERT INTO "ClickMonth" ("workspaceId", "month", "dim", "key", "clicks", "uniques", "scans", "bioClicks") SELECT CAST(${p.add(workspaceId)} AS TEXT), ${p.time(t)}, u.dim, u.key, SUM(u.clicks), SUM(u.uniques), SUM(u.scans), SUM(u."bioClicks")`;
    const parts: string[] = [];
    if (base !== -Infinity) parts.push(`SELECT x."dim" AS dim, x."key" AS key, x."clicks" AS clicks, x."uniques" AS uniques, x."scans" AS scans, x."bioClicks" AS "bioClicks" FROM "ClickMonth" x WHERE x."workspaceId" = ${p.add(workspaceId)} AND x."dim" IN (${p.list(RUNNING_DIMS)}) AND x."month" = ${p.time(base)}`);
    const cols = `'${RUNNING}' || x."dim" AS dim, x."key" AS key, x."clicks" AS clicks, x."uniques" AS uniques, x."scans" AS scans, x."bioClicks" AS "bioClicks"`;
    parts.push(
      wholeMonth
        ? `SELECT ${cols} FROM "ClickMonth" x WHERE x."workspaceId" = ${p.add(workspaceId)} AND x."dim" IN (${p.list(DIMS)}) AND x."month" = ${p.time(m)}`
        : `SELECT ${cols} FROM "ClickDay" x WHERE x."workspaceId" = ${p.add(workspaceId)} AND x."dim" IN (${p.list(DIMS)}) AND x."day" >= ${p.time(start)} AND x."day" < ${p.time(t)}`,
    );
    const insert = `${head} FROM (${parts.join(" UNION ALL ")}) u GROUP BY u.dim, u.key`;
    await db().$transaction([
      ...lock(workspaceId),
      db().clickMonth.deleteMany({ where: { workspaceId, month: new Date(t), dim: { in: [...RUNNING_DIMS, MARK] } } }),
      db().$executeRawUnsafe(insert, ...p.values),
      db().clickMonth.create({ data: { workspaceId, month: new Date(t), dim: MARK, key: null, clicks: 0, uniques: 0, scans: 0, bioClicks: 0 } }),
    ]);
    have.add(t);
  }
  const stale = [...have].filter((t) => !want.includes(t)).sort((a, b) => b - a);
  const drop = stale.filter((t) => t > through).concat(stale.filter((t) => t < through).slice(1));
  if (drop.length) await db().clickMonth.deleteMany({ where: { workspaceId, month: { in: drop.map((t) => new Date(t)) }, dim: { in: [...RUNNING_DIMS, MARK] } } });
}
