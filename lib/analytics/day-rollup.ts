import "server-only";
import { selectRows } from "@/lib/db/select-rows";
import { createHash } from "node:crypto";
import { db } from "@/lib/db/client";
import { pgTime, sqliteTime } from "@/lib/db/raw-values";
import { aggregateClicks, clicksByBlock, Params, selectViewRows, type AggregateRow, type GroupKey, type ViewRow } from "./click-sql";
import { pruneLinkMapChanges, readLinkMap, sharedLinkMap, type LinkMap } from "./link-map";
import { platformKinds } from "./platforms";
import type { ResolvedQuery } from "./resolve-query";
import { bucketOf, QUARTER_MIDNIGHTS } from "./time-range";
import { DIMENSIONS, type Dimension } from "./schemas";
import { BOTS, dayNumber, groupScopeCuts, groupScopeDays, hasMonths, inSummary, insertScopeStatements, isMapped, keepsBots, linkFacts, MAPPED_KINDS, ofLink, RAW_KINDS, readScopeDays, SCOPE_KINDS, scopeDayRows, scopeOf, type LinkFacts, type Scope, type ScopeDay, type ScopePart } from "./scope-rollup";
import { monthStart, nextMonth, partSelects, runningPoints, sumParts, unmarkAfter, writeRunningTotals } from "./running-totals";
import { writeScopeMonths } from "./scope-months";
import { daysWithoutPack, packDay, writePack } from "./day-pack";
import { buildPageViewDays } from "./view-days";
import { compareKeys, groupRows, groupRowsMany, keyReader, type PendingContext, type ViewContext } from "./view-rows";

/**
 * The daily rollup (`ClickDay`, see the schema): what dashboards read for the
 * whole UTC days of a period, so a 30-day or 12-month view reads a few
 * thousand rows, not one per visitor and hour.
 *
 * Exact, not estimated: a period is split into its whole UTC days, read here,
 * and the rest (its first and last hours, today), read the hourly way
 * (click-sql.ts). Clicks add up; unique visitors add up too, because visitor
 * hashes rotate every UTC day, so no person is counted in two days. A time
 * bucket that starts at another hour in the workspace's zone (Berlin's days
 * start at 22:00 or 23:00 UTC) takes the day's "<" and ">" rows at that hour;
 * one that starts at a quarter hour (Asia/Kolkata's days start at 18:30 UTC,
 * Asia/Kathmandu's at 18:15) their rows at that quarter ("18:30"), which the
 * job counts from the day's raw clicks while they are kept.
 *
 * It answers clicks by people (bots excluded, the default) with no filter, or
 * with one filter naming one link, QR code, campaign, channel, tag or value:
 * that scope's days are read from its own daily rows (scope-rollup.ts), as
 * are the clicks with bots counted (included, or bots only), with no filter
 * or with such a scope (its bots' own rows).
 * Anything else is read the hourly way. The mapped dimensions (campaign,
 * channel, tag, platform type) follow the links and channels as they are now:
 * their rows are used only while those are as they were at build time.
 */
const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;
/** The finest cut a day's rows keep: a quarter hour (every time zone's offset is a whole number of them). */
const QUARTER = 15 * MINUTE;
/** A day is built this long after it ends, so clicks still in a writer's queue are in. */
const GRACE = HOUR;
/** Built days re-checked against the hourly rollup each round, for clicks written late (a queue spilled while the database was down). */
const RECHECK_DAYS = 7;

const MAPPED: readonly Dimension[] = ["platformType", "channel", "campaign", "tag"];
/**
 * Dimensions whose figures are also kept before and from each whole hour of a
 * day (dims "<platformType", ">channel"..., key "hour:key", or "hour" for no
 * key): with the "<" / ">" totals, a period that starts or ends off UTC
 * midnight (a Berlin day ends at 22:00 or 23:00 UTC) reads its cut days from
 * here. A view's previous period needs no more than these (its totals, and
 * the platform types' and channels' trend).
 */
const SPLIT: readonly ("platformType" | "channel")[] = ["platformType", "channel"];
const SPLIT_DIMS = SPLIT.flatMap((d) => [`<${d}`, `>${d}`]);

const TOTAL = "";
const BEFORE = "<";
const FROM = ">";

const pg = () => db().provider === "postgres";
interface Plan {
  /** The whole UTC days read from the rollup: [first, end). */
  days: [number, number];
  /** The first built day (days before it hold nothing). */
  from: number;
  /** The rest of the period, read the hourly way. */
  edges: [number, number][];
  /** Whether the mapped dimensions' rows are read: taken as current while `current` checks it. */
  mapped: boolean;
  /** Whether they really are (the mapping's fingerprint, read beside the rows); null when not asked. */
  current: Promise<boolean> | null;
  /** For time buckets: each cut day's minute (a bucket starts there, at a quarter hour), or null when buckets cannot be read from days. */
  cuts: Map<number, number> | null;
  /** The one link, QR code, campaign, channel or tag the question is about: its days are read from its scope rows. */
  scope: Scope | null;
}

/**
 * Links created this long after a rollup's end are left out of its
 * fingerprint: they can have no clicks in its days (the margin covers clocks
 * of instances that differ by a little at midnight).
 */
const CREATED_MARGIN = HOUR;

/** The parts a fingerprint hashes, in its order: the links' campaigns and channels, their tags, the channels' kinds. */
const fingerprintOf = (links: string, tags: string, kinds: string) => createHash("sha256").update(`${ROWS_VERSION}\n${links}\n${tags}\n${kinds}`).digest("base64url");
/**
 * What the mapped rows hold, in the fingerprint: a new version makes every
 * workspace's mapped rows stale once, and the job rebuilds them (2: with the
 * split rows of platform types and channels; 3: with the scope rows of countries, devices, platforms and triggers;
 * 4: with the scope rows of every value of a visit's own dimensions, "(none)" included; 5: with the bots' and the platform types' scope rows;
 * 6: with each scope's bots' rows, ".bots" and ".both"; 7: with bio pages' scope rows).
 */
const ROWS_VERSION = 7;

/**
 * What every built day's own rows hold (`ClickDayState.daysVersion`): days
 * built by an older version are rebuilt, `UPGRADE_DAYS` a round, newest
 * first (1: totals before and from each quarter hour, and scopes' quarter
 * hours, so quarter-hour zones read their series from the days; 2: platform
 * types and channels before and from each zone's midnight inside an hour, so
 * their periods before read no hourly rows either).
 */
const DAYS_VERSION = 2;
const UPGRADE_DAYS = 31;
/** The cut (a minute of the UTC day) whose split rows tell a day built by this version. */
const UPGRADED_AT = 18 * 60 + 30;

/**
 * What mapped rows built through `through` depend on, as one string: the
 * campaigns, channels and tags of the links created before then (a link made
 * later has no clicks in those days, so creating links does not make the rows
 * stale), and the channels' kinds. Without `through`: every link. `map`: the
 * view's own link map, when it reads one.
 */
export function mappingFingerprint(workspaceId: string, through = Number.MAX_SAFE_INTEGER, map: Promise<LinkMap> = sharedLinkMap(workspaceId)): Promise<string> {
  return map.then((m) => fingerprintAt(m, through));
}

/** A link map's fingerprint for rows built through a time (see mappingFingerprint), hashed once per map and time. */
function fingerprintAt(map: LinkMap, through: number): string {
  let known = fingerprints.get(map);
  if (!known) fingerprints.set(map, (known = new Map()));
  let f = known.get(through);
  if (f === undefined) {
    const cut = Math.min(through + CREATED_MARGIN, Date.UTC(9999, 0, 1));
    const made = (id: string) => map.links.get(id)!.createdAt < cut;
    const links = map.order.filter(made).map((id) => { const l = map.links.get(id)!; return `${id}:${l.campaignId ?? ""}:${l.channelId ?? ""}`; });
    const tags = [...map.tags].filter(([id]) => made(id)).flatMap(([id, of]) => of.map((tag) => `${id}:${tag}`));
    known.set(through, (f = fingerprintOf(links.join(";"), tags.join(";"), map.channels.map((c) => `${c.key}:${c.kind}`).join(";"))));
  }
  return f;
}
const fingerprints = new WeakMap<LinkMap, Map<number, string>>();

async function readState(workspaceId: string) {
  return db().clickDayState.findUnique({ where: { workspaceId } });
}

/**
 * How a question splits between the rollup's days and the hourly way, or
 * null when the rollup cannot answer any of it: filters that name no one
 * scope (or, with bots counted, no scope that keeps its bots' rows), no whole built day inside the period.
 */
async function planFor(q: ResolvedQuery, needMapped: boolean, stale: boolean, map?: Promise<LinkMap>): Promise<Plan | null> {
  const scope = scopeOfQuery(q);
  if (q.filters.size && !scope) return null;
  // A campaign's, channel's or tag's rows hold the links they had when built.
  const mappedScope = scope !== null && isMapped(scope);
  const first = Math.ceil(q.from / DAY) * DAY;
  const last = Math.floor(q.to / DAY) * DAY;
  if (last <= first) return null;
  const state = await readState(q.workspaceId);
  if (!state) return null;
  const end = Math.min(last, state.through.getTime());
  if (end <= first) return null;
  const edges: [number, number][] = [];
  if (q.from < first) edges.push([q.from, first]);
  if (end < q.to) edges.push([end, q.to]);
  // Read as current while the fingerprint is checked (its query alone takes tens of milliseconds at 10,000 links);
  // the caller reads again, as stale, when it was not (`stale`: the rows are known not to be current).
  const mapped = (needMapped || mappedScope) && state.mapping !== null && !stale;
  if (mappedScope && !mapped) return null;
  const current = mapped ? mappingFingerprint(q.workspaceId, state.through.getTime(), map).then((f) => f === state.mapping, () => false) : null;
  return { days: [first, end], from: state.from.getTime(), edges, mapped, current, cuts: bucketCuts(q.starts, first, end), scope };
}

/** Each day a bucket boundary cuts, and where (its minute); null when a day is cut twice or off a quarter hour (read the hourly way). */
export function bucketCuts(starts: number[], first: number, end: number): Map<number, number> | null {
  const cuts = new Map<number, number>();
  for (const s of starts.slice(1)) {
    if (s <= first || s >= end || s % DAY === 0) continue;
    if (s % QUARTER !== 0) return null;
    const day = Math.floor(s / DAY) * DAY;
    if (cuts.has(day)) return null;
    cuts.set(day, (s - day) / MINUTE);
  }
  return cuts;
}

/** The key of a day's "<" / ">" rows cut at a minute of the day: the hour ("18"), or the hour and minute at a quarter ("18:30"). */
export function cutKey(minute: number): string {
  const m = minute % 60;
  return m === 0 ? String(minute / 60) : `${(minute - m) / 60}:${m}`;
}

/** A cut as the split dimensions' keys begin ("18", "18.30"): their key follows the first ":". */
const splitCut = (minute: number) => cutKey(minute).replace(":", ".");

interface DayRow {
  day: number;
  dim: string;
  key: string | null;
  clicks: number;
  uniques: number;
  scans: number;
  bioClicks: number;
}

const num = (v: unknown) => Number(v ?? 0);

/** The day totals of the plan's days, and their "<" / ">" rows at the cut hours: what time buckets add up. */
async function readDayBuckets(q: ResolvedQuery, plan: Plan): Promise<DayRow[]> {
  const hours = [...new Set(plan.cuts!.values())].map(cutKey);
  const p = new Params(pg());
  let sql =
    `SELECT x."day" AS day, x."dim" AS dim, x."key" AS key, x."clicks" AS clicks, x."uniques" AS uniques, x."scans" AS scans, x."bioClicks" AS "bioClicks" ` +
    `FROM "ClickDay" x WHERE x."workspaceId" = ${p.add(q.workspaceId)} AND x."dim" IN (${p.list([TOTAL, BEFORE, FROM])}) AND x."day" >= ${p.time(plan.days[0])} AND x."day" < ${p.time(plan.days[1])}`;
  sql += ` AND (x."dim" = ${p.add(TOTAL)}${hours.length ? ` OR x."key" IN (${p.list(hours)})` : ""})`;
  const rows = await selectRows<Record<string, unknown>>(sql, p.values);
  return rows.map((r) => ({
    day: r.day instanceof Date ? r.day.getTime() : Date.parse(String(r.day)),
    dim: String(r.dim),
    key: r.key === null || r.key === undefined ? null : String(r.key),
    clicks: num(r.clicks),
    uniques: num(r.uniques),
    scans: num(r.scans),
    bioClicks: num(r.bioClicks),
  }));
}

/**
 * One dimension's figures over the plan's days, summed by the database. With
 * a limit, only the keys that can still make the top `limit` once the edges
 * are added: those ranked within it by the days alone (ties included), and
 * every key the edges have. Any other key has `limit` keys with more clicks
 * already, and adding the edges only raises those.
 */
async function readDayGroup(q: ResolvedQuery, plan: Plan, dim: string, limit: number | undefined, edgeKeys: (string | number | null)[]): Promise<AggregateRow[]> {
  const [first, end] = plan.days;
  const p = new Params(pg());
  const sum = sumParts(first, end, plan.from, await runningPoints(q.workspaceId));
  // Days before the first built one hold nothing.
  if (!sum.length) return [];
  const parts = partSelects(p, q.workspaceId, dim, sum);
  const sums = `CAST(SUM(u.clicks) AS INTEGER) AS clicks, CAST(SUM(u.uniques) AS INTEGER) AS uniques, CAST(SUM(u.scans) AS INTEGER) AS scans, CAST(SUM(u."bioClicks") AS INTEGER) AS "bioClicks"`;
  const rank = limit ? `, RANK() OVER (ORDER BY SUM(u.clicks) DESC) AS r` : "";
  // Keys whose clicks a running total took off again were not clicked in the period.
  let sql = `SELECT u.k AS k, ${sums}${rank} FROM (${parts.join(" UNION ALL ")}) u GROUP BY u.k HAVING SUM(u.clicks) > 0`;
  if (limit) {
    const keys = [...new Set(edgeKeys.filter((k) => k !== null).map(String))];
    sql = `SELECT * FROM (${sql}) t WHERE t.r <= ${Math.floor(limit)} OR t.k IS NULL${keys.length ? ` OR t.k IN (${p.list(keys)})` : ""}`;
  }
  const rows = await selectRows<Record<string, unknown>>(sql, p.values);
  return rows.map((r) => ({ k: r.k === null || r.k === undefined ? null : String(r.k), clicks: num(r.clicks), uniques: num(r.uniques), scans: num(r.scans), bioClicks: num(r.bioClicks), views: 0 }));
}

/** Adds a row's figures to its key's in `into` (a copy the first time). */
export function addRow(into: Map<string | number | null, AggregateRow>, k: string | number | null, r: { clicks: number; uniques: number; scans: number; bioClicks: number }) {
  const row = into.get(k);
  if (row) {
    row.clicks += r.clicks;
    row.uniques += r.uniques;
    row.scans += r.scans;
    row.bioClicks += r.bioClicks;
  } else into.set(k, { k, clicks: r.clicks, uniques: r.uniques, scans: r.scans, bioClicks: r.bioClicks, views: 0 });
}

/**
 * The day totals and cut days' parts, keyed by their time bucket; null when a
 * cut day with clicks has no rows at its cut (a quarter hour of a day built
 * without its raw clicks, or before its rows held quarters): read the hourly way.
 */
function bucketRows(q: ResolvedQuery, plan: Plan, days: DayRow[]): AggregateRow[] | null {
  const into = new Map<string | number | null, AggregateRow>();
  const clicked = new Set<number>();
  const split = new Set<number>();
  for (const r of days) {
    const cut = plan.cuts!.get(r.day);
    if (cut !== undefined && r.dim === TOTAL) clicked.add(r.day);
    if (cut === undefined ? r.dim !== TOTAL : r.dim === TOTAL || r.key !== cutKey(cut)) continue;
    if (cut !== undefined) split.add(r.day);
    addRow(into, bucketOf(q.starts, r.dim === FROM ? r.day + cut! * MINUTE : r.day), r);
  }
  for (const day of clicked) if (!split.has(day)) return null;
  return [...into.values()];
}

/** The days' rows (keyed as the group keys them) and the edges' rows of one group, added up and ordered as the hourly way orders them. */
function merge(group: GroupKey, days: AggregateRow[], edges: AggregateRow[], limit?: number): AggregateRow[] {
  const into = new Map<string | number | null, AggregateRow>();
  for (const r of days) addRow(into, r.k, r);
  for (const r of edges) addRow(into, r.k, r);
  if (group === null && !into.size) return [];
  const out = [...into.values()];
  if (group === "bucket") return out.sort((a, b) => Number(a.k) - Number(b.k));
  out.sort((a, b) => b.clicks - a.clicks || compareKeys(a.k, b.k, !pg()));
  return limit ? out.slice(0, limit) : out;
}

/** The question limited to one span (an edge, a part): its buckets renumbered from the span's first. */
export function edgeQuery(q: ResolvedQuery, [a, b]: [number, number]): { eq: ResolvedQuery; offset: number } {
  const offset = bucketOf(q.starts, a);
  const starts = [a, ...q.starts.filter((s) => s > a && s < b)];
  return { eq: { ...q, from: a, to: b, starts }, offset };
}

function answerable(plan: Plan, group: GroupKey): boolean {
  if (group === "bucket") return plan.cuts !== null;
  if (group === null || !MAPPED.includes(group) || plan.mapped) return true;
  // A link's campaign, channel and tags are read from the link as it is now.
  return plan.scope !== null && ofLink(plan.scope.kind) && group !== "platformType";
}

/** The rollup's side of one group, keyed as the group keys it; null when its days cannot tell (bucketRows). */
async function readDaySide(q: ResolvedQuery, plan: Plan, group: GroupKey, limit: number | undefined, edges: AggregateRow[]): Promise<AggregateRow[] | null> {
  if (group === "bucket") return bucketRows(q, plan, await readDayBuckets(q, plan));
  return readDayGroup(q, plan, group ?? TOTAL, group === null ? undefined : limit, edges.map((r) => r.k));
}

/**
 * A scope's days, read once for every grouping of a question (a view's, or a
 * single question's), no more of each row than those groupings need.
 */
async function scopeReader(q: ResolvedQuery, plan: Plan, groups: readonly GroupKey[]) {
  const scope = plan.scope!;
  const [first, end] = plan.days;
  const link = ofLink(scope.kind) ? linkFacts(q.workspaceId, scope.ref) : null;
  const group = (days: { day: number; data: ScopeDay }[], facts: LinkFacts | null, g: GroupKey) => groupScopeDays(days, g, { scope, link: facts, cuts: plan.cuts, bucketOf: (t) => bucketOf(q.starts, t) });
  const read = (part: ScopePart) => readScopeDays(q.workspaceId, scope, first, end, part);
  const one = groups.length === 1 && !inSummary(groups[0]!) ? (groups[0] as Dimension) : undefined;
  if (groups.every(inSummary) || one || !hasMonths(scope.kind)) {
    // Totals, buckets, platform types and channels alone (a view's period before) from the days' summaries;
    // one dimension alone; or a link's, campaign's... whole view from its whole rows (small ones).
    const part: ScopePart = groups.every(inSummary) ? { summary: true } : one ? { dimension: one } : { all: true };
    const [days, facts] = await Promise.all([read(part), link]);
    return (g: GroupKey) => group(days, facts, g);
  }
  // A value's (or the bots') whole view: its summaries for totals, buckets, platform types and channels,
  // the other panels from the months the period covers mostly (less their days outside it) and the other days.
  const [byDay, byMonth, facts] = await Promise.all([read({ summary: true }), read({ dimensions: true }), link]);
  return (g: GroupKey) => group(inSummary(g) ? byDay : byMonth, facts, g);
}

/**
 * One grouping of a question, read from the daily rollup where it can be and
 * the hourly way for the rest; null when the rollup cannot help (then read it
 * all the hourly way).
 */
export async function aggregateByDay(q: ResolvedQuery, group: GroupKey, limit?: number, stale = false): Promise<AggregateRow[] | null> {
  if (!stale && (group === null || group === "platformType" || group === "channel")) {
    const split = await aggregateSplitByDay(q, { groups: [group], limit });
    if (split) return split.get(group)!;
  }
  const plan = await planFor(q, group !== null && group !== "bucket" && MAPPED.includes(group), stale);
  if (!plan || !answerable(plan, group)) return null;
  const edgeParts = await Promise.all(
    plan.edges.map(async (span) => {
      const { eq, offset } = edgeQuery(q, span);
      const rows = await aggregateClicks(eq, group);
      return group === "bucket" ? rows.map((r) => ({ ...r, k: Number(r.k) + offset })) : rows;
    }),
  );
  const edges = edgeParts.flat();
  const days = plan.scope ? (await scopeReader(q, plan, [group]))(group) : await readDaySide(q, plan, group, limit, edges);
  if (plan.current && !(await plan.current)) return aggregateByDay(q, group, limit, true);
  return days && merge(group, days, edges, limit);
}

/**
 * Clicks and unique visitors per block of one bio page's view (the page its
 * one filter, bots as it counts them): its built days from the page's own
 * rows, the rest from its raw clicks. Null when its days cannot answer (none
 * built, another filter, its rows being rebuilt): then raw clicks alone.
 */
export async function blocksByDay(q: ResolvedQuery): Promise<{ blockId: string; clicks: number; uniques: number }[] | null> {
  const plan = await planFor(q, false, false);
  const scope = plan?.scope;
  if (!plan || scope?.kind !== "bioPage") return null;
  const [edges, days] = await Promise.all([
    Promise.all(plan.edges.map((span) => clicksByBlock(edgeQuery(q, span).eq))),
    readScopeDays(q.workspaceId, scope, plan.days[0], plan.days[1], { dimension: "block" }),
  ]);
  if (plan.current && !(await plan.current)) return null;
  const into = new Map<string | number | null, AggregateRow>();
  for (const r of groupScopeDays(days, "block", { scope, link: null, cuts: null, bucketOf: () => 0 })!) addRow(into, r.k, r);
  for (const r of edges.flat()) addRow(into, r.blockId, { ...r, scans: 0, bioClicks: 0 });
  into.delete(null); // the panel lists blocks (clicksByBlock reads those with one)
  return [...into.values()].map((r) => ({ blockId: String(r.k), clicks: r.clicks, uniques: r.uniques })).sort((a, b) => b.clicks - a.clicks);
}

/**
 * Many groupings of one question at once (a dashboard view): the edges read
 * once and grouped in memory, the rollup asked group by group. Answers the
 * groups it can (the others are absent from the map), or null when it can
 * answer none. `limit` applies to the dimensions.
 */
export async function aggregateManyByDay(
  q: ResolvedQuery,
  groups: GroupKey[],
  ctx: PendingContext,
  cap: number,
  limit: number,
  stale = false,
): Promise<Map<GroupKey, AggregateRow[]> | null> {
  const plan = await planFor(q, groups.some((g) => g !== null && g !== "bucket" && MAPPED.includes(g)), stale, ctx.map);
  if (!plan) return null;
  const able = groups.filter((g) => answerable(plan, g));
  if (!able.length) return null;
  // A scope's days are read beside the edges (the workspace's days ask for the keys the edges have).
  const [edgeRows, scoped, map] = await Promise.all([
    Promise.all(
      plan.edges.map(async (span) => {
        const { eq, offset } = edgeQuery(q, span);
        const rows = await selectViewRows(eq, cap, ctx.map.then((m) => m.links));
        // Renumbered in place: these rows are this call's own (a copy of each cost a view tens of milliseconds).
        if (rows && offset) for (const r of rows) r.b += offset;
        return rows;
      }),
    ),
    plan.scope ? scopeReader(q, plan, able) : null,
    ctx.map,
  ]);
  if (edgeRows.some((r) => r === null)) return null;
  const edge = edgeRows.flat() as ViewRow[];
  const full: ViewContext = { kinds: ctx.kinds, tags: map.tags, nullsFirst: !pg() };
  const grouped = groupRowsMany(edge, able, full);
  const merged = await Promise.all(
    able.map(async (g, i) => {
      const edges = grouped[i]!;
      const lim = g === null || g === "bucket" ? undefined : limit;
      const days = scoped ? scoped(g) : await readDaySide(q, plan, g, lim, edges);
      return [g, days && merge(g, days, edges, lim)] as const;
    }),
  );
  if (plan.current && !(await plan.current)) return aggregateManyByDay(q, groups, ctx, cap, limit, true);
  // A group its days cannot tell (a quarter hour not kept) is left to the hourly way.
  const answered = merged.filter((m): m is readonly [GroupKey, AggregateRow[]] => m[1] !== null);
  return answered.length ? new Map(answered) : null;
}

/**
 * A period's totals, platform types and channels (what a view's previous
 * period shows) where its days are built: whole days from their rows, a day
 * the period starts or ends in at a whole hour from its split rows, and
 * anything else (the inside of one day, days not built yet) the hourly way.
 * A view of one scope (a link, a campaign, a value, the clicks with bots
 * counted) reads its whole days' summaries, and its cut days from their
 * summaries' hours by key. Null when none of it is built, when the mapping
 * changed since (platform types and channels follow it), or when a cut day's
 * summary cannot tell (written before it held each key's hours). `map`: the
 * view's link map (its mapping is checked against the rollup's).
 */
export async function aggregateSplitByDay(
  q: ResolvedQuery,
  { groups = [null, ...SPLIT], limit, map }: { groups?: readonly (null | (typeof SPLIT)[number])[]; limit?: number; map?: Promise<LinkMap> } = {},
): Promise<Map<GroupKey, AggregateRow[]> | null> {
  const scope = scopeOfQuery(q);
  if ((q.bots !== "exclude" || q.filters.size) && !scope) return null;
  const state = await readState(q.workspaceId);
  if (!state?.mapping) return null;
  const built1 = state.through.getTime();
  let whole: [number, number] | null = null;
  const cuts: Cut[] = [];
  const hourly: [number, number][] = [];
  for (let d = Math.floor(q.from / DAY) * DAY; d < q.to; d += DAY) {
    const [a, b] = [Math.max(q.from, d), Math.min(q.to, d + DAY)];
    // Days before the first built one have no clicks (it is the first with any), as planFor reads them.
    const built = d + DAY <= built1;
    if (built && a === d && b === d + DAY) whole = [whole?.[0] ?? d, d + DAY];
    else if (built && a === d && isSplitCut(b - d)) cuts.push({ day: d, side: BEFORE, minute: (b - d) / MINUTE });
    else if (built && b === d + DAY && isSplitCut(a - d)) cuts.push({ day: d, side: FROM, minute: (a - d) / MINUTE });
    else if (hourly.length && hourly[hourly.length - 1]![1] === a) hourly[hourly.length - 1]![1] = b;
    else hourly.push([a, b]);
  }
  // Without a cut day the daily way (aggregateByDay) reads the same.
  if (!cuts.length) return null;
  const from = state.from.getTime();
  // The mapping is checked while the rows are read (its query alone takes tens of milliseconds at 10,000 links).
  const [current, hours, days, cut] = await Promise.all([
    mappingFingerprint(q.workspaceId, built1, map).then((f) => f === state.mapping),
    // The hourly part summed by the database, group by group (a view's period before has none once built).
    Promise.all(hourly.flatMap((span) => groups.map(async (g) => [g, await aggregateClicks(edgeQuery(q, span).eq, g)] as const))),
    whole ? (scope ? scopeSplitDays(q, scope, whole, groups) : wholeSplitDays(q, whole, from, groups)) : [],
    scope ? scopeCutDays(q, scope, cuts, groups) : cutSplitDays(q, cuts, groups),
  ]);
  if (!current || !cut) return null;
  const parts = new Map<GroupKey, AggregateRow[]>(groups.map((g) => [g, []]));
  for (const [g, rows] of [...hours, ...days, ...cut]) parts.get(g)!.push(...rows);
  return new Map(groups.map((g) => [g, merge(g, parts.get(g)!, [], g === null ? undefined : limit)]));
}

/** The one scope whose rows answer a question: its one filter's (with its bots when counted), or the bots' (bots counted, no filter). */
function scopeOfQuery(q: ResolvedQuery): Scope | null {
  if (!q.filters.size) return q.bots === "exclude" ? null : { kind: BOTS, ref: q.bots };
  const scope = scopeOf(q.filters);
  if (!scope || q.bots === "exclude") return scope;
  return keepsBots(scope.kind) ? { ...scope, bots: q.bots } : null;
}

type SplitGroup = null | (typeof SPLIT)[number];
/** A day a period starts (">": from) or ends ("<": before) in, at a minute of the UTC day. */
type Cut = { day: number; side: "<" | ">"; minute: number };
/** Whether split rows are kept at this time of the UTC day (ms): a whole hour, or a zone's midnight inside one. */
const isSplitCut = (ms: number) => ms % HOUR === 0 || QUARTER_MIDNIGHTS.includes(ms / MINUTE);
type GroupRows = readonly (readonly [GroupKey, AggregateRow[]])[];

/** Whole built days of the workspace's clicks, from their rows (running totals). */
function wholeSplitDays(q: ResolvedQuery, days: [number, number], from: number, groups: readonly SplitGroup[]): Promise<GroupRows> {
  const plan = { days, from } as Plan;
  return Promise.all(groups.map(async (g) => [g, await readDayGroup(q, plan, g ?? TOTAL, undefined, [])] as const));
}

/** Whole built days of one scope, from their summaries. */
async function scopeSplitDays(q: ResolvedQuery, scope: Scope, [first, end]: [number, number], groups: readonly SplitGroup[]): Promise<GroupRows> {
  const [days, link] = await Promise.all([readScopeDays(q.workspaceId, scope, first, end, { summary: true }), ofLink(scope.kind) ? linkFacts(q.workspaceId, scope.ref) : null]);
  return groups.map((g) => [g, groupScopeDays(days, g, { scope, link, cuts: null, bucketOf: () => 0 })!] as const);
}

/** Cut days of one scope: from their summaries' hours; null when one cannot tell (a quarter hour of a key's hours). */
async function scopeCutDays(q: ResolvedQuery, scope: Scope, cuts: Cut[], groups: readonly SplitGroup[]): Promise<GroupRows | null> {
  const [days, link] = await Promise.all([
    Promise.all(cuts.map((c) => readScopeDays(q.workspaceId, scope, c.day, c.day + DAY, { summary: true }))),
    ofLink(scope.kind) ? linkFacts(q.workspaceId, scope.ref) : null,
  ]);
  const at = new Map(cuts.map((c) => [c.day, c]));
  const out: [GroupKey, AggregateRow[]][] = [];
  for (const g of groups) {
    const rows = groupScopeCuts(days.flat(), g, { scope, link, cuts: at });
    if (!rows) return null;
    out.push([g, rows]);
  }
  return out;
}

/**
 * Cut days of the workspace's clicks: their split rows ("<" / ">", keyed
 * "cut:key"); null when a day's rows at its cut do not add up: its totals
 * before and from it to the day's, each split dimension's keys to the totals
 * on its side (a quarter hour of a day built by hour, or before platform
 * types and channels were kept at quarters).
 */
async function cutSplitDays(q: ResolvedQuery, cuts: Cut[], groups: readonly SplitGroup[]): Promise<GroupRows | null> {
  const p = new Params(pg());
  // Parameters in the order of the text (SQLite's "?" are positional).
  // One SELECT a cut day, each through the (workspace, dim, day) index (an OR of them is not).
  const split = groups.filter((g) => g !== null);
  const sql = cuts
    .map(
      (c) =>
        `SELECT x."day" AS day, x."dim" AS dim, x."key" AS key, x."clicks" AS clicks, x."uniques" AS uniques, x."scans" AS scans, x."bioClicks" AS "bioClicks" FROM "ClickDay" x ` +
        `WHERE x."workspaceId" = ${p.add(q.workspaceId)} AND x."dim" IN (${p.list([TOTAL, BEFORE, FROM, ...split.map((g) => `${c.side}${g}`)])}) AND x."day" = ${p.time(c.day)}`,
    )
    .join(" UNION ALL ");
  const out: [GroupKey, AggregateRow[]][] = [];
  // Clicks by day and dim: the day's ("", key null), its totals before and from the cut ("<", ">"), each split dimension's keys summed.
  const clicks = new Map<string, number>();
  for (const r of await selectRows<Record<string, unknown>>(sql, p.values)) {
    const day = r.day instanceof Date ? r.day.getTime() : Date.parse(String(r.day));
    const cut = cuts.find((c) => c.day === day)!;
    const dim = String(r.dim);
    const key = r.key === null || r.key === undefined ? null : String(r.key);
    const row = { k: null as string | null, clicks: num(r.clicks), uniques: num(r.uniques), scans: num(r.scans), bioClicks: num(r.bioClicks), views: 0 };
    if (dim !== TOTAL) {
      // The totals' keys are cuts alone ("18", "18:30"); the split dimensions' "cut:key" ("18:social_media", "18.30:social_media").
      const at = dim.length === 1 ? cutKey(cut.minute) : splitCut(cut.minute);
      if (key === null || (key !== at && (dim.length === 1 || !key.startsWith(`${at}:`)))) continue;
      row.k = key === at ? null : key.slice(at.length + 1);
    }
    clicks.set(`${day}${dim}`, (clicks.get(`${day}${dim}`) ?? 0) + row.clicks);
    if (dim === cut.side && groups.includes(null)) out.push([null, [row]]);
    else if (dim.length > 1) out.push([dim.slice(1) as Dimension, [row]]);
  }
  const at = (c: Cut, dim: string) => clicks.get(`${c.day}${dim}`) ?? 0;
  for (const c of cuts) {
    if (at(c, BEFORE) + at(c, FROM) !== at(c, TOTAL)) return null;
    for (const g of split) if (at(c, `${c.side}${g}`) !== at(c, c.side)) return null;
  }
  return out;
}

// --- building -----------------------------------------------------------------

interface Mapping {
  /** The fingerprint of this mapping for rows built through a time (mappingFingerprint's). */
  fingerprintAt: (through: number) => string;
  /** The platforms' kinds alone, hashed: link and QR code scope rows hold platform types, nothing else of the mapping. */
  kindsHash: string;
  links: LinkMap["links"];
  tags: LinkMap["tags"];
  kinds: Map<string, string>;
}

/** The mapping as it is now (one read: its parts agree). */
async function loadMapping(workspaceId: string): Promise<Mapping> {
  const map = await readLinkMap(workspaceId);
  const kinds = platformKinds(map.channels);
  const kindsHash = createHash("sha256").update(JSON.stringify([...kinds].sort())).digest("base64url");
  return { fingerprintAt: (through) => fingerprintAt(map, through), kindsHash, links: map.links, tags: map.tags, kinds };
}

/**
 * One UTC day's rows as view rows, with their links' campaigns and channels as
 * the mapping has them. By quarter hour (bucket: 0..95), from the day's raw
 * clicks, when `quarters`; else by hour (0..23), from the hourly rollup.
 */
async function dayViewRows(workspaceId: string, day: number, mapping: Mapping, bots: "exclude" | "only", quarters: boolean) {
  const step = quarters ? QUARTER : HOUR;
  const starts = Array.from({ length: DAY / step }, (_, i) => day + i * step);
  const q: ResolvedQuery = {
    workspaceId, zone: "UTC", preset: null, from: day, to: day + DAY, interval: "hour", starts, bots, filters: new Map(),
    kinds: mapping.kinds, groupBy: "timeseries", limit: 1000, rawFrom: null, estimate: false, scopeLinks: null,
  };
  return (await selectViewRows(q, 50_000_000, mapping.links))!;
}

/** One UTC day's rollup rows (of `dims`: every dimension, or the mapped ones), from its view rows (by hour, or by quarter: `slots`, 24 or 96). */
async function dayRows(workspaceId: string, day: number, rows: ViewRow[], ctx: ViewContext, mappedOnly: boolean, slots: number) {
  const out: { workspaceId: string; day: Date; dim: string; key: string | null; clicks: number; uniques: number; scans: number; bioClicks: number }[] = [];
  const put = (dim: string, r: AggregateRow) => out.push({ workspaceId, day: new Date(day), dim, key: r.k === null ? null : String(r.k), clicks: r.clicks, uniques: r.uniques, scans: r.scans, bioClicks: r.bioClicks });
  for (const d of mappedOnly ? MAPPED : DIMENSIONS) {
    // The event loop back between dimensions: the job shares the thread with the redirect.
    await new Promise((resolve) => setImmediate(resolve));
    for (const r of groupRows(rows, d, ctx)) put(d, r);
  }
  // Platform types and channels before and from each whole hour, and (by quarter hour) each zone's midnight inside an hour.
  const perHour = slots / 24;
  const hours = Array.from({ length: 23 }, (_, i) => (i + 1) * perHour);
  const splitCuts = perHour === 1 ? hours : [...hours, ...QUARTER_MIDNIGHTS.map((m) => m / 15)].sort((a, b) => a - b);
  for (const d of SPLIT) for (const [dim, r] of splitRows(rows, keyReader(d, ctx) as (r: ViewRow) => string | null, d, slots, splitCuts)) put(dim, r);
  if (mappedOnly || !rows.length) return out;
  for (const r of groupRows(rows, null, ctx)) put(TOTAL, r);
  // The day before and from each hour, or each quarter hour ("<" / ">", key: the cut, cutKey).
  const everySlot = Array.from({ length: slots - 1 }, (_, i) => i + 1);
  for (const [dim, r] of splitRows(rows, () => null, TOTAL, slots, everySlot)) put(dim, r);
  return out;
}

/**
 * A day's figures by one key before and from each of `cuts` (slots of the
 * `slots` of the UTC day: rows' `b`, an hour or a quarter hour; dims "<d"
 * and ">d"): clicks summed by slot, uniques from each visitor's first and last
 * slot with the key. The day's totals: no key, d "", keyed by the cut alone
 * ("18", "18:30"); the other dimensions' "cut:key" (splitCut: "18", "18.30").
 */
function splitRows(rows: ViewRow[], keyOfRow: (r: ViewRow) => string | null, d: string, slots: number, cuts: readonly number[]): [string, AggregateRow][] {
  const minutes = 1440 / slots;
  const keys = new Map<string | null, { hours: { clicks: number; scans: number; bioClicks: number }[]; span: Map<string, [number, number]> }>();
  for (const r of rows) {
    const k = keyOfRow(r);
    let g = keys.get(k);
    if (!g) keys.set(k, (g = { hours: Array.from({ length: slots }, () => ({ clicks: 0, scans: 0, bioClicks: 0 })), span: new Map() }));
    const h = g.hours[r.b]!;
    h.clicks += r.n;
    if (r.trigger === "qr") h.scans += r.n;
    if (r.trigger === "bio") h.bioClicks += r.n;
    const s = g.span.get(r.visitorHash);
    if (!s) g.span.set(r.visitorHash, [r.b, r.b]);
    else [s[0], s[1]] = [Math.min(s[0], r.b), Math.max(s[1], r.b)];
  }
  const out: [string, AggregateRow][] = [];
  for (const [k, g] of keys) {
    const firsts = new Array<number>(slots).fill(0);
    const lasts = new Array<number>(slots).fill(0);
    for (const [first, last] of g.span.values()) {
      firsts[first]!++;
      lasts[last]!++;
    }
    // Running sums: before[i] holds the slots before i, from[i] the slots from i on.
    const zero = () => ({ clicks: 0, uniques: 0, scans: 0, bioClicks: 0 });
    const before = [zero()];
    for (let i = 0; i < slots; i++) {
      const [p, h] = [before[i]!, g.hours[i]!];
      before.push({ clicks: p.clicks + h.clicks, uniques: p.uniques + firsts[i]!, scans: p.scans + h.scans, bioClicks: p.bioClicks + h.bioClicks });
    }
    const from = new Array<ReturnType<typeof zero>>(slots + 1);
    from[slots] = zero();
    for (let i = slots - 1; i >= 0; i--) {
      const [n, h] = [from[i + 1]!, g.hours[i]!];
      from[i] = { clicks: n.clicks + h.clicks, uniques: n.uniques + lasts[i]!, scans: n.scans + h.scans, bioClicks: n.bioClicks + h.bioClicks };
    }
    for (const cut of cuts) {
      const at = d === TOTAL ? cutKey(cut * minutes) : splitCut(cut * minutes);
      const key = k === null ? at : `${at}:${k}`;
      if (before[cut]!.clicks) out.push([`<${d}`, { k: key, ...before[cut]!, views: 0 }]);
      if (from[cut]!.clicks) out.push([`>${d}`, { k: key, ...from[cut]!, views: 0 }]);
    }
  }
  return out;
}

/** Multi-row INSERTs of rollup rows, 500 a statement (one round trip each, not one a row). */
function insertStatements(rows: Awaited<ReturnType<typeof dayRows>>) {
  const out = [];
  for (let i = 0; i < rows.length; i += 500) {
    const p = new Params(pg());
    const values = rows
      .slice(i, i + 500)
      .map((r) => `(${p.add(r.workspaceId)}, ${p.time(r.day.getTime())}, ${p.add(r.dim)}, ${p.add(r.key)}, ${p.add(r.clicks)}, ${p.add(r.uniques)}, ${p.add(r.scans)}, ${p.add(r.bioClicks)})`);
    out.push(db().$executeRawUnsafe(`INSERT INTO "ClickDay" ("workspaceId", "day", "dim", "key", "clicks", "uniques", "scans", "bioClicks") VALUES ${values.join(", ")}`, ...p.values));
  }
  return out;
}

/**
 * Writes one day's rows in place of what it had (of the same dimensions), and
 * moves the state on. `mappedOnly`: the mapped dimensions and scopes alone,
 * links' and QR codes' scope rows too when `relink` (platforms' kinds changed).
 * By quarter hour when the day's raw clicks are all kept: a day whose are not
 * (the retention setting) is by hour, and its quarter-hour cuts are then read
 * the hourly way.
 */
async function writeDay(workspaceId: string, day: number, mapping: Mapping, mappedOnly: boolean, month: boolean, relink = false) {
  const { quarters, viewRows, botRows } = await readDay(workspaceId, day, mapping);
  const ctx: ViewContext = { kinds: mapping.kinds, tags: mapping.tags, nullsFirst: !pg() };
  const rows = await dayRows(workspaceId, day, viewRows, ctx, mappedOnly, quarters ? DAY / QUARTER : 24);
  // Each link's, QR code's, campaign's, channel's, tag's and bio page's own day (when links moved, only those that follow links);
  // a day read by hour has no bio pages, and keeps the rows it had of them (RAW_KINDS).
  const kinds = (mappedOnly && !relink ? MAPPED_KINDS : SCOPE_KINDS).filter((k) => quarters || !RAW_KINDS.includes(k));
  const scopeRows = await scopeDayRows(viewRows, botRows, kinds, ctx, quarters);
  const pack = mappedOnly ? null : await packDay(workspaceId, viewRows, botRows);
  const dims = mappedOnly ? [...MAPPED, ...SPLIT_DIMS] : [TOTAL, BEFORE, FROM, ...DIMENSIONS, ...SPLIT_DIMS];
  const monthDims = mappedOnly ? [...MAPPED] : [TOTAL, ...DIMENSIONS];
  const p = new Params(pg());
  const at = (ms: number) => (pg() ? `${p.add(pgTime(new Date(ms)))}::timestamp(3)` : p.add(sqliteTime(new Date(ms))));
  // Parameters in the order of the text (SQLite's "?" are positional).
  const forward = () => `"ClickDayState"."through" >= ${at(day)} AND "ClickDayState"."through" < excluded."through"`;
  const state =
    `INSERT INTO "ClickDayState" ("workspaceId", "from", "through", "mapping", "kinds", "daysVersion", "updatedAt") ` +
    `VALUES (${p.add(workspaceId)}, ${at(day)}, ${at(day + DAY)}, ${p.add(mapping.fingerprintAt(day + DAY))}, ${p.add(mapping.kindsHash)}, ${p.add(DAYS_VERSION)}, ${at(Date.now())}) ` +
    // A day built forward moves the fingerprint on to the links created by its end, when the days before were current.
    `ON CONFLICT ("workspaceId") DO UPDATE SET "mapping" = CASE WHEN NOT (${forward()}) THEN "ClickDayState"."mapping" ` +
    `WHEN "ClickDayState"."mapping" = ${p.add(mapping.fingerprintAt(day))} THEN excluded."mapping" ELSE NULL END, ` +
    `"through" = CASE WHEN ${forward()} THEN excluded."through" ELSE "ClickDayState"."through" END, "updatedAt" = excluded."updatedAt"`;
  const m = monthStart(day);
  const mp = new Params(pg());
  const sumMonth =
    `INSERT INTO "ClickMonth" ("workspaceId", "month", "dim", "key", "clicks", "uniques", "scans", "bioClicks") ` +
    `SELECT x."workspaceId", ${mp.time(m)}, x."dim", x."key", SUM(x."clicks"), SUM(x."uniques"), SUM(x."scans"), SUM(x."bioClicks") FROM "ClickDay" x ` +
    `WHERE x."workspaceId" = ${mp.add(workspaceId)} AND x."dim" IN (${mp.list(monthDims)}) AND x."day" >= ${mp.time(m)} AND x."day" < ${mp.time(nextMonth(m))} GROUP BY x."workspaceId", x."dim", x."key"`;
  await db().$transaction([
    // Two instances building the same day take turns (PostgreSQL); SQLite has one writer anyway.
    ...(pg() ? [db().$executeRawUnsafe(`SELECT pg_advisory_xact_lock(hashtext($1))`, `click-day:${workspaceId}`)] : []),
    db().clickDay.deleteMany({ where: { workspaceId, day: new Date(day), dim: { in: dims } } }),
    ...insertStatements(rows),
    // The day's clicks as columns (day-pack.ts): they follow no mapping, so a mapped rebuild leaves them.
    ...(pack ? [writePack(workspaceId, day, quarters ? DAY / QUARTER : 24, pack)] : []),
    db().clickScopeDay.deleteMany({ where: { workspaceId, day: dayNumber(day), kind: { in: [...kinds] } } }),
    ...insertScopeStatements(workspaceId, day, scopeRows),
    // The values' month rows no longer add up to this day as it is: summed again at the round's end.
    db().clickScopeMonth.deleteMany({ where: { workspaceId, month: dayNumber(m) } }),
    // Running totals after this day no longer hold it as it is: unmarked until the round's end writes them again.
    unmarkAfter(workspaceId, day),
    ...(mappedOnly ? [] : [db().$executeRawUnsafe(state, ...p.values)]),
    // The month's rows again, from its days (this one included) once the month is whole.
    ...(month ? [db().clickMonth.deleteMany({ where: { workspaceId, month: new Date(m), dim: { in: monthDims } } }), db().$executeRawUnsafe(sumMonth, ...mp.values)] : []),
  ]);
}

const lastOfMonth = (day: number) => nextMonth(day) === day + DAY;

/**
 * A UTC day's view rows, by people and by bots: by quarter hour from its raw
 * clicks when they are all there (the rows read count as many clicks as the
 * hourly rollup holds for the day), else by hour from the hourly rollup.
 * Retention deletes raw clicks (and a workspace may have changed the setting
 * since), so the setting alone cannot tell; and the rows are checked as read,
 * so a retention run deleting them meanwhile cannot leave a day built from
 * part of its clicks.
 */
async function readDay(workspaceId: string, day: number, mapping: Mapping) {
  const read = (quarters: boolean) => Promise.all([dayViewRows(workspaceId, day, mapping, "exclude", quarters), dayViewRows(workspaceId, day, mapping, "only", quarters)]);
  const [cube, [viewRows, botRows]] = await Promise.all([cubeClicks(workspaceId, day), read(true)]);
  if (clicksOf(viewRows) + clicksOf(botRows) === cube) return { quarters: true, viewRows, botRows };
  const [hourRows, hourBots] = await read(false);
  return { quarters: false, viewRows: hourRows, botRows: hourBots };
}

const clicksOf = (rows: ViewRow[]) => rows.reduce((n, r) => n + r.n, 0);
const cubeClicks = async (workspaceId: string, day: number) =>
  (await db().clickCube.aggregate({ where: { workspaceId, hour: { gte: new Date(day), lt: new Date(day + DAY) } }, _sum: { clicks: true } }))._sum.clicks ?? 0;

/** Whether a UTC day's raw clicks are all there: as many as the hourly rollup counts (an upgrade's quick check before it rebuilds a day). */
async function rawKept(workspaceId: string, day: number): Promise<boolean> {
  const [raw, cube] = await Promise.all([
    db().click.count({ where: { workspaceId, event: "click", linkId: { not: null }, createdAt: { gte: new Date(day), lt: new Date(day + DAY) } } }),
    cubeClicks(workspaceId, day),
  ]);
  return raw === cube;
}

/**
 * Clicks per built day of the last few, by people and by bots, in the hourly
 * rollup and in the daily one: days that differ got clicks after they were
 * built (bots' are in the bots' scope rows).
 */
async function lateDays(workspaceId: string, from: number, through: number): Promise<number[]> {
  const start = Math.max(from, through - RECHECK_DAYS * DAY);
  if (start >= through) return [];
  const [cube, days, bots] = await Promise.all([
    db().clickCube.findMany({ where: { workspaceId, hour: { gte: new Date(start), lt: new Date(through) } }, select: { hour: true, bot: true, clicks: true } }),
    db().clickDay.findMany({ where: { workspaceId, dim: TOTAL, day: { gte: new Date(start), lt: new Date(through) } }, select: { day: true, clicks: true } }),
    readScopeDays(workspaceId, { kind: BOTS, ref: "only" }, start, through, { summary: true }),
  ]);
  // [people's clicks, bots' clicks] per day, in each rollup.
  const want = new Map<number, [number, number]>();
  for (const c of cube) {
    const d = Math.floor(c.hour.getTime() / DAY) * DAY;
    const n = want.get(d) ?? [0, 0];
    n[c.bot ? 1 : 0] += c.clicks;
    want.set(d, n);
  }
  const people = new Map(days.map((d) => [d.day.getTime(), d.clicks]));
  const robots = new Map(bots.map((d) => [d.day, d.data.t[0] ?? 0]));
  return [...want].filter(([d, [p, b]]) => (people.get(d) ?? 0) !== p || (robots.get(d) ?? 0) !== b).map(([d]) => d);
}

/**
 * One round of the job, for every workspace with clicks: builds the days that
 * closed since the last round, rebuilds the mapped dimensions when links,
 * tags or channel kinds changed, and rebuilds recent days that got clicks
 * after they were built. Answers how many days it wrote.
 */
export async function buildDayRollups(now = Date.now(), only?: { workspaceId: string }): Promise<number> {
  const closedEnd = Math.floor((now - GRACE) / DAY) * DAY;
  const workspaces = await db().workspace.findMany({ where: only ? { id: only.workspaceId } : {}, select: { id: true } });
  let written = 0;
  for (const { id } of workspaces) {
    let state = await readState(id);
    let next = state?.through.getTime();
    if (next === undefined) {
      const first = await db().clickCube.findFirst({ where: { workspaceId: id }, orderBy: { hour: "asc" }, select: { hour: true } });
      if (!first) continue;
      next = Math.floor(first.hour.getTime() / DAY) * DAY;
    }
    if (next >= closedEnd && !state) continue;
    const mapping = await loadMapping(id);
    if (state && state.mapping !== mapping.fingerprintAt(state.through.getTime())) {
      const through = state.through.getTime();
      await db().clickDayState.update({ where: { workspaceId: id }, data: { mapping: null } });
      const relink = state.kinds !== mapping.kindsHash;
      for (let d = state.from.getTime(); d < through; d += DAY, written++) await writeDay(id, d, mapping, true, lastOfMonth(d), relink);
      await writeRunningTotals(id, state.from.getTime(), through);
      const fingerprint = mapping.fingerprintAt(through);
      if (fingerprintAt(await readLinkMap(id), through) === fingerprint) await db().clickDayState.update({ where: { workspaceId: id }, data: { mapping: fingerprint, kinds: mapping.kindsHash } });
    }
    for (let d = next; d < closedEnd; d += DAY, written++) await writeDay(id, d, mapping, false, lastOfMonth(d));
    state = await readState(id);
    const through = state?.through.getTime() ?? 0;
    if (state) for (const d of await lateDays(id, state.from.getTime(), through)) written += (await writeDay(id, d, mapping, false, nextMonth(d) <= through), 1);
    if (state && state.daysVersion < DAYS_VERSION) written += await upgradeDays(id, state.from.getTime(), through, mapping);
    if (state) written += await packDays(id, state.from.getTime(), through, mapping);
    if (state) await writeScopeMonths(id, state.from.getTime(), state.through.getTime());
    if (state) await writeRunningTotals(id, state.from.getTime(), state.through.getTime());
  }
  return written;
}

/**
 * Rebuilds up to `UPGRADE_DAYS` of the built days an older version wrote,
 * newest first (recent periods are asked most), and marks the workspace's
 * days current once none is left. Answers how many days it wrote. A day
 * built by this version has platform types cut at 18:30 (Kolkata's midnight;
 * before or from it, one side has clicks, "(none)" included), so the next
 * round goes on where this one stopped. A day whose raw clicks are not all
 * kept would be built by hour again, as it is: it is left as it is.
 */
async function upgradeDays(workspaceId: string, from: number, through: number, mapping: Mapping): Promise<number> {
  const day = { gte: new Date(from), lt: new Date(through) };
  const [built, quartered] = await Promise.all([
    db().clickDay.findMany({ where: { workspaceId, dim: TOTAL, day }, select: { day: true } }),
    db().clickDay.findMany({
      where: { workspaceId, dim: { in: [`${BEFORE}platformType`, `${FROM}platformType`] }, OR: [{ key: splitCut(UPGRADED_AT) }, { key: { startsWith: `${splitCut(UPGRADED_AT)}:` } }], day },
      select: { day: true },
      distinct: ["day"],
    }),
  ]);
  const done = new Set(quartered.map((d) => d.day.getTime()));
  const old = built.map((d) => d.day.getTime()).filter((d) => !done.has(d)).sort((a, b) => b - a);
  // Their figures do not change (the same clicks): month rows stay; the round's end sums scope months and running totals again.
  let written = 0;
  for (const d of old) {
    if (written === UPGRADE_DAYS) return written;
    if (!(await rawKept(workspaceId, d))) continue;
    await writeDay(workspaceId, d, mapping, false, false);
    written++;
  }
  await db().clickDayState.update({ where: { workspaceId }, data: { daysVersion: DAYS_VERSION } });
  return written;
}

/**
 * Packs (day-pack.ts) up to `UPGRADE_DAYS` built days that have none (built
 * before packs were, or before packs were bit-packed or named links by
 * number: those migrations deleted them), newest first: the next round goes on where this one
 * stopped. Answers how many it packed.
 */
async function packDays(workspaceId: string, from: number, through: number, mapping: Mapping): Promise<number> {
  const missing = (await daysWithoutPack(workspaceId, from, through)).slice(0, UPGRADE_DAYS);
  for (const d of missing) {
    const { quarters, viewRows, botRows } = await readDay(workspaceId, d, mapping);
    await writePack(workspaceId, d, quarters ? DAY / QUARTER : 24, await packDay(workspaceId, viewRows, botRows));
  }
  return missing.length;
}

let timer: NodeJS.Timeout | undefined;
let running = false;

/** Starts the job in this server process (once), with the bio pages' daily views and the link maps' change log: every ten minutes, the first a few seconds after start. */
export function startDayRollups(): void {
  if (timer || process.env.PENNANT_DAY_ROLLUP === "0") return;
  const round = () => {
    if (running) return;
    running = true;
    const failed = (what: string) => (err: unknown) => console.error(`[pennant] ${what} failed:`, err instanceof Error ? err.message : err);
    buildDayRollups()
      .catch(failed("daily analytics rollup"))
      .then(() => buildPageViewDays())
      .catch(failed("daily bio page views"))
      .then(() => pruneLinkMapChanges())
      .catch(failed("pruning the link map's change log"))
      .finally(() => (running = false));
  };
  timer = setInterval(round, 10 * 60_000);
  timer.unref();
  setTimeout(round, 5_000).unref();
}
