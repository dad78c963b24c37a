import "server-only";
import { selectRows } from "@/lib/db/select-rows";
import { db } from "@/lib/db/client";
import { pgTime, sqliteTime } from "@/lib/db/raw-values";
import type { LinkFiling } from "./link-map";
import { platformSql } from "./platforms";
import type { ResolvedQuery } from "./resolve-query";
import { bucketOf } from "./time-range";
import { NONE, type Dimension, type FilterName } from "./schemas";

/**
 * The SQL every analytics figure is read with: one statement, scoped to the
 * workspace and the period, grouped by one key. Raw SQL (not Prisma) because
 * the groupings are expressions (time buckets in the workspace's zone, the
 * platform type of a social platform) that Prisma's groupBy cannot state.
 * Values are always bound parameters.
 *
 * Where the figures come from (see periodParts): whole UTC hours read the
 * hourly rollup (`ClickCube`: one row per link, hour, visitor and combination
 * of dimensions); the parts of hours a period or a bucket boundary cuts (a
 * range that starts at 10:20, Asia/Kathmandu's midnights at :15) read the raw
 * clicks. Both are unioned into rows of one shape, so clicks are summed and
 * unique visitors are the distinct hashes across both: exact either way.
 */
export interface AggregateRow {
  k: string | number | null;
  clicks: number;
  uniques: number;
  scans: number;
  bioClicks: number;
  views: number;
}

export class Params {
  readonly values: unknown[] = [];
  constructor(readonly pg: boolean) {}
  add(v: unknown): string {
    this.values.push(v);
    return this.pg ? `$${this.values.length}` : "?";
  }
  time(ms: number): string {
    const d = new Date(ms);
    return this.pg ? `${this.add(pgTime(d))}::timestamp(3)` : this.add(sqliteTime(d));
  }
  list(vs: string[]): string {
    return vs.map((v) => this.add(v)).join(", ");
  }
}

/** The columns both sources answer with (the rollup's names), in order. */
const SOURCE_COLUMNS = [
  "linkId", "visitorHash", "trigger", "bot", "country", "city", "device", "browser", "os", "referrerHost", "social",
  "utmSource", "utmMedium", "utmCampaign", "utmTerm", "utmContent", "bioPageId", "bioBlockId",
] as const;
/** The raw clicks' columns the rollup has not (it has no bio page): null in its rows. */
const RAW_ONLY: readonly string[] = ["bioPageId", "bioBlockId"];

/** Each dimension's column: a source row's (alias c), or its link's (alias l). Tag is a join of its own. */
export const DIMENSION_FIELDS = {
  country: "country",
  city: "city",
  device: "device",
  browser: "browser",
  os: "os",
  referrer: "referrerHost",
  social: "social",
  utm_source: "utmSource",
  utm_medium: "utmMedium",
  utm_campaign: "utmCampaign",
  utm_term: "utmTerm",
  utm_content: "utmContent",
  trigger: "trigger",
  link: "linkId",
  channel: "channelId",
  campaign: "campaignId",
} as const satisfies Partial<Record<Dimension, keyof ViewRow>>;
const FROM_LINK: readonly string[] = ["channelId", "campaignId"];
const columnOf = (field: string) => (FROM_LINK.includes(field) ? `l."${field}"` : `c."${field}"`);

const COLUMNS: Partial<Record<Dimension, string>> = {
  ...Object.fromEntries(Object.entries(DIMENSION_FIELDS).map(([d, field]) => [d, columnOf(field)])),
  tag: `lt."tagId"`,
};

const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** platformOf() over a raw click (alias r). */
const SOCIAL_SQL = platformSql(`r."referrerHost"`, `r."utmSource"`);

function platformTypeSql(kinds: Map<string, string>): string {
  const byKind = new Map<string, string[]>();
  for (const [platform, kind] of kinds) byKind.set(kind, [...(byKind.get(kind) ?? []), platform]);
  const whens = [...byKind].map(([kind, ids]) => `WHEN c."social" IN (${ids.map(literal).join(", ")}) THEN ${literal(kind)}`);
  return `(CASE ${whens.join(" ")} ELSE NULL END)`;
}

function dimensionSql(d: Dimension, q: ResolvedQuery): string {
  if (d === "platformType") return platformTypeSql(q.kinds);
  return COLUMNS[d]!;
}

const FILTER_AS: Partial<Record<FilterName, Dimension>> = { linkId: "link", campaignId: "campaign", tagId: "tag", qrId: "link" };

/** The dimension a filter matches (an id filter's: its link, campaign or tag; a QR code's also needs trigger "qr"). */
export const filterDimension = (name: Exclude<FilterName, "bioPageId">): Dimension => FILTER_AS[name] ?? (name as Dimension);

function filterSql(name: Exclude<FilterName, "bioPageId">, values: string[], q: ResolvedQuery, p: Params): string {
  const dim = filterDimension(name);
  if (dim === "tag") return `c."linkId" IN (SELECT "linkId" FROM "LinkTag" WHERE "tagId" IN (${p.list(values)}))`;
  const expr = dimensionSql(dim, q);
  const real = values.filter((v) => v !== NONE);
  const parts = [...(real.length ? [`${expr} IN (${p.list(real)})`] : []), ...(real.length < values.length ? [`${expr} IS NULL`] : [])];
  const match = parts.length > 1 ? `(${parts.join(" OR ")})` : parts[0]!;
  return name === "qrId" ? `(${match} AND c."trigger" = 'qr')` : match;
}

const usesLink = (names: Iterable<string>) => [...names].some((n) => ["channel", "campaign", "campaignId"].includes(n));

export type GroupKey = Dimension | "bucket" | null;

const HOUR = 3_600_000;

/**
 * The period split by source: `hours` are the whole UTC hours the rollup
 * answers ([from, to) of hour starts, minus `cut`), `raw` the intervals read
 * from raw clicks: the edges of a period that does not start or end on an
 * hour, and every hour a bucket boundary cuts. A bio-page filter reads raw
 * clicks only (the rollup has no bio page column).
 * Before `rawFrom` (raw clicks deleted by the workspace's retention) the
 * rollup answers cut hours whole, each in the bucket its start falls in, and
 * `estimate` says so.
 */
export function periodParts(from: number, to: number, boundaries: number[], rawOnly: boolean, rawFrom: number | null = null) {
  const whole = { hours: null, cut: [] as number[], raw: [[from, to]] as [number, number][], estimate: false };
  if (rawOnly) return whole;
  const gone = (hourEnd: number) => rawFrom !== null && hourEnd <= rawFrom;
  let estimate = false;
  let first = Math.ceil(from / HOUR) * HOUR;
  let last = Math.floor(to / HOUR) * HOUR;
  if (from < first && gone(first)) [first, estimate] = [first - HOUR, true];
  if (last < to && gone(last + HOUR)) [last, estimate] = [last + HOUR, true];
  if (first >= last) return whole;
  const raw: [number, number][] = [];
  if (from < first) raw.push([from, first]);
  const cut: number[] = [];
  for (const h of new Set(boundaries.filter((b) => b > first && b < last && b % HOUR !== 0).map((b) => Math.floor(b / HOUR) * HOUR))) {
    if (gone(h + HOUR)) estimate = true;
    else cut.push(h);
  }
  // Every whole hour cut (a day read by quarter hour): the rollup has nothing to add.
  if (cut.length === (last - first) / HOUR) return whole;
  cut.sort((a, b) => a - b);
  for (const h of cut) raw.push([h, h + HOUR]);
  if (last < to) raw.push([last, to]);
  return { hours: [first, last] as [number, number], cut, raw, estimate };
}

/**
 * Whether the question reads its scope's raw clicks through the click table's
 * link index instead of the hourly rollup: it names a few links (a link, a QR
 * code, a small campaign, channel or tag; see linksOfScope), and the raw clicks
 * of its period are all kept. The rollup has no index by link, so filtered by a
 * scope it reads the workspace's every row of the period; the scope's own clicks
 * are fewer. The outer filters still apply, so the figures are the same.
 */
export function readsScopeLinks(q: Pick<ResolvedQuery, "scopeLinks" | "rawFrom" | "from">): boolean {
  return q.scopeLinks !== null && (q.rawFrom === null || q.rawFrom <= q.from);
}

/** One UNION ALL of the rollup's whole hours and the raw clicks of the rest, each row `t` (its time), the source columns and `n` (its clicks). */
function sourceSql(q: ResolvedQuery, p: Params, boundaries: number[]): string {
  const byLinks = readsScopeLinks(q);
  const parts = periodParts(q.from, q.to, boundaries, q.filters.has("bioPageId") || byLinks, q.rawFrom);
  const bots = (col: string) => (q.bots === "exclude" ? ` AND ${col} = ${p.add(false)}` : q.bots === "only" ? ` AND ${col} = ${p.add(true)}` : "");
  const selects: string[] = [];
  if (parts.hours) {
    const [a, b] = parts.hours;
    // Each parameter is added where the text places it (SQLite's "?" are positional).
    const cols = SOURCE_COLUMNS.map((k) => (RAW_ONLY.includes(k) ? `CAST(NULL AS TEXT) AS "${k}"` : `x."${k}"`)).join(", ");
    let sql = `SELECT x."hour" AS t, ${cols}, x."clicks" AS n FROM "ClickCube" x `;
    sql += `WHERE x."workspaceId" = ${p.add(q.workspaceId)} AND x."hour" >= ${p.time(a)} AND x."hour" < ${p.time(b)}`;
    if (parts.cut.length) sql += ` AND x."hour" NOT IN (${parts.cut.map((h) => p.time(h)).join(", ")})`;
    selects.push(sql + bots(`x."bot"`));
  }
  if (parts.raw.length) {
    const bio = q.filters.get("bioPageId");
    const cols = SOURCE_COLUMNS.map((k) => (k === "social" ? `${SOCIAL_SQL} AS "social"` : `r."${k}"`)).join(", ");
    const workspace = p.add(q.workspaceId); // before the spans: parameters in the order of the text
    const spans = parts.raw.map(([a, b]) => `(r."createdAt" >= ${p.time(a)} AND r."createdAt" < ${p.time(b)})`).join(" OR ");
    // A scope's links: SQLite is told to read them through their index (without statistics it
    // would rather scan the workspace's period); PostgreSQL's planner picks it by itself.
    const index = byLinks && q.scopeLinks!.length && !p.pg ? ` INDEXED BY "Click_linkId_createdAt_idx"` : "";
    const counted = bots(`r."bot"`);
    const links = byLinks ? (q.scopeLinks!.length ? ` AND r."linkId" IN (${p.list(q.scopeLinks!)})` : " AND 1 = 0") : "";
    selects.push(
      `SELECT r."createdAt" AS t, ${cols}, 1 AS n FROM "Click" r${index} WHERE r."workspaceId" = ${workspace} AND (${spans}) ` +
        `AND r."event" = 'click' AND r."linkId" IS NOT NULL${counted}${links}${bio ? ` AND r."bioPageId" IN (${p.list(bio)})` : ""}`,
    );
  }
  return selects.join(" UNION ALL ");
}

/**
 * Clicks, unique visitors, scans and bio-page clicks of the period, grouped
 * by `group` (a dimension, the time bucket, or nothing). Bio-page views are
 * counted apart (countViews, view-days.ts): `views` is 0 here.
 */
export async function aggregateClicks(q: ResolvedQuery, group: GroupKey, opts: { limit?: number } = {}): Promise<AggregateRow[]> {
  const p = new Params(db().provider === "postgres");
  // Parameters in the order they appear in the text (SQLite's "?" are positional): the key first.
  let key = "NULL";
  if (group === "bucket") {
    // The bucket's index: buckets are contiguous, so the last start at or before the click.
    const whens = q.starts.slice(1).map((s, i) => `WHEN c.t < ${p.time(s)} THEN ${i}`);
    key = whens.length ? `(CASE ${whens.join(" ")} ELSE ${q.starts.length - 1} END)` : "0";
  } else if (group) key = dimensionSql(group, q);
  const source = sourceSql(q, p, group === "bucket" ? q.starts : []);
  const joins = [
    ...(usesLink([...q.filters.keys(), group ?? ""]) ? [`LEFT JOIN "Link" l ON l."id" = c."linkId"`] : []),
    ...(group === "tag" ? [`JOIN "LinkTag" lt ON lt."linkId" = c."linkId"`] : []),
  ];
  const where: string[] = [];
  for (const [name, values] of q.filters) if (name !== "bioPageId") where.push(filterSql(name, values, q, p));
  const sum = (cond: string | null) => `CAST(SUM(${cond ? `CASE WHEN ${cond} THEN c.n ELSE 0 END` : "c.n"}) AS INTEGER)`;
  const sql =
    `SELECT ${key} AS k, ${sum(null)} AS clicks, CAST(COUNT(DISTINCT c."visitorHash") AS INTEGER) AS uniques, ` +
    `${sum(`c."trigger" = 'qr'`)} AS scans, ${sum(`c."trigger" = 'bio'`)} AS "bioClicks" ` +
    `FROM (${source}) c ${joins.join(" ")}${where.length ? ` WHERE ${where.join(" AND ")}` : ""} ` +
    (group ? `GROUP BY 1 ORDER BY 2 DESC, 1 ASC${opts.limit ? ` LIMIT ${Math.floor(opts.limit)}` : ""}` : "");
  const rows = await selectRows<Record<string, unknown>>(sql, p.values);
  return rows.map((r) => ({
    k: r.k === null || r.k === undefined ? null : typeof r.k === "bigint" ? Number(r.k) : (r.k as string | number),
    clicks: Number(r.clicks ?? 0),
    uniques: Number(r.uniques ?? 0),
    scans: Number(r.scans ?? 0),
    bioClicks: Number(r.bioClicks ?? 0),
    views: 0,
  }));
}

/** One row of a period as a dashboard view reads it: a rollup row or a raw click, with its link's channel and campaign. */
export interface ViewRow {
  /** The bucket the row falls in (an index into the question's bucket starts). */
  b: number;
  n: number;
  linkId: string;
  visitorHash: string;
  trigger: string;
  country: string | null;
  city: string | null;
  device: string | null;
  browser: string | null;
  os: string | null;
  referrerHost: string | null;
  social: string | null;
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
  utmTerm: string | null;
  utmContent: string | null;
  channelId: string | null;
  campaignId: string | null;
  /** The bio page a click came from, and its block: read off raw clicks only (null in the hourly rollup's rows). */
  bioPageId: string | null;
  bioBlockId: string | null;
}

/**
 * Every row of the question's period, filters applied: what aggregateClicks
 * groups, read once so a dashboard view can group it every way in memory
 * (lib/analytics/view-rows.ts) instead of asking the database twenty times.
 * Null when the period holds more than `cap` rows: the view then asks query
 * by query, which holds no rows in memory.
 *
 * The rows come as JSON arrays, so the driver adapter converts one value a
 * row, not twenty (at 70,000 rows, converting every column took most of the
 * read); up to ONE_TEXT rows as one JSON text of them all, one value in all
 * (22,663 rows: 41 ms against 92 ms a row at a time, on SQLite). Each row
 * carries its time, and its bucket is found here, once per distinct time (a
 * rollup row's is its hour): the database comparing each row with every
 * bucket start took half the read.
 */
export async function selectViewRows(q: ResolvedQuery, cap: number, links: ReadonlyMap<string, LinkFiling> | Promise<ReadonlyMap<string, LinkFiling>>): Promise<ViewRow[] | null> {
  const p = new Params(db().provider === "postgres");
  const source = sourceSql(q, p, q.starts);
  const where: string[] = [];
  for (const [name, values] of q.filters) if (name !== "bioPageId") where.push(filterSql(name, values, q, p));
  const limit = Math.floor(cap) + 1;
  const inner = ["c.t AS t", "c.n AS n", ...SOURCE_VIEW_COLUMNS.map((k) => `c."${k}" AS "${k}"`)].join(", ");
  // Joined to the links only to filter by their columns: a row's campaign and channel come from `links`.
  const join = usesLink(q.filters.keys()) ? ` LEFT JOIN "Link" l ON l."id" = c."linkId"` : "";
  const from = `FROM (${source}) c${join}${where.length ? ` WHERE ${where.join(" AND ")}` : ""}`;
  const bucket = bucketReader(q.starts, p.pg);
  // The rows' columns read (and limited) inside, each row's array built outside.
  const fields = ["v.t", "v.n", ...SOURCE_VIEW_COLUMNS.map((k) => `v."${k}"`)].join(", ");
  const row = p.pg ? `json_build_array(${fields})` : `json_array(${fields})`;
  const read = (select: string) => `SELECT ${select} AS j FROM (SELECT ${inner} ${from} LIMIT ${limit}) v`;
  let rows: ViewRow[];
  if (cap < ONE_TEXT) {
    const all = p.pg ? `COALESCE(json_agg(${row})::text, '[]')` : `json_group_array(${row})`;
    const [[got], map] = await Promise.all([selectRows<{ j: string }>(read(all), p.values), links]);
    rows = (JSON.parse(got?.j ?? "[]") as (string | number | null)[][]).map((v) => viewRow(v, bucket, map));
  } else {
    const [got, map] = await Promise.all([selectRows<{ j: string }>(read(p.pg ? `${row}::text` : row), p.values), links]);
    rows = got.map(({ j }) => viewRow(JSON.parse(j) as (string | number | null)[], bucket, map));
  }
  return rows.length > cap ? null : rows;
}

/** Reads capped below this many rows come as one JSON text; larger ones (a day's build) a row at a time: their text could pass the longest string a server holds. */
const ONE_TEXT = 200_000;

/** A row's bucket from its time (a JSON text: SQLite's carries its offset, PostgreSQL's is UTC without one), each distinct time looked up once. */
function bucketReader(starts: number[], pg: boolean): (t: string) => number {
  const seen = new Map<string, number>();
  return (t) => {
    let b = seen.get(t);
    if (b === undefined) seen.set(t, (b = bucketOf(starts, Date.parse(pg ? `${t}Z` : t))));
    return b;
  };
}

/**
 * A view row from its JSON array (time, clicks, then SOURCE_VIEW_COLUMNS),
 * and its link's campaign and channel. One literal, so every row has one
 * shape (filled field by field, rows took several, and grouping them read
 * each field the slow way).
 */
function viewRow(v: readonly (string | number | null)[], bucket: (t: string) => number, links: ReadonlyMap<string, LinkFiling>): ViewRow {
  const s = v as readonly (string | null)[];
  const link = links.get(s[2]!);
  return {
    b: bucket(s[0]!), n: Number(v[1]),
    linkId: s[2]!, visitorHash: s[3]!, trigger: s[4]!, country: s[5]!, city: s[6]!, device: s[7]!, browser: s[8]!, os: s[9]!, referrerHost: s[10]!, social: s[11]!,
    utmSource: s[12]!, utmMedium: s[13]!, utmCampaign: s[14]!, utmTerm: s[15]!, utmContent: s[16]!, bioPageId: s[17]!, bioBlockId: s[18]!,
    channelId: link?.channelId ?? null, campaignId: link?.campaignId ?? null,
  };
}

/**
 * How many rows selectViewRows would read, per UTC day (keyed by the day's
 * start): one pass that answers a number a day, to cut a long period into
 * parts that each fit in memory (view-parts.ts).
 */
export async function countViewRowsByDay(q: ResolvedQuery): Promise<Map<number, number>> {
  const p = new Params(db().provider === "postgres");
  const source = sourceSql(q, p, []);
  const where: string[] = [];
  for (const [name, values] of q.filters) if (name !== "bioPageId") where.push(filterSql(name, values, q, p));
  // The UTC date as text: PostgreSQL's timestamps are UTC wall times; SQLite's are ISO 8601 text in UTC.
  const day = p.pg ? `to_char(c.t, 'YYYY-MM-DD')` : `substr(c.t, 1, 10)`;
  const sql =
    `SELECT ${day} AS d, CAST(COUNT(*) AS INTEGER) AS n FROM (${source}) c` +
    `${usesLink(q.filters.keys()) ? ` LEFT JOIN "Link" l ON l."id" = c."linkId"` : ""}${where.length ? ` WHERE ${where.join(" AND ")}` : ""} GROUP BY 1`;
  const rows = await selectRows<{ d: string; n: unknown }>(sql, p.values);
  return new Map(rows.map((r) => [Date.parse(`${r.d}T00:00:00Z`), Number(r.n)]));
}

/** A view row's columns after its bucket and clicks read from its source, in the order viewRow reads them (bots are filtered, not grouped); its link's follow. */
const SOURCE_VIEW_COLUMNS = Object.keys(viewRow([], () => 0, new Map()))
  .slice(2)
  .filter((k) => !FROM_LINK.includes(k));

/** Raw events of the question (alias c), with their social platform: the export's rows and the bio-page views. */
function rawEventsSql(q: ResolvedQuery, p: Params, where: (p: Params) => string[]): string {
  // Parameters in the order of the text (SQLite's "?" are positional): `where` is called in its place.
  const inner = [`r."workspaceId" = ${p.add(q.workspaceId)}`, `r."createdAt" >= ${p.time(q.from)}`, `r."createdAt" < ${p.time(q.to)}`];
  inner.push(...where(p));
  if (q.bots === "exclude") inner.push(`r."bot" = ${p.add(false)}`);
  if (q.bots === "only") inner.push(`r."bot" = ${p.add(true)}`);
  const bio = q.filters.get("bioPageId");
  if (bio) inner.push(`r."bioPageId" IN (${p.list(bio)})`);
  const outer: string[] = [];
  for (const [name, values] of q.filters) if (name !== "bioPageId") outer.push(filterSql(name, values, q, p));
  const join = usesLink(q.filters.keys()) ? ` LEFT JOIN "Link" l ON l."id" = c."linkId"` : "";
  return `FROM (SELECT r.*, ${SOCIAL_SQL} AS "social" FROM "Click" r WHERE ${inner.join(" AND ")}) c${join}${outer.length ? ` WHERE ${outer.join(" AND ")}` : " WHERE 1 = 1"}`;
}

/**
 * Bio-page views of the period: raw events of the pages (read through the
 * bio-page index), with the question's filters (view-days.ts reads the
 * unfiltered question's built days from the daily rows).
 */
export async function countRawViews(q: ResolvedQuery, pages: string[]): Promise<number> {
  if (!pages.length) return 0;
  const p = new Params(db().provider === "postgres");
  const sql = `SELECT CAST(COUNT(*) AS INTEGER) AS n ${rawEventsSql(q, p, (p) => [`r."event" = 'view'`, `r."bioPageId" IN (${p.list(pages)})`])}`;
  const rows = await selectRows<{ n: unknown }>(sql, p.values);
  return Number(rows[0]?.n ?? 0);
}

/** Clicks and unique visitors per block of the question's bio page(s): raw clicks (a bio page's, through its index). */
export async function clicksByBlock(q: ResolvedQuery): Promise<{ blockId: string; clicks: number; uniques: number }[]> {
  const p = new Params(db().provider === "postgres");
  const sql =
    `SELECT c."bioBlockId" AS k, CAST(COUNT(*) AS INTEGER) AS clicks, CAST(COUNT(DISTINCT c."visitorHash") AS INTEGER) AS uniques ` +
    `${rawEventsSql(q, p, () => [`r."event" = 'click'`, `r."bioBlockId" IS NOT NULL`])} GROUP BY 1 ORDER BY 2 DESC, 1 ASC`;
  const rows = await selectRows<{ k: string; clicks: unknown; uniques: unknown }>(sql, p.values);
  return rows.map((r) => ({ blockId: r.k, clicks: Number(r.clicks), uniques: Number(r.uniques) }));
}

/** All-time QR scans (human clicks with trigger "qr") of some links: the rollup holds every click, so it answers alone. */
export async function scansByLink(workspaceId: string, linkIds: string[]): Promise<Map<string, number>> {
  if (!linkIds.length) return new Map();
  const p = new Params(db().provider === "postgres");
  const sql =
    `SELECT x."linkId" AS k, CAST(SUM(x."clicks") AS INTEGER) AS n FROM "ClickCube" x WHERE x."workspaceId" = ${p.add(workspaceId)} ` +
    `AND x."linkId" IN (${p.list(linkIds)}) AND x."trigger" = 'qr' AND x."bot" = ${p.add(false)} GROUP BY x."linkId"`;
  const rows = await selectRows<{ k: string; n: unknown }>(sql, p.values);
  return new Map(rows.map((r) => [r.k, Number(r.n)]));
}

/** The raw clicks an export lists: never the visitor hash. */
export const EXPORT_COLUMNS = [
  "id", "createdAt", "event", "linkId", "bioPageId", "domain", "trigger", "bot", "referrerHost", "referrer",
  "utmSource", "utmMedium", "utmCampaign", "utmTerm", "utmContent", "country", "city", "device", "browser", "os",
] as const;
export type ExportedClick = Record<(typeof EXPORT_COLUMNS)[number], unknown>;

/**
 * One page of the question's raw events, oldest first, after the (createdAt,
 * id) cursor. Read as the dashboards read (select-rows.ts: on SQLite, off the
 * server's thread), so `createdAt` may come as a Date or as ISO text.
 */
export async function selectClicks(q: ResolvedQuery, after: { createdAt: Date; id: string } | null, limit: number): Promise<ExportedClick[]> {
  const p = new Params(db().provider === "postgres");
  const cursor = (p: Params) => (after ? [`(r."createdAt" > ${p.time(after.createdAt.getTime())} OR (r."createdAt" = ${p.time(after.createdAt.getTime())} AND r."id" > ${p.add(after.id)}))`] : []);
  const sql = `SELECT ${EXPORT_COLUMNS.map((k) => `c."${k}"`).join(", ")} ${rawEventsSql(q, p, cursor)} ORDER BY c."createdAt", c."id" LIMIT ${Math.floor(limit)}`;
  return selectRows<ExportedClick>(sql, p.values);
}
