import "server-only";
import { db } from "@/lib/db/client";
import { pgTime, sqliteTime } from "@/lib/db/raw-values";
import { PLATFORMS } from "./platforms";
import type { ResolvedQuery } from "./resolve-query";
import { NONE, type Dimension, type FilterName } from "./schemas";

/**
 * The SQL every analytics figure is read with: one statement over the raw
 * events (`Click`), scoped to the workspace and the period, grouped by one
 * key. Raw SQL (not Prisma) because the groupings are expressions (time
 * buckets in the workspace's zone, the social platform of a referrer) that
 * Prisma's groupBy cannot state. Values are always bound parameters.
 */
export interface AggregateRow {
  k: string | number | null;
  clicks: number;
  uniques: number;
  scans: number;
  bioClicks: number;
  views: number;
}

class Params {
  readonly values: unknown[] = [];
  constructor(private readonly pg: boolean) {}
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

const COLUMNS: Partial<Record<Dimension, string>> = {
  country: `c."country"`,
  city: `c."city"`,
  device: `c."device"`,
  browser: `c."browser"`,
  os: `c."os"`,
  referrer: `c."referrerHost"`,
  utm_source: `c."utmSource"`,
  utm_medium: `c."utmMedium"`,
  utm_campaign: `c."utmCampaign"`,
  utm_term: `c."utmTerm"`,
  utm_content: `c."utmContent"`,
  trigger: `c."trigger"`,
  link: `c."linkId"`,
  channel: `l."channelId"`,
  campaign: `l."campaignId"`,
  tag: `lt."tagId"`,
};

const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** platformOf() in SQL: the referrer's host (or a parent domain) first, then utm_source. */
const SOCIAL_SQL = (() => {
  const host = `LOWER(c."referrerHost")`;
  const source = `LOWER(TRIM(c."utmSource"))`;
  const byHost = PLATFORMS.map((p) => `WHEN ${p.hosts.map((h) => `${host} = ${literal(h)} OR ${host} LIKE ${literal(`%.${h}`)}`).join(" OR ")} THEN ${literal(p.id)}`);
  const bySource = PLATFORMS.map((p) => `WHEN ${source} IN (${p.sources.map(literal).join(", ")}) THEN ${literal(p.id)}`);
  return `(CASE ${byHost.join(" ")} ${bySource.join(" ")} ELSE NULL END)`;
})();

function platformTypeSql(kinds: Map<string, string>): string {
  const byKind = new Map<string, string[]>();
  for (const [platform, kind] of kinds) byKind.set(kind, [...(byKind.get(kind) ?? []), platform]);
  const whens = [...byKind].map(([kind, ids]) => `WHEN ${SOCIAL_SQL} IN (${ids.map(literal).join(", ")}) THEN ${literal(kind)}`);
  return `(CASE ${whens.join(" ")} ELSE NULL END)`;
}

function dimensionSql(d: Dimension, q: ResolvedQuery): string {
  if (d === "social") return SOCIAL_SQL;
  if (d === "platformType") return platformTypeSql(q.kinds);
  return COLUMNS[d]!;
}

const FILTER_AS: Partial<Record<FilterName, Dimension>> = { linkId: "link", campaignId: "campaign", tagId: "tag", qrId: "link" };

function filterSql(name: FilterName, values: string[], q: ResolvedQuery, p: Params): string {
  if (name === "bioPageId") return `c."bioPageId" IN (${p.list(values)})`;
  const dim = FILTER_AS[name] ?? (name as Dimension);
  if (dim === "tag") return `c."linkId" IN (SELECT "linkId" FROM "LinkTag" WHERE "tagId" IN (${p.list(values)}))`;
  const expr = dimensionSql(dim, q);
  const real = values.filter((v) => v !== NONE);
  const parts = [...(real.length ? [`${expr} IN (${p.list(real)})`] : []), ...(real.length < values.length ? [`${expr} IS NULL`] : [])];
  const match = parts.length > 1 ? `(${parts.join(" OR ")})` : parts[0]!;
  return name === "qrId" ? `(${match} AND c."trigger" = 'qr')` : match;
}

const usesLink = (names: Iterable<string>) => [...names].some((n) => ["channel", "campaign", "campaignId"].includes(n));

export type GroupKey = Dimension | "bucket" | null;

function whereOf(q: ResolvedQuery, p: Params, views: boolean): string[] {
  const where = [`c."workspaceId" = ${p.add(q.workspaceId)}`, `c."createdAt" >= ${p.time(q.from)}`, `c."createdAt" < ${p.time(q.to)}`];
  if (!views) where.push(`c."event" = 'click'`);
  if (q.bots === "exclude") where.push(`c."bot" = ${p.add(false)}`);
  if (q.bots === "only") where.push(`c."bot" = ${p.add(true)}`);
  for (const [name, values] of q.filters) where.push(filterSql(name, values, q, p));
  return where;
}

function joinsOf(q: ResolvedQuery, group: GroupKey): string[] {
  return [
    ...(usesLink([...q.filters.keys(), group ?? ""]) ? [`LEFT JOIN "Link" l ON l."id" = c."linkId"`] : []),
    ...(group === "tag" ? [`JOIN "LinkTag" lt ON lt."linkId" = c."linkId"`] : []),
  ];
}

/**
 * Clicks, unique visitors, scans, bio-page clicks and bio-page views of the
 * period, grouped by `group` (a dimension, the time bucket, or nothing).
 * Views count only when `views` is set; otherwise only click events are read.
 */
export async function aggregateClicks(q: ResolvedQuery, group: GroupKey, opts: { views?: boolean; limit?: number } = {}): Promise<AggregateRow[]> {
  const p = new Params(db().provider === "postgres");
  // Parameters in the order they appear in the text (SQLite's "?" are positional): the key first.
  let key = "NULL";
  if (group === "bucket") {
    // The bucket's index: buckets are contiguous, so the last start at or before the click.
    const whens = q.starts.slice(1).map((s, i) => `WHEN c."createdAt" < ${p.time(s)} THEN ${i}`);
    key = whens.length ? `(CASE ${whens.join(" ")} ELSE ${q.starts.length - 1} END)` : "0";
  } else if (group) key = dimensionSql(group, q);
  const where = whereOf(q, p, opts.views ?? false);
  const joins = joinsOf(q, group);
  const isClick = `c."event" = 'click'`;
  const count = (cond: string) => `CAST(SUM(CASE WHEN ${cond} THEN 1 ELSE 0 END) AS INTEGER)`;
  const sql =
    `SELECT ${key} AS k, ${count(isClick)} AS clicks, CAST(COUNT(DISTINCT CASE WHEN ${isClick} THEN c."visitorHash" END) AS INTEGER) AS uniques, ` +
    `${count(`${isClick} AND c."trigger" = 'qr'`)} AS scans, ${count(`${isClick} AND c."trigger" = 'bio'`)} AS "bioClicks", ${count(`c."event" = 'view'`)} AS views ` +
    `FROM "Click" c ${joins.join(" ")} WHERE ${where.join(" AND ")} ` +
    (group ? `GROUP BY 1 ORDER BY 2 DESC, 1 ASC${opts.limit ? ` LIMIT ${Math.floor(opts.limit)}` : ""}` : "");
  const rows = await db().$queryRawUnsafe<Record<string, unknown>[]>(sql, ...p.values);
  return rows.map((r) => ({
    k: r.k === null || r.k === undefined ? null : typeof r.k === "bigint" ? Number(r.k) : (r.k as string | number),
    clicks: Number(r.clicks ?? 0),
    uniques: Number(r.uniques ?? 0),
    scans: Number(r.scans ?? 0),
    bioClicks: Number(r.bioClicks ?? 0),
    views: Number(r.views ?? 0),
  }));
}

/** The raw clicks an export lists: never the visitor hash. */
export const EXPORT_COLUMNS = [
  "id", "createdAt", "event", "linkId", "bioPageId", "domain", "trigger", "bot", "referrerHost", "referrer",
  "utmSource", "utmMedium", "utmCampaign", "utmTerm", "utmContent", "country", "city", "device", "browser", "os",
] as const;
export type ExportedClick = Record<(typeof EXPORT_COLUMNS)[number], unknown>;

/** One page of the question's raw events, oldest first, after the (createdAt, id) cursor. */
export async function selectClicks(q: ResolvedQuery, after: { createdAt: Date; id: string } | null, limit: number): Promise<ExportedClick[]> {
  const p = new Params(db().provider === "postgres");
  const where = whereOf(q, p, true);
  if (after) {
    const t = p.time(after.createdAt.getTime());
    where.push(`(c."createdAt" > ${t} OR (c."createdAt" = ${p.time(after.createdAt.getTime())} AND c."id" > ${p.add(after.id)}))`);
  }
  const sql = `SELECT ${EXPORT_COLUMNS.map((k) => `c."${k}"`).join(", ")} FROM "Click" c ${joinsOf(q, null).join(" ")} WHERE ${where.join(" AND ")} ORDER BY c."createdAt", c."id" LIMIT ${Math.floor(limit)}`;
  return db().$queryRawUnsafe<ExportedClick[]>(sql, ...p.values);
}
