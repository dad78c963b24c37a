import "server-only";
import { db } from "@/lib/db/client";
import { Params } from "./click-sql";
import { numberLinks } from "./pack-links";
import { monthStart, nextMonth } from "./running-totals";
import { DIMENSIONS } from "./schemas";
import { dayNumber, MONTH_KINDS, type ScopeDay } from "./scope-rollup";

/**
 * A value's scope rows summed over whole UTC months (`ClickScopeMonth`, see
 * the schema). A value's day lists every key of every dimension that had
 * clicks with it (the "(none)" referrer's day lists thousands of links at ten
 * million clicks a year), so its top links over 12 months read 365 such lists;
 * a month's row holds each key once, so the same question reads 12 of them and
 * the days at its ends. Its links are kept apart, as numbers and figures in
 * binary (`links`): 12 months of a busy value's links were read as some 5 MB
 * of JSON text, cut out by SQLite and parsed again here, and summed by id; now
 * they are summed by number into one array. Uniques add up across days (visitor hashes rotate every
 * UTC day), so a month's are its days' summed. Hours are left out: time buckets
 * read the days.
 */
const MARK = "#";
/**
 * A month's mark: its clicks, and the layout its rows are written in (":2",
 * their links in the `links` column). A month marked otherwise (written by an
 * older version) is read as it is, and written again by the next round.
 */
const markOf = (clicks: number) => `${clicks}:2`;
type Key = string | null;
/** Where a month row (every kind here groups by every dimension) holds its links. */
const LINKS = DIMENSIONS.indexOf("link");
/** Figures a link has in `links` after its number: clicks, uniques, scans, bio-page clicks. */
export const LINK_FIGURES = 4;

/** A link list ([[id, ...figures], ...]) as `links` holds it: each link's number and its four figures, ordered by number. */
function linkBytes(entry: ScopeDay["d"][number], numbers: Map<string, number>): Uint8Array {
  const list = Array.isArray(entry) ? entry : [];
  const rows = list.map((r) => [r[0] === null ? 0 : numbers.get(String(r[0]))!, ...[1, 2, 3, 4].map((i) => Number(r[i] ?? 0))]);
  rows.sort((a, b) => a[0]! - b[0]!);
  const out = new Int32Array(rows.length * (1 + LINK_FIGURES));
  rows.forEach((r, i) => out.set(r, i * (1 + LINK_FIGURES)));
  // Int32Array is the machine's order; the column is little-endian, as every machine this runs on.
  return new Uint8Array(out.buffer);
}

/** `links` as read back: numbers and figures, five a link (little-endian int32; copied only where the bytes do not start at a 4-byte boundary, as decodePack does). */
export function linkFigures(bytes: Uint8Array): Int32Array {
  const aligned = bytes.byteOffset % 4 ? Uint8Array.prototype.slice.call(bytes) : bytes;
  return new Int32Array(aligned.buffer, aligned.byteOffset, aligned.byteLength / 4);
}

const figuresOf = (xs: readonly unknown[], from: number) => [0, 1, 2, 3].map((i) => Number(xs[from + i] ?? 0));
/** Figures without their trailing zeros (two are kept: clicks and uniques). */
function trim(xs: number[]): number[] {
  let n = xs.length;
  while (n > 2 && xs[n - 1] === 0) n--;
  return xs.slice(0, n);
}

function addTo(m: Map<Key, number[]>, k: Key, f: number[]) {
  const row = m.get(k);
  if (!row) m.set(k, [...f]);
  else for (let i = 0; i < 4; i++) row[i]! += f[i]!;
}

/** Days of one scope summed into one row: totals, and each dimension's keys (hours left out). */
export function sumScopeDays(days: ScopeDay[]): ScopeDay {
  const t = [0, 0, 0, 0];
  const dims: Map<Key, number[]>[] = [];
  for (const day of days) {
    const total = figuresOf(day.t, 0);
    for (let i = 0; i < 4; i++) t[i]! += total[i]!;
    day.d.forEach((entry, i) => {
      const m = (dims[i] ??= new Map());
      // A day with one key keeps the key alone: it holds the day's totals.
      if (!Array.isArray(entry)) addTo(m, entry, total);
      else for (const r of entry) addTo(m, (r[0] ?? null) as Key, figuresOf(r, 1));
    });
  }
  return { t: trim(t), d: Array.from(dims, (m) => [...(m ?? new Map<Key, number[]>())].map(([k, f]) => [k, ...trim(f)])), h: [] };
}

/** Which of the months (their first days) have their rows summed (marked), ascending. */
export async function summedMonths(workspaceId: string, months: number[]): Promise<number[]> {
  if (!months.length) return [];
  const marked = await db().clickScopeMonth.findMany({ where: { workspaceId, kind: MARK, ref: "", month: { in: months.map(dayNumber) } }, select: { month: true } });
  const got = new Set(marked.map((r) => r.month));
  return months.filter((m) => got.has(dayNumber(m)));
}

/**
 * Sums every whole month of built days ([from, through)) whose rows are not
 * there, or whose total no longer matches the month's in `ClickMonth` (a day
 * of it rewritten by another instance while this one summed it). Rewriting a
 * day deletes its month's rows (day-rollup.ts, writeDay). Answers how many
 * months it wrote.
 */
export async function writeScopeMonths(workspaceId: string, from: number, through: number): Promise<number> {
  const months: number[] = [];
  for (let m = monthStart(from); nextMonth(m) <= through; m = nextMonth(m)) months.push(m);
  if (!months.length) return 0;
  const [marks, totals] = await Promise.all([
    db().clickScopeMonth.findMany({ where: { workspaceId, kind: MARK, ref: "", month: { in: months.map(dayNumber) } }, select: { month: true, data: true } }),
    db().clickMonth.findMany({ where: { workspaceId, dim: "", key: null, month: { in: months.map((m) => new Date(m)) } }, select: { month: true, clicks: true } }),
  ]);
  const summed = new Map(marks.map((r) => [r.month, r.data]));
  const clicks = new Map(totals.map((r) => [dayNumber(r.month.getTime()), r.clicks]));
  let written = 0;
  for (const m of months) {
    const n = dayNumber(m);
    if (summed.get(n) === markOf(clicks.get(n) ?? 0)) continue;
    await writeMonth(workspaceId, m);
    written++;
  }
  return written;
}

/** One month's rows of every value, and its mark (the month's clicks, as its trigger rows sum them), all or nothing. */
async function writeMonth(workspaceId: string, m: number) {
  const [first, end] = [dayNumber(m), dayNumber(nextMonth(m))];
  const sums: { kind: string; ref: string; sum: ScopeDay }[] = [];
  let clicks = 0;
  for (const kind of MONTH_KINDS) {
    const days = await db().clickScopeDay.findMany({ where: { workspaceId, kind, day: { gte: first, lt: end } }, select: { ref: true, data: true } });
    const byRef = new Map<string, ScopeDay[]>();
    for (const d of days) {
      const list = byRef.get(d.ref);
      const data = JSON.parse(d.data) as ScopeDay;
      if (list) list.push(data);
      else byRef.set(d.ref, [data]);
    }
    for (const [ref, list] of byRef) {
      const sum = sumScopeDays(list);
      // Every click has a trigger: the trigger rows add up to the month's clicks.
      if (kind === "trigger") clicks += sum.t[0] ?? 0;
      sums.push({ kind, ref, sum });
    }
    // The job shares the thread with the redirect: the event loop back between kinds.
    await new Promise((resolve) => setImmediate(resolve));
  }
  // Every link of the month by number (the day packs' numbers: most have one already).
  const ids = new Set<string>();
  for (const { sum } of sums) for (const r of (sum.d[LINKS] ?? []) as (Key | number)[][]) if (r[0] !== null) ids.add(String(r[0]));
  const numbers = await numberLinks(workspaceId, ids);
  const rows = sums.map(({ kind, ref, sum }) => {
    const links = linkBytes(sum.d[LINKS]!, numbers);
    sum.d[LINKS] = [];
    return { kind, ref, data: JSON.stringify(sum), links };
  });
  const inserts = [];
  for (let i = 0; i < rows.length; i += 200) {
    const p = new Params(db().provider === "postgres");
    const values = rows.slice(i, i + 200).map((r) => `(${p.add(workspaceId)}, ${p.add(r.kind)}, ${p.add(r.ref)}, ${p.add(first)}, ${p.add(r.data)}, ${p.add(r.links)})`);
    inserts.push(db().$executeRawUnsafe(`INSERT INTO "ClickScopeMonth" ("workspaceId", "kind", "ref", "month", "data", "links") VALUES ${values.join(", ")}`, ...p.values));
  }
  await db().$transaction([
    // The click days' lock (day-rollup.ts, writeDay): another instance summing this month, or rewriting one of its days, waits.
    ...(db().provider === "postgres" ? [db().$executeRawUnsafe(`SELECT pg_advisory_xact_lock(hashtext($1))`, `click-day:${workspaceId}`)] : []),
    db().clickScopeMonth.deleteMany({ where: { workspaceId, month: first } }),
    ...inserts,
    db().clickScopeMonth.create({ data: { workspaceId, kind: MARK, ref: "", month: first, data: markOf(clicks) } }),
  ]);
}
