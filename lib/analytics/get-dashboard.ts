import "server-only";
import { db } from "@/lib/db/client";
import { FACEBOOK_KIND_EXPLANATION } from "@/lib/channels/schemas";
import { aggregate, bucketsOf, labelRows, totalsOf, type BreakdownRow, type Bucket, type Totals } from "./get-analytics";
import { clicksByBlock, type AggregateRow, type GroupKey } from "./click-sql";
import { countViews } from "./view-days";
import { aggregateManyByDay, aggregateSplitByDay, blocksByDay } from "./day-rollup";
import { sharedLinkMap } from "./link-map";
import { blocksByPacks, groupViewRows, VIEW_ROWS_CAP } from "./view-parts";
import { labelKeys } from "./labels";
import { previousPeriod, resolveQuery, type AnalyticsReader, type ResolvedQuery } from "./resolve-query";
import { DIMENSIONS, FILTER_NAMES, type Dimension, type FilterName } from "./schemas";
import { isoInZone } from "./time-range";

/** The panels a dashboard shows, in order. */
export const DASHBOARD_PANELS: readonly Dimension[] = [
  "platformType", "social", "channel", "trigger", "referrer", "country", "city", "device", "browser", "os",
  "utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content", "link", "campaign", "tag",
];

export interface ActiveFilter {
  name: FilterName;
  value: string;
  label: string;
}

export interface Dashboard {
  period: { from: string; to: string; timezone: string; interval: ResolvedQuery["interval"]; preset: ResolvedQuery["preset"]; bots: ResolvedQuery["bots"] };
  totals: { current: Totals; previous: Totals };
  timeseries: Bucket[];
  breakdowns: Partial<Record<Dimension, BreakdownRow[]>>;
  /** Platform types and channels in the previous period, for their trend. */
  previous: { platformType: BreakdownRow[]; channel: BreakdownRow[] };
  filters: ActiveFilter[];
  /** What the view is about (a campaign, a link...), when a scope filter names one thing. */
  scope: { kind: "link" | "campaign" | "tag" | "channel" | "qr" | "bioPage"; id: string; name: string } | null;
  /** A bio page's view: clicks per block of the page, most first (blocks without clicks last). */
  blocks: BreakdownRow[] | null;
  facebookNote: string;
}

const SCOPES: [FilterName, NonNullable<Dashboard["scope"]>["kind"], Dimension | null][] = [
  ["campaignId", "campaign", "campaign"], ["campaign", "campaign", "campaign"], ["linkId", "link", "link"], ["link", "link", "link"],
  ["qrId", "qr", "link"], ["tagId", "tag", "tag"], ["tag", "tag", "tag"], ["channel", "channel", "channel"], ["bioPageId", "bioPage", null],
];

async function filterLabels(q: ResolvedQuery): Promise<ActiveFilter[]> {
  const out: ActiveFilter[] = [];
  for (const name of FILTER_NAMES) {
    const values = q.filters.get(name);
    if (!values) continue;
    const dim = ({ linkId: "link", qrId: "link", campaignId: "campaign", tagId: "tag" } as Partial<Record<FilterName, Dimension>>)[name] ?? (DIMENSIONS.includes(name as Dimension) ? (name as Dimension) : null);
    const labels = dim ? await labelKeys(q.workspaceId, dim, values.map((v) => (v === "(none)" ? null : v))) : null;
    if (name === "bioPageId") {
      const pages = await db().bioPage.findMany({ where: { workspaceId: q.workspaceId, id: { in: values } }, select: { id: true, title: true } });
      for (const p of pages) out.push({ name, value: p.id, label: p.title });
      continue;
    }
    for (const v of values) out.push({ name, value: v, label: labels?.get(v === "(none)" ? null : v) ?? v });
  }
  return out;
}

/**
 * Everything one dashboard view shows: totals against the previous period,
 * the time series, and every breakdown panel, for one question (the URL's).
 */
export async function getDashboard(access: AnalyticsReader, input: unknown, panels: readonly Dimension[] = DASHBOARD_PANELS, viewRowsCap = VIEW_ROWS_CAP): Promise<Dashboard> {
  const q = await resolveQuery(access, { ...(input as object), groupBy: "timeseries" });
  const before = previousPeriod(q);
  // What the view is about: the first scope its filters name by one value (its ids were checked by resolveQuery).
  const named = SCOPES.find(([name]) => q.filters.get(name)?.length === 1);
  // A bio page's view reads its blocks beside the rest.
  const page = named?.[1] === "bioPage" ? q.filters.get("bioPageId")![0]! : null;
  const [figures, filters, blocks] = await Promise.all([readFigures(q, before, panels, viewRowsCap), filterLabels(q), page ? blockRows(q, page) : null]);
  const { totals, timeseries, prevTypes, prevChannels, rows } = figures;
  const breakdowns: Dashboard["breakdowns"] = {};
  panels.forEach((d, i) => (breakdowns[d] = rows[i]));
  const label = named && filters.find((x) => x.name === named[0]);
  const scope: Dashboard["scope"] = named && label ? { kind: named[1], id: label.value, name: label.label } : null;
  return {
    blocks,
    period: { from: isoInZone(q.from, q.zone), to: isoInZone(q.to, q.zone), timezone: q.zone, interval: q.interval, preset: q.preset, bots: q.bots },
    totals,
    timeseries,
    breakdowns,
    previous: { platformType: prevTypes, channel: prevChannels },
    filters,
    scope,
    facebookNote: FACEBOOK_KIND_EXPLANATION,
  };
}

/**
 * Every figure of a view. Each period is read the quickest way that can
 * answer it: the daily rollups for its built days (the previous period from
 * split days too: it needs only totals, platform types and channels), else
 * its rows read and grouped in memory, in parts of whole days when they are
 * many; what neither answered is asked query by query.
 */
async function readFigures(q: ResolvedQuery, before: ResolvedQuery, panels: readonly Dimension[], cap: number) {
  // Read beside the period's rows: grouping waits for them, reading need not.
  const map = sharedLinkMap(q.workspaceId);
  map.catch(() => undefined); // awaited below; a path that never needs it leaves no rejection unhandled
  const ctx = { kinds: q.kinds, map };
  const nowGroups: GroupKey[] = [null, "bucket", ...panels];
  const prevGroups: GroupKey[] = [null, "platformType", "channel"];
  const inMemory = (qq: ResolvedQuery, groups: GroupKey[]) => groupViewRows(qq, groups, { ...ctx, nullsFirst: db().provider !== "postgres" }, cap, 10);
  const byDay = await Promise.all([
    aggregateManyByDay(q, nowGroups, ctx, cap, 10).then((m) => m ?? inMemory(q, nowGroups)),
    aggregateSplitByDay(before, { map })
      .then((m) => m ?? aggregateManyByDay(before, prevGroups, ctx, cap, 10))
      .then((m) => m ?? inMemory(before, prevGroups)),
  ]);
  return readFiguresByDay(q, before, panels, byDay);
}

/** A view's figures from what the rollups or the in-memory grouping answered, and the rest query by query. */
async function readFiguresByDay(q: ResolvedQuery, before: ResolvedQuery, panels: readonly Dimension[], [now, prev]: (Map<GroupKey, AggregateRow[]> | null)[]) {
  const read = async (qq: ResolvedQuery, got: Map<GroupKey, AggregateRow[]> | null | undefined, g: GroupKey, limit?: number) => {
    const rows = got?.get(g) ?? (await aggregate(qq, g, { limit }));
    return limit ? rows.slice(0, limit) : rows;
  };
  const [current, previous, views, prevViews, buckets, prevTypes, prevChannels, ...rows] = await Promise.all([
    read(q, now, null), read(before, prev, null), countViews(q), countViews(before), read(q, now, "bucket"),
    read(before, prev, "platformType", 10), read(before, prev, "channel", 10), ...panels.map((d) => read(q, now, d, 10)),
  ]);
  const [typesLabelled, channelsLabelled, ...rowsLabelled] = await Promise.all([
    labelRows(before, "platformType", prevTypes),
    labelRows(before, "channel", prevChannels),
    ...panels.map((d, i) => labelRows(q, d, rows[i]!)),
  ]);
  return {
    totals: { current: { ...totalsOf(current[0]), views }, previous: { ...totalsOf(previous[0]), views: prevViews } },
    timeseries: bucketsOf(q, buckets),
    prevTypes: typesLabelled,
    prevChannels: channelsLabelled,
    rows: rowsLabelled,
  };
}

/** What a block is called on its page: a button's label, an image's alt text, else its kind. */
function blockLabel(type: string, data: unknown): string {
  const d = (data ?? {}) as Record<string, unknown>;
  for (const k of ["label", "title", "text", "alt", "name"]) if (typeof d[k] === "string" && d[k]) return String(d[k]).slice(0, 80);
  return `${type[0]!.toUpperCase()}${type.slice(1)} block`;
}

async function blockRows(q: ResolvedQuery, pageId: string): Promise<BreakdownRow[]> {
  const [counts, blocks] = await Promise.all([
    blocksByDay(q)
      .then((rows) => rows ?? blocksByPacks(q))
      .then((rows) => rows ?? clicksByBlock(q)),
    db().bioBlock.findMany({ where: { bioPageId: pageId }, orderBy: { position: "asc" }, select: { id: true, type: true, data: true } }),
  ]);
  const byId = new Map(counts.map((c) => [c.blockId, c]));
  const rows = blocks.filter((b) => b.type !== "header" && b.type !== "text").map((b) => ({ key: b.id, label: blockLabel(b.type, b.data), clicks: byId.get(b.id)?.clicks ?? 0, uniques: byId.get(b.id)?.uniques ?? 0 }));
  const gone = counts.filter((c) => !blocks.some((b) => b.id === c.blockId)).map((c) => ({ key: c.blockId, label: "Deleted block", clicks: c.clicks, uniques: c.uniques }));
  return [...rows, ...gone].sort((a, b) => b.clicks - a.clicks);
}

/** Filters naming things by id: a shared report's reader may not use them (they would name things outside the report). */
const ID_NAMED: readonly FilterName[] = ["link", "linkId", "campaign", "campaignId", "tag", "tagId", "qrId", "bioPageId"];

/**
 * A shared report: the dashboard of its one campaign or link, whatever the
 * URL asks, with the reader's period, interval and dimension filters.
 */
export async function getSharedDashboard(report: { workspace: AnalyticsReader["workspace"]; scope: "campaignId" | "linkId"; targetId: string }, input: Record<string, string | string[]>) {
  const query: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(input)) if (!ID_NAMED.includes(k as FilterName) && k !== "timezone") query[k] = v;
  query[report.scope] = report.targetId;
  const panels = DASHBOARD_PANELS.filter((d) => d !== "campaign" && d !== "tag" && (report.scope === "campaignId" || d !== "link"));
  return getDashboard({ workspace: report.workspace }, query, panels);
}
