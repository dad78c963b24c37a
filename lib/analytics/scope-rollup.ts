import "server-only";
import { selectRows } from "@/lib/db/select-rows";
import { db } from "@/lib/db/client";
import { Params, type AggregateRow, type ViewRow } from "./click-sql";
import { DIMENSIONS, NONE, type Dimension, type FilterName } from "./schemas";
import { monthStart, nextMonth } from "./running-totals";
import { packLinkIds } from "./pack-links";
import { LINK_FIGURES, linkFigures, summedMonths } from "./scope-months";
import { groupRowsMany, keyReader, type ViewContext } from "./view-rows";

/**
 * The daily rollup of one scope (`ClickScopeDay`, see the schema): a link's,
 * a link's QR code's (its scans: kind "qr"), a campaign's, a channel's, a
 * tag's or a bio page's (its clicks: kind "bioPage", see RAW_KINDS) dashboard
 * over whole UTC days, one row
 * per scope and day. A row packs what the scope's view shows that day:
 *   t: [clicks, uniques, scans, bioClicks]
 *   d: one entry per dimension, in the order of `dimsOf(kind)` (a bio page's
 *      rows end with one more: its blocks, a raw click's `bioBlockId`): the key alone
 *      when the day has one key (it holds the day's totals; most links' days
 *      have a click or two), else [[key, clicks, uniques, scans, bioClicks], ...]
 *   h: [[hour, clicks, scans, bioClicks, first, last], ...] for each UTC hour
 *      with clicks: `first` and `last` count the visitors whose first and last
 *      hour of the day it is, so a time bucket that starts at another hour
 *      (Berlin's days) takes the day's part before or from that hour exactly.
 *   q: 1 when `h` is by quarter hour instead (its first
 *      entry 0..95): a bucket that starts at a quarter hour (Kolkata's days
 *      start at 18:30 UTC) is then cut exactly too. The job counts quarters
 *      from the day's raw clicks while they are kept (day-rollup.ts).
 * Trailing zeros of a figure list are left out. The packing keeps the rows
 * small: at a million clicks over 10,000 links most rows hold one click.
 *
 * Uniques add up across days (visitor hashes rotate every UTC day), and each
 * scope's are counted within it, so a campaign's uniques are its own, not the
 * sum of its links'. A link's campaign, channel and tags are not stored: they
 * are the link's as it is now, as the hourly way joins them.
 */
export type ScopeKind = "link" | "qr" | "campaign" | "channel" | "tag" | "bioPage" | ValueKind | typeof BOTS;
/**
 * Dimensions whose values are scopes too, so a view filtered by one value of
 * a visit's own dimension (a click on a bar: a country, a referrer, a UTM
 * source) reads days, not every visitor's hours: the ref is the value (a
 * country's code, "mobile", "t.co", "newsletter"), or NONE for the clicks
 * without one ("(none)": direct visits, unknown countries). A platform type
 * ("social_media") is one too: its rows follow the platforms' kinds as built,
 * like a campaign's follow its links (MAPPED_KINDS).
 */
export const VALUE_KINDS = [
  "country", "city", "device", "browser", "os", "referrer", "social", "platformType", "utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content", "trigger",
] as const satisfies readonly Dimension[];
export type ValueKind = (typeof VALUE_KINDS)[number];
export interface Scope {
  kind: ScopeKind;
  ref: string;
  /**
   * Bots counted within the scope (a link's view with the switch on): "only"
   * reads the scope's bots' rows ("<kind>.bots"), "include" its people's rows,
   * its bots' rows and their overlap's ("<kind>.both"), added up.
   */
  bots?: "include" | "only";
}

const KIND_OF: Partial<Record<FilterName, ScopeKind>> = {
  link: "link", linkId: "link", qrId: "qr", campaign: "campaign", campaignId: "campaign", tag: "tag", tagId: "tag", channel: "channel", bioPageId: "bioPage",
  ...Object.fromEntries(VALUE_KINDS.map((k) => [k, k])),
};
export const isValueKind = (kind: ScopeKind): kind is ValueKind => (VALUE_KINDS as readonly ScopeKind[]).includes(kind);
/**
 * The workspace's clicks with bots counted (a view without filters, bots
 * switched on): kind "bots", ref "include" (every click) or "only" (bots'
 * alone). Uniques are counted among the clicks of the row, so a visitor hash
 * seen both as a bot and as a person (a HEAD request, then a click) counts once.
 */
export const BOTS = "bots";
/**
 * The kinds whose scopes also keep their bots' clicks, in two more kinds of
 * rows with the same layout: "<kind>.bots", the scope's bots' clicks alone
 * (its figures with bots only), and "<kind>.both", written only for a scope
 * and day with a visitor hash seen both as a bot and as a person (a link
 * preview, then a click): what adding the people's and the bots' rows counts
 * twice, negated (their uniques, and first and last hours). Rows of all three
 * kinds add up to the scope's figures with bots included, as days do.
 */
const WITH_BOTS: readonly ScopeKind[] = ["link", "qr", "campaign", "channel", "tag", "bioPage", ...VALUE_KINDS];
/** A scope kind as its rows are stored: a kind, or its bots' rows ("link.bots", "country.both"). */
export type StoredKind = ScopeKind | `${ScopeKind}.bots` | `${ScopeKind}.both`;
const BOTS_KINDS: readonly StoredKind[] = WITH_BOTS.flatMap((k) => [`${k}.bots`, `${k}.both`] as const);
/** The stored kinds a scope's question reads: its own; its bots' alone; or both, with their overlap. */
export function storedKinds(scope: Scope): StoredKind[] {
  if (!scope.bots) return [scope.kind];
  if (scope.bots === "only") return [`${scope.kind}.bots`];
  return [scope.kind, `${scope.kind}.bots`, `${scope.kind}.both`];
}
/** Whether the scope's bots are kept in rows of their own (not the workspace's bots: kind "bots" is the scope). */
export const keepsBots = (kind: ScopeKind) => WITH_BOTS.includes(kind);
/** The kinds whose rows are also summed per month (scope-months.ts): a value's or the bots' row lists every link clicked with it. */
export const MONTH_KINDS: readonly ScopeKind[] = [...VALUE_KINDS, BOTS];
export const hasMonths = (kind: ScopeKind) => MONTH_KINDS.includes(kind);
export const SCOPE_KINDS: readonly StoredKind[] = ["link", "qr", "campaign", "channel", "tag", "bioPage", ...VALUE_KINDS, BOTS, ...BOTS_KINDS];
/**
 * The scopes rebuilt when links' campaigns, channels or tags change (all of
 * them when platforms' kinds do), and read only while current: a campaign's,
 * channel's or tag's clicks follow its links; a value's rows hold campaigns,
 * channels, tags and platform types as they were.
 */
export const MAPPED_KINDS: readonly StoredKind[] = ["campaign", "channel", "tag", "bioPage", ...VALUE_KINDS, BOTS, ...BOTS_KINDS];
/**
 * A bio page's clicks: the page is a raw click's column, not the hourly
 * rollup's, so its rows are written only from a day's raw clicks (a day built
 * by quarter hour). A day rebuilt by hour (its raw clicks deleted by the
 * retention setting) keeps the page's rows it had: they are the only record
 * of its clicks left, and its links' campaigns, channels and tags in them are
 * as they were when written.
 */
export const RAW_KINDS: readonly StoredKind[] = ["bioPage", "bioPage.bots", "bioPage.both"];
/** The scope's rows follow the mapping (bots' rows of every kind too: they came with a version of the rows, so a mapped rebuild writes them). */
export const isMapped = (scope: Scope) => scope.bots !== undefined || MAPPED_KINDS.includes(scope.kind);
/** A link's own row leaves out what the link itself decides (read from the link as it is now). */
const FROM_LINK: readonly Dimension[] = ["link", "campaign", "channel", "tag"];
const LINK_DIMS = DIMENSIONS.filter((d) => !FROM_LINK.includes(d));
/** The dimensions a kind's rows hold, in their order in `d`. */
/** A link's or its QR code's rows: what the link decides is read from the link itself. */
export const ofLink = (kind: ScopeKind) => kind === "link" || kind === "qr";
/** What a scope's row groups by: a dimension, or (a bio page's) the page's block. */
type RowDim = Dimension | "block";
const PAGE_DIMS: readonly RowDim[] = [...DIMENSIONS, "block"];
const dimsOf = (kind: ScopeKind): readonly RowDim[] => (ofLink(kind) ? LINK_DIMS : kind === "bioPage" ? PAGE_DIMS : DIMENSIONS);
const DAY = 86_400_000;

/**
 * The one scope a question's filters name (a single link, campaign, channel,
 * tag or value, and nothing else), or null. "(none)" is a scope of the values
 * only: links without a campaign (or channel, or tag) are read the hourly way.
 */
export function scopeOf(filters: Map<FilterName, string[]>): Scope | null {
  if (filters.size !== 1) return null;
  const [name, values] = [...filters][0]!;
  const kind = KIND_OF[name];
  if (!kind || values.length !== 1 || (values[0] === NONE && !isValueKind(kind))) return null;
  return { kind, ref: values[0]! };
}

type Figures = [number, number, number, number];
type Key = string | null;
export interface ScopeDay {
  t: number[];
  d: (Key | (Key | number)[][])[];
  h: number[][];
  /**
   * Read from a summary only: for each entry of `d` that lists several keys
   * (platform types, channels), each key's hours as `h` holds the day's, so a
   * day a period starts or ends in at a whole hour is read from here too.
   */
  s?: (KeyHours | null | undefined)[];
  /** `h` by quarter hour (see the top of this file); `s` is by hour always. */
  q?: 1;
  /**
   * A month row's links (ClickScopeMonth.links), its entry in `d` left empty:
   * each link's number and figures, five a link, and the workspace's link ids
   * by number.
   */
  l?: { figures: Int32Array; ids: readonly (string | null)[] };
}
/** Each key of one dimension with its hours, as `ScopeDay.h`: [[key, [[hour, clicks, scans, bioClicks, first, last], ...]], ...]. */
type KeyHours = [Key, number[][]][];

/** A figure list without its trailing zeros. */
function trim<T extends (string | number | null)[]>(xs: T): T {
  let n = xs.length;
  while (n > 3 && xs[n - 1] === 0) n--;
  return xs.slice(0, n) as T;
}

/**
 * Rows' figures by UTC hour: [hour, clicks, scans, bioClicks, first, last] for
 * each hour with clicks, `first` and `last` counting the visitors whose first
 * and last hour of the day it is. Rows by quarter hour (`b`: 0..95) give
 * quarters, or hours with `per` 4.
 */
function hoursOf(rows: ViewRow[], per = 1): number[][] {
  const hours = new Map<number, number[]>();
  const span = new Map<string, [number, number]>();
  for (const r of rows) {
    const b = Math.floor(r.b / per);
    let h = hours.get(b);
    if (!h) hours.set(b, (h = [b, 0, 0, 0, 0, 0]));
    h[1]! += r.n;
    if (r.trigger === "qr") h[2]! += r.n;
    if (r.trigger === "bio") h[3]! += r.n;
    const s = span.get(r.visitorHash);
    if (!s) span.set(r.visitorHash, [b, b]);
    else [s[0], s[1]] = [Math.min(s[0], b), Math.max(s[1], b)];
  }
  for (const [first, last] of span.values()) {
    hours.get(first)![4]!++;
    hours.get(last)![5]!++;
  }
  return [...hours.values()].sort((a, b) => a[0]! - b[0]!);
}

/**
 * A day's figures before ("<") or from (">") a minute of the UTC day, from
 * its hours (or quarters, `quarters`): clicks, scans and bio clicks of those
 * on that side, and the visitors whose first one is before it, or whose last
 * one is from it. Null when the cut is inside one of them (a quarter hour of
 * a day kept by hour).
 */
function cutFigures(hours: number[][], side: "<" | ">", minute: number, quarters: boolean): Figures | null {
  const cut = minute / (quarters ? 15 : 60);
  if (!Number.isInteger(cut)) return null;
  const out: Figures = [0, 0, 0, 0];
  for (const [hour, clicks, scans, bioClicks, first, last] of hours as [number, number, number, number, number, number][]) {
    if (side === "<" ? hour >= cut : hour < cut) continue;
    out[0] += clicks;
    out[1] += side === "<" ? first : last;
    out[2] += scans;
    out[3] += bioClicks;
  }
  return out;
}

/** Rows by their key of one summary dimension. */
function rowsByKey(rows: ViewRow[], dim: "platformType" | "channel", ctx: ViewContext): Map<Key, ViewRow[]> {
  const byKey = new Map<Key, ViewRow[]>();
  const keyOf = keyReader(dim, ctx);
  for (const r of rows) {
    const k = keyOf(r);
    const key = k === null ? null : String(k);
    const list = byKey.get(key);
    if (list) list.push(r);
    else byKey.set(key, [r]);
  }
  return byKey;
}

/**
 * Each key's hours of the summary's dimensions that list several keys (null
 * for the others). By whole hour always (rows by quarter: `per` 4): only a
 * period before that starts or ends at a whole hour reads them.
 */
function keyHours(rows: ViewRow[], day: ScopeDay, kind: ScopeKind, ctx: ViewContext, per: number): (KeyHours | null)[] {
  const dims = dimsOf(kind);
  return summaryDims(kind).map((dim) => {
    if (!Array.isArray(day.d[dims.indexOf(dim)])) return null;
    const byKey = rowsByKey(rows, dim, ctx);
    return [...byKey].map(([k, list]) => [k, hoursOf(list, per)] as [Key, number[][]]);
  });
}

/** One scope's day, from its view rows (each row's `b` its UTC hour, or its quarter hour when `quarters`). */
function encodeDay(rows: ViewRow[], dims: readonly RowDim[], ctx: ViewContext, quarters: boolean): ScopeDay {
  const [totals, ...byDim] = groupRowsMany(rows, [null, ...dims], ctx);
  const total = totals![0]!;
  const t = trim([null, total.clicks, total.uniques, total.scans, total.bioClicks]).slice(1) as number[];
  const d = dims.map((_, i) => {
    const got = byDim[i]!;
    const key = (k: string | number | null) => (k === null ? null : String(k));
    // One key holds the day's totals (a tag's list can be empty: links without tags).
    if (got.length === 1 && got[0]!.clicks === total.clicks && got[0]!.uniques === total.uniques) return key(got[0]!.k);
    return got.map((r) => trim([key(r.k), r.clicks, r.uniques, r.scans, r.bioClicks]));
  });
  return { t, d, h: hoursOf(rows), ...(quarters ? { q: 1 as const } : {}) };
}

/** How a click row's scopes are read (not the workspace's bots): its link, QR code, campaign, channel, tags, bio page and values. */
function scopesReader(ctx: ViewContext): (r: ViewRow) => [ScopeKind, string | null][] {
  const values = VALUE_KINDS.map((d) => [d, keyReader(d, ctx) as (r: ViewRow) => string | null] as const);
  return (r) => {
    const out: [ScopeKind, string | null][] = [["link", r.linkId], ["campaign", r.campaignId], ["channel", r.channelId]];
    if (r.trigger === "qr") out.push(["qr", r.linkId]);
    if (r.bioPageId) out.push(["bioPage", r.bioPageId]);
    for (const t of ctx.tags.get(r.linkId) ?? []) out.push(["tag", t]);
    for (const [d, key] of values) out.push([d, key(r) ?? NONE]);
    return out;
  };
}

/** The kind a stored kind's rows are laid out as ("link.bots": "link"). */
const baseOf = (stored: StoredKind) => stored.split(".")[0] as ScopeKind;

/**
 * One UTC day's scope rows of the given kinds, from the day's view rows of
 * people and of bots (with their links' campaigns and channels). Scopes
 * without clicks get no row; the "bots" kind and the scopes' ".bots" and
 * ".both" kinds read the bots' rows.
 * The server's job runs beside the redirect on the same thread, so it gives
 * the event loop back every few hundred scopes (a day of 10 million clicks a
 * year holds about 7,000).
 */
export async function scopeDayRows(rows: ViewRow[], bots: ViewRow[], kinds: readonly StoredKind[], ctx: ViewContext, quarters: boolean): Promise<ScopeDayRow[]> {
  const groups = new Map<string, { kind: StoredKind; ref: string; rows: ViewRow[] }>();
  const wanted = new Set(kinds);
  const scopesOf = scopesReader(ctx);
  const put = (kind: StoredKind, ref: string | null, r: ViewRow) => {
    if (ref === null || !wanted.has(kind)) return;
    const id = `${kind}\u0000${ref}`;
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { kind, ref, rows: [] }));
    g.rows.push(r);
  };
  for (const r of rows) {
    for (const [kind, ref] of scopesOf(r)) put(kind, ref, r);
    put(BOTS, "include", r);
  }
  for (const r of bots) {
    put(BOTS, "include", r);
    put(BOTS, "only", r);
    for (const [kind, ref] of scopesOf(r)) put(`${kind}.bots`, ref, r);
  }
  const out: ScopeDayRow[] = [];
  for (const g of groups.values()) {
    if (out.length % 200 === 199) await new Promise((resolve) => setImmediate(resolve));
    const kind = baseOf(g.kind);
    const day = encodeDay(g.rows, dimsOf(kind), ctx, quarters);
    out.push({ kind: g.kind, ref: g.ref, data: JSON.stringify(day), summary: summaryOf(day, kind, keyHours(g.rows, day, kind, ctx, quarters ? 4 : 1)) });
  }
  out.push(...overlapRows(rows, bots, kinds, ctx, quarters));
  return out;
}

/**
 * The ".both" rows: for each scope with a visitor hash seen that day both as
 * a person and as a bot, what its people's and bots' rows count twice, negated.
 * Figures add up over visitors (a visitor's clicks, whether it counts for a
 * key, its first and last hour), so only those visitors' rows matter:
 * (people's and bots' together) less (people's) less (bots').
 */
function overlapRows(rows: ViewRow[], bots: ViewRow[], kinds: readonly StoredKind[], ctx: ViewContext, quarters: boolean): ScopeDayRow[] {
  if (!bots.length || !kinds.some((k) => k.endsWith(".both"))) return [];
  const botVisitors = new Set(bots.map((r) => r.visitorHash));
  const people = rows.filter((r) => botVisitors.has(r.visitorHash));
  if (!people.length) return [];
  const twice = new Set(people.map((r) => r.visitorHash));
  const scopesOf = scopesReader(ctx);
  const groups = new Map<string, { kind: ScopeKind; ref: string; people: ViewRow[]; bots: ViewRow[] }>();
  const collect = (list: ViewRow[], side: "people" | "bots") => {
    for (const r of list) {
      if (!twice.has(r.visitorHash)) continue;
      for (const [kind, ref] of scopesOf(r)) {
        if (ref === null || !kinds.includes(`${kind}.both`)) continue;
        const id = `${kind}\u0000${ref}`;
        let g = groups.get(id);
        if (!g) groups.set(id, (g = { kind, ref, people: [], bots: [] }));
        g[side].push(r);
      }
    }
  };
  collect(people, "people");
  collect(bots, "bots");
  const out: ScopeDayRow[] = [];
  for (const g of groups.values()) {
    if (!g.people.length || !g.bots.length) continue;
    const day = packed(combined(g.kind, ctx, quarters ? 4 : 1, [1, [...g.people, ...g.bots]], [-1, g.people], [-1, g.bots]), g.kind, quarters);
    out.push({ kind: `${g.kind}.both`, ref: g.ref, data: JSON.stringify(day.day), summary: summaryOf(day.day, g.kind, day.split) });
  }
  return out;
}

/** A day's figures unpacked: totals, each dimension's keys, each hour, and each summary dimension's keys' hours. */
interface Unpacked {
  t: number[];
  d: Map<Key, number[]>[];
  h: Map<number, number[]>;
  s: Map<Key, Map<number, number[]>>[];
}

const addInto = <K>(m: Map<K, number[]>, k: K, xs: number[], sign: number) => {
  const row = m.get(k) ?? m.set(k, xs.map(() => 0)).get(k)!;
  xs.forEach((x, i) => (row[i]! += sign * x));
};

/** Rows' figures, signed and added up (each side's rows grouped on their own), in one scope kind's layout. */
function combined(kind: ScopeKind, ctx: ViewContext, per: number, ...sides: [number, ViewRow[]][]): Unpacked {
  const dims = dimsOf(kind);
  const sums = summaryDims(kind);
  const out: Unpacked = { t: [0, 0, 0, 0], d: dims.map(() => new Map()), h: new Map(), s: sums.map(() => new Map()) };
  const figs = (r: AggregateRow) => [r.clicks, r.uniques, r.scans, r.bioClicks];
  for (const [sign, rows] of sides) {
    const [totals, ...byDim] = groupRowsMany(rows, [null, ...dims], ctx);
    for (const r of totals!) figs(r).forEach((x, i) => (out.t[i]! += sign * x));
    byDim.forEach((got, i) => {
      for (const r of got) addInto(out.d[i]!, r.k === null ? null : String(r.k), figs(r), sign);
    });
    for (const [hour, ...xs] of hoursOf(rows)) addInto(out.h, hour!, xs, sign);
    sums.forEach((dim, i) => {
      for (const [k, list] of rowsByKey(rows, dim, ctx)) {
        const hours = out.s[i]!.get(k) ?? out.s[i]!.set(k, new Map()).get(k)!;
        for (const [hour, ...xs] of hoursOf(list, per)) addInto(hours, hour!, xs, sign);
      }
    });
  }
  return out;
}

/** Unpacked figures as a stored day (every dimension as a list, zeros left out), with its summary's keys' hours. */
function packed(u: Unpacked, kind: ScopeKind, quarters: boolean): { day: ScopeDay; split: KeyHours[] } {
  const nonzero = (xs: number[]) => xs.some((x) => x !== 0);
  const hours = (m: Map<number, number[]>) => [...m].filter(([, xs]) => nonzero(xs)).sort((a, b) => a[0] - b[0]).map(([h, xs]) => [h, ...xs]);
  const day: ScopeDay = {
    t: trim([null, ...u.t]).slice(1) as number[],
    d: u.d.map((m) => [...m].filter(([, xs]) => nonzero(xs)).map(([k, xs]) => trim([k, ...xs]))),
    h: hours(u.h),
    ...(quarters ? { q: 1 as const } : {}),
  };
  const split = summaryDims(kind).map((_, i) => [...u.s[i]!].map(([k, m]) => [k, hours(m)] as [Key, number[][]]).filter(([, h]) => h.length > 0));
  return { day, split };
}

/** A scope's day as stored: everything (`data`), and its summary (`summary`: totals, hours, platform types, channels). */
export interface ScopeDayRow {
  kind: StoredKind;
  ref: string;
  data: string;
  summary: string;
}

/** Multi-row INSERTs of one day's scope rows, 200 a statement. */
export function insertScopeStatements(workspaceId: string, day: number, rows: ScopeDayRow[]) {
  const out = [];
  for (let i = 0; i < rows.length; i += 200) {
    const p = new Params(db().provider === "postgres");
    const values = rows.slice(i, i + 200).map((r) => `(${p.add(workspaceId)}, ${p.add(r.kind)}, ${p.add(r.ref)}, ${p.add(dayNumber(day))}, ${p.add(r.data)}, ${p.add(r.summary)})`);
    out.push(db().$executeRawUnsafe(`INSERT INTO "ClickScopeDay" ("workspaceId", "kind", "ref", "day", "data", "summary") VALUES ${values.join(", ")}`, ...p.values));
  }
  return out;
}

/** A UTC day's number, as the table keys it: days since 1970-01-01. */
export const dayNumber = (day: number) => Math.floor(day / DAY);

/**
 * What a day's `summary` column holds beside its totals and hours: the
 * dimensions a view's period before shows (its platform types and channels).
 */
const SUMMARY_DIMS: readonly ("platformType" | "channel")[] = ["platformType", "channel"];
/** Whether a day's summary answers a grouping: the totals, the time buckets, platform types, channels. */
export const inSummary = (group: Dimension | "bucket" | null) => group === null || group === "bucket" || (SUMMARY_DIMS as readonly Dimension[]).includes(group);
/**
 * A day's summary: its totals, hours, the kind's SUMMARY_DIMS entries in that
 * order, and for those that list several keys, each key's hours (`s`; absent
 * from rows written before it was).
 */
interface Summary {
  t: number[];
  h: number[][];
  d: ScopeDay["d"];
  s?: (KeyHours | null)[];
  q?: 1;
}
const summaryDims = (kind: ScopeKind) => SUMMARY_DIMS.filter((d) => dimsOf(kind).includes(d));
function summaryOf(day: ScopeDay, kind: ScopeKind, split: (KeyHours | null)[]): string {
  const dims = dimsOf(kind);
  return JSON.stringify({ t: day.t, h: day.h, d: summaryDims(kind).map((d) => day.d[dims.indexOf(d)]!), s: split, ...(day.q ? { q: day.q } : {}) } satisfies Summary);
}
/** A day from its summary: the dimensions it does not hold are absent (groupScopeDays refuses to read them). */
function fromSummary(sum: Summary, kind: ScopeKind): ScopeDay {
  const dims = dimsOf(kind);
  const d: ScopeDay["d"] = [];
  const s: ScopeDay["s"] = [];
  summaryDims(kind).forEach((dim, i) => {
    d[dims.indexOf(dim)] = sum.d[i]!;
    s[dims.indexOf(dim)] = sum.s?.[i];
  });
  return { t: sum.t, d, h: sum.h, s, ...(sum.q ? { q: sum.q } : {}) };
}

/** What to read of a scope's rows: every part, the summaries, one dimension, or every dimension (no hours). */
export type ScopePart = { all: true } | { summary: true } | { dimension: RowDim } | { dimensions: true };

/**
 * The scope's rows of the UTC days [first, end), with what `part` asks. A
 * value's row holds every dimension (a country's day lists each link clicked
 * from it), and parsing all of it for the totals took most of a 12-month
 * query: totals, buckets, platform types and channels read the day's
 * `summary` column. One dimension is cut out of `data` by the database on
 * SQLite only: PostgreSQL's json operators parse the whole text again for each
 * part (cutting two parts out of 396 rows of 117 KB took it 1.4 s, reading the
 * rows and parsing them here 0.34 s). One dimension or every dimension of a
 * value (or of the bots' clicks) reads each month the period covers mostly
 * from its month row (scope-months.ts), less the month's days outside the
 * period (uniques subtract as exactly as they add): a row a month and a few
 * days, not one a day.
 */
export async function readScopeDays(workspaceId: string, scope: Scope, first: number, end: number, part: ScopePart): Promise<{ day: number; data: ScopeDay }[]> {
  // A link's campaign, channel and tags are the link's own (LinkFacts): its rows' totals are all they need.
  if ("dimension" in part && !dimsOf(scope.kind).includes(part.dimension)) part = { summary: true };
  if (!scope.bots) return readOwnDays(workspaceId, scope, first, end, part);
  // Bots counted: the bots' rows (and their overlap's) are few, read by day, beside the people's (read as ever).
  const [people, bots] = await Promise.all([
    scope.bots === "include" ? readOwnDays(workspaceId, { kind: scope.kind, ref: scope.ref }, first, end, part) : [],
    readRows("ClickScopeDay", workspaceId, scope, [[first, end]], "dimensions" in part ? { all: true } : part, storedKinds(scope).filter((k) => k !== scope.kind)),
  ]);
  return [...people, ...bots];
}

/** A scope's own rows (people's clicks) of the UTC days [first, end). */
async function readOwnDays(workspaceId: string, scope: Scope, first: number, end: number, part: ScopePart): Promise<{ day: number; data: ScopeDay }[]> {
  if ("summary" in part || "all" in part) return readRows("ClickScopeDay", workspaceId, scope, [[first, end]], part);
  // Each month the period covers mostly (a summed one): its month row, less its days outside the period.
  const touched: number[] = [];
  for (let m = monthStart(first); m < end; m = nextMonth(m)) touched.push(m);
  const summed = new Set(hasMonths(scope.kind) ? await summedMonths(workspaceId, touched) : []);
  const months: number[] = [];
  const days: [number, number][] = [];
  const minus: [number, number][] = [];
  for (const m of touched) {
    const [a, b] = [Math.max(m, first), Math.min(nextMonth(m), end)];
    if (!summed.has(m) || b - a <= nextMonth(m) - m - (b - a)) days.push([a, b]);
    else {
      months.push(m);
      if (m < a) minus.push([m, a]);
      if (b < nextMonth(m)) minus.push([b, nextMonth(m)]);
    }
  }
  if (!months.length) return readRows("ClickScopeDay", workspaceId, scope, [[first, end]], part);
  const [byMonth, byDay, less] = await Promise.all([
    readRows("ClickScopeMonth", workspaceId, scope, months.map((m) => [m, nextMonth(m)]), part),
    days.length ? readRows("ClickScopeDay", workspaceId, scope, days, part) : [],
    minus.length ? readRows("ClickScopeDay", workspaceId, scope, minus, part) : [],
  ]);
  return [...byMonth, ...byDay, ...less.map(({ day, data }) => ({ day, data: negated(data) }))];
}

/** A day's figures taken away (a month's row less the days outside a period): every figure negated. */
function negated(day: ScopeDay): ScopeDay {
  return { t: day.t.map((x) => -x), d: day.d.map((e) => (Array.isArray(e) ? e.map((r) => [r[0] ?? null, ...r.slice(1).map((x) => -Number(x))]) : e)), h: [] };
}

/** Rows of a scope whose day (or month: its first day) is in one of the spans, each with what `part` asks. */
async function readRows(
  table: "ClickScopeDay" | "ClickScopeMonth",
  workspaceId: string,
  scope: Scope,
  spans: [number, number][],
  part: ScopePart,
  kinds: readonly StoredKind[] = [scope.kind],
): Promise<{ day: number; data: ScopeDay }[]> {
  const postgres = db().provider === "postgres";
  const p = new Params(postgres);
  const at = table === "ClickScopeDay" ? `x."day"` : `x."month"`;
  const cut = (path: (string | number)[]) => `x."data" -> '$${path.map((k) => (typeof k === "number" ? `[${k}]` : `.${k}`)).join("")}'`;
  const index = "dimension" in part ? dimsOf(scope.kind).indexOf(part.dimension) : -1;
  const columns =
    "summary" in part
      ? // A row written before the column existed reads `data`.
        [`x."summary" AS summary`, `CASE WHEN x."summary" IS NULL THEN x."data" END AS data`]
      : index >= 0 && !postgres
        ? [`${cut(["t"])} AS t`, `${cut(["d", index])} AS d`]
        : [`x."data" AS data`];
  // A month row's links are in a column of their own (scope-months.ts): from PostgreSQL as hex text (Prisma's
  // adapter passes no bytes of a raw query), from SQLite's reading thread as their bytes.
  if (table === "ClickScopeMonth" && !("summary" in part) && ("dimension" in part ? part.dimension === "link" : true)) columns.push(postgres ? `encode(x."links", 'hex') AS links` : `x."links" AS links`);
  const sql =
    `SELECT ${at} AS day, ${columns.join(", ")} FROM "${table}" x WHERE x."workspaceId" = ${p.add(workspaceId)} AND x."kind" IN (${p.list([...kinds])}) ` +
    `AND x."ref" = ${p.add(scope.ref)} AND (${spans.map(([a, b]) => `(${at} >= ${p.add(dayNumber(a))} AND ${at} < ${p.add(dayNumber(b))})`).join(" OR ")})`;
  const rows = await selectRows<{ day: unknown; summary?: string | null; data?: string | null; t?: string; d?: string | null; links?: string | Uint8Array | null }>(sql, p.values);
  const links = rows.map((r) => (r.links?.length ? linkFigures(typeof r.links === "string" ? Buffer.from(r.links, "hex") : r.links) : null));
  // A row's links are ordered by number: its last link's is its largest.
  let most = 0;
  for (const l of links) if (l?.length) most = Math.max(most, l[l.length - 1 - LINK_FIGURES]!);
  const ids = links.some((l) => l) ? await packLinkIds(workspaceId, most + 1) : [];
  return rows.map((r, i) => {
    const day = Number(r.day) * DAY;
    const l = links[i] ? { l: { figures: links[i], ids } } : {};
    if (r.summary) return { day, data: fromSummary(JSON.parse(r.summary) as Summary, scope.kind) };
    if (r.data) return { day, data: { ...(JSON.parse(r.data) as ScopeDay), ...l } };
    const d: ScopeDay["d"] = [];
    d[index] = r.d === null || r.d === undefined ? null : (JSON.parse(r.d) as ScopeDay["d"][number]);
    return { day, data: { t: JSON.parse(r.t!) as number[], d, h: [], ...l } };
  });
}

/** What a link's view reads from the link itself: its campaign, channel and tags, as they are now. */
export interface LinkFacts {
  campaignId: string | null;
  channelId: string | null;
  tags: string[];
}

export async function linkFacts(workspaceId: string, linkId: string): Promise<LinkFacts> {
  const link = await db().link.findFirst({ where: { id: linkId, workspaceId }, select: { campaignId: true, channelId: true, tags: { select: { tagId: true } } } });
  return { campaignId: link?.campaignId ?? null, channelId: link?.channelId ?? null, tags: (link?.tags ?? []).map((t) => t.tagId).sort() };
}

const figures = (xs: (string | number | null)[], from: number): Figures => [Number(xs[from] ?? 0), Number(xs[from + 1] ?? 0), Number(xs[from + 2] ?? 0), Number(xs[from + 3] ?? 0)];

function add(into: Map<string | number | null, AggregateRow>, k: string | number | null, [clicks, uniques, scans, bioClicks]: Figures) {
  const row = into.get(k);
  if (row) {
    row.clicks += clicks;
    row.uniques += uniques;
    row.scans += scans;
    row.bioClicks += bioClicks;
  } else into.set(k, { k, clicks, uniques, scans, bioClicks, views: 0 });
}

/**
 * One grouping summed over the scope's days: the totals (group null), a
 * dimension's keys, or time buckets (`bucket`: each day's bucket, and for a
 * day a bucket boundary cuts at `cuts`' minute, its part before and from it;
 * null when a day kept by hour is cut at a quarter hour).
 */
export function groupScopeDays(
  days: { day: number; data: ScopeDay }[],
  group: RowDim | "bucket" | null,
  opts: { scope: Scope; link: LinkFacts | null; cuts: Map<number, number> | null; bucketOf: (t: number) => number },
): AggregateRow[] | null {
  const into = new Map<string | number | null, AggregateRow>();
  // Month rows' links, summed by number, then added by id at the end.
  let byNumber: { sums: Float64Array; ids: readonly (string | null)[] } | null = null;
  for (const { day, data } of days) {
    const t = figures([null, ...data.t], 1);
    if (group === null) add(into, null, t);
    else if (group === "bucket") {
      const cut = opts.cuts?.get(day);
      if (cut === undefined) {
        add(into, opts.bucketOf(day), t);
        continue;
      }
      const before = cutFigures(data.h, "<", cut, data.q === 1);
      const from = cutFigures(data.h, ">", cut, data.q === 1);
      if (!before || !from) return null;
      // (An overlap's row has no clicks, only uniques and hours to take off.)
      if (before.some((x) => x !== 0)) add(into, opts.bucketOf(day), before);
      if (from.some((x) => x !== 0)) add(into, opts.bucketOf(day + cut * 60_000), from);
    } else if (ofLink(opts.scope.kind) && group !== "block" && FROM_LINK.includes(group)) {
      const link = opts.link!;
      const keys = group === "link" ? [opts.scope.ref] : group === "campaign" ? [link.campaignId] : group === "channel" ? [link.channelId] : link.tags;
      for (const k of keys) add(into, k, t);
    } else {
      const entry = data.d[dimsOf(opts.scope.kind).indexOf(group)];
      if (entry === undefined) throw new Error(`scope rows of kind ${opts.scope.kind} have no ${group}`);
      if (group === "link" && data.l) byNumber = sumLinks(byNumber, data.l);
      else if (!Array.isArray(entry)) add(into, entry, t);
      else for (const r of entry) add(into, (r[0] ?? null) as Key, figures(r, 1));
    }
  }
  if (byNumber) {
    const { sums, ids } = byNumber;
    for (let n = 0; n < ids.length; n++) {
      const f: Figures = [sums[n * LINK_FIGURES]!, sums[n * LINK_FIGURES + 1]!, sums[n * LINK_FIGURES + 2]!, sums[n * LINK_FIGURES + 3]!];
      if (f.some((x) => x !== 0)) add(into, ids[n] ?? null, f);
    }
  }
  // A key whose clicks were all in days taken away (a month less its days outside the period) had none in the period.
  return [...into.values()].filter((r) => group === null || group === "bucket" || r.clicks !== 0);
}

/** A month row's links added to the sums by number (made, or made longer, for the ids the row was read with). */
function sumLinks(into: { sums: Float64Array; ids: readonly (string | null)[] } | null, { figures: l, ids }: NonNullable<ScopeDay["l"]>) {
  let sums = into?.sums ?? new Float64Array(ids.length * LINK_FIGURES);
  if (sums.length < ids.length * LINK_FIGURES) {
    const longer = new Float64Array(ids.length * LINK_FIGURES);
    longer.set(sums);
    sums = longer;
  }
  for (let i = 0; i < l.length; i += 1 + LINK_FIGURES) {
    const at = l[i]! * LINK_FIGURES;
    for (let k = 0; k < LINK_FIGURES; k++) sums[at + k]! += l[i + 1 + k]!;
  }
  return { sums, ids: into && into.ids.length > ids.length ? into.ids : ids };
}

/**
 * One grouping of the days a period starts or ends in at a minute of the UTC
 * day (`cuts`: each day's side, "<" for its part before the minute, ">" for its
 * part from it), from their summaries: the totals, platform types or channels.
 * Null when a day's summary cannot tell: written before it held each key's
 * hours, or cut at a quarter hour (keys' hours are by whole hour; totals by
 * quarter only in a day built by quarter).
 */
export function groupScopeCuts(
  days: { day: number; data: ScopeDay }[],
  group: "platformType" | "channel" | null,
  opts: { scope: Scope; link: LinkFacts | null; cuts: Map<number, { side: "<" | ">"; minute: number }> },
): AggregateRow[] | null {
  const into = new Map<string | number | null, AggregateRow>();
  const put = (k: Key, f: Figures) => {
    if (f.some((x) => x !== 0)) add(into, k, f);
  };
  for (const { day, data } of days) {
    const { side, minute } = opts.cuts.get(day)!;
    // A whole hour: a day kept by hour or by quarter tells it; a quarter hour, only a day kept by quarter.
    const whole = cutFigures(data.h, side, minute, data.q === 1);
    if (!whole) return null;
    if (group === null) put(null, whole);
    else if (ofLink(opts.scope.kind) && FROM_LINK.includes(group)) put(opts.link!.channelId, whole);
    else {
      const index = dimsOf(opts.scope.kind).indexOf(group);
      const entry = data.d[index];
      if (entry === undefined) throw new Error(`scope rows of kind ${opts.scope.kind} have no ${group}`);
      if (!Array.isArray(entry)) put(entry, whole);
      else {
        const split = data.s?.[index];
        if (!split) return null;
        // Keys' hours are by whole hour, whatever `h` is by: a quarter hour cannot be told.
        for (const [k, hours] of split) {
          const f = cutFigures(hours, side, minute, false);
          if (!f) return null;
          put(k, f);
        }
      }
    }
  }
  return [...into.values()].filter((r) => r.clicks !== 0);
}
