import "server-only";
import type { WorkspaceAccess } from "@/lib/auth/access";
import type { Prisma } from "@/generated/sqlite/client";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { periodParts } from "./click-sql";
import { platformKinds } from "./platforms";
import { rawClicksSince } from "./retention";
import { analyticsQuerySchema, FILTER_NAMES, NONE, type AnalyticsQuery, type FilterName } from "./schemas";
import { bucketStarts, defaultInterval, parseInstant, presetRange, type Interval, type Preset } from "./time-range";

/** Whoever reads analytics: a member (through authorizeWorkspace) or a shared report's token; only the workspace matters. */
export type AnalyticsReader = Pick<WorkspaceAccess, "workspace">;

/** An analytics question made concrete: instants, buckets, checked ids. */
export interface ResolvedQuery {
  workspaceId: string;
  zone: string;
  /** The preset, when the period is one. */
  preset: Preset | null;
  from: number;
  to: number;
  interval: Interval;
  /** Bucket starts covering [from, to) (see bucketStarts). */
  starts: number[];
  bots: AnalyticsQuery["bots"];
  filters: Map<FilterName, string[]>;
  /** Each social platform's kind, from the workspace's channels. */
  kinds: Map<string, string>;
  groupBy: AnalyticsQuery["groupBy"];
  limit: number;
  /** Raw clicks before this instant were deleted (the workspace's retention); null: all kept. */
  rawFrom: number | null;
  /** True when the rollup had to answer an hour a boundary cuts, before rawFrom: figures rounded to whole hours. */
  estimate: boolean;
  /**
   * The links the scope filters (link, QR code, campaign, channel, tag) leave, as
   * they are now; null when none narrows them or they are too many (see linksOfScope).
   */
  scopeLinks: string[] | null;
}

const invalid = (field: string, message: string) => new AppError("validation_failed", `${field}: ${message}`, { fields: { [field]: message } });

/** Id filters must name the workspace's own things: another workspace's id answers like a missing one. */
async function checkIds(workspaceId: string, filters: Map<FilterName, string[]>) {
  const ids = (...names: FilterName[]) => [...new Set(names.flatMap((n) => filters.get(n) ?? []))];
  const checks: [string[], (ids: string[]) => Promise<number>, string][] = [
    [ids("link", "linkId", "qrId"), (id) => db().link.count({ where: { workspaceId, id: { in: id } } }), "Link not found"],
    [ids("campaign", "campaignId"), (id) => db().campaign.count({ where: { workspaceId, id: { in: id } } }), "Campaign not found"],
    [ids("tag", "tagId"), (id) => db().tag.count({ where: { workspaceId, id: { in: id } } }), "Tag not found"],
    [ids("channel"), (id) => db().channel.count({ where: { workspaceId, id: { in: id } } }), "Channel not found"],
    [ids("bioPageId"), (id) => db().bioPage.count({ where: { workspaceId, id: { in: id } } }), "Bio page not found"],
  ];
  for (const [list, count, message] of checks) {
    if (list.length && (await count(list)) !== list.length) throw notFound(message);
  }
}

export async function resolveQuery(access: AnalyticsReader, input: unknown, now = Date.now()): Promise<ResolvedQuery> {
  const q = analyticsQuerySchema.parse(input);
  const workspaceId = access.workspace.id;
  const zone = q.timezone ?? access.workspace.timeZone ?? "UTC";
  let preset: Preset | null = null;
  let from: number;
  let to: number;
  if (q.from || q.to) {
    if (!q.from) throw invalid("from", "Give the start of the period too (ISO 8601, e.g. 2026-03-01).");
    from = parseInstant(q.from, zone);
    to = q.to ? parseInstant(q.to, zone, true) : now;
    if (Number.isNaN(from)) throw invalid("from", "Use an ISO 8601 date or timestamp, e.g. 2026-03-01 or 2026-03-01T00:00:00Z.");
    if (Number.isNaN(to)) throw invalid("to", "Use an ISO 8601 date or timestamp, e.g. 2026-03-31 or 2026-04-01T00:00:00Z.");
    if (to <= from) throw invalid("to", "The end must come after the start.");
  } else {
    preset = q.range ?? "30d";
    const first = preset === "all" ? await firstClickAt(workspaceId) : now;
    ({ from, to } = presetRange(preset, now, zone, first));
  }
  const interval = q.interval ?? defaultInterval(from, to);
  const starts = bucketStarts(from, to, interval, zone);
  if (!starts) throw invalid("interval", `That is more than 1,000 ${interval}s: choose a longer interval or a shorter period.`);
  const filters = new Map<FilterName, string[]>();
  for (const name of FILTER_NAMES) {
    const v = q[name];
    if (v !== undefined) filters.set(name, Array.isArray(v) ? v : [v]);
  }
  await checkIds(workspaceId, filters);
  const [channels, ws, scopeLinks] = await Promise.all([
    db().channel.findMany({ where: { workspaceId }, select: { key: true, kind: true } }),
    db().workspace.findUnique({ where: { id: workspaceId }, select: { rawClickRetentionDays: true } }),
    linksOfScope(workspaceId, filters),
  ]);
  const rawFrom = rawClicksSince(ws?.rawClickRetentionDays, now);
  const estimate = periodParts(from, to, starts, filters.has("bioPageId"), rawFrom).estimate;
  return { workspaceId, zone, preset, from, to, interval, starts, bots: q.bots, filters, kinds: platformKinds(channels), groupBy: q.groupBy, limit: q.limit, rawFrom, estimate, scopeLinks };
}

/**
 * A scope reads its links' raw clicks through the click table's link index,
 * instead of the workspace's hourly rows filtered (click-sql.ts), when it has
 * at most this many links and either few clicks (reading them by index is
 * quick whatever the workspace) or at most this share of the workspace's clicks
 * (the links' counters, all time: a cheap stand-in for the period's). Each
 * raw click read by index costs a random page read, the hourly rows a
 * sequential scan. `bench:analytics:view` at 1 million clicks (a campaign with a
 * country, a link with bots, over 12 months) put the crossing between 1.3% and
 * 2.2% of the clicks on PostgreSQL and near 10% on SQLite; the limits stay below.
 */
const SCOPE_LINKS_MAX = 500;
const SCOPE_SHARE_MAX = { sqlite: 1 / 20, postgres: 1 / 50 };
const SCOPE_FEW_CLICKS = 5_000;

/**
 * The links a question's scope filters leave (each filter's links, all of
 * them at once), by their campaign, channel and tags as they are now, as the
 * filters themselves match. Null when no filter narrows them ("(none)" of a
 * campaign or channel matches the links without one: most of them), or when
 * they are too many or too busy to read by link (above).
 */
async function linksOfScope(workspaceId: string, filters: Map<FilterName, string[]>): Promise<string[] | null> {
  const named = (...names: FilterName[]) => names.map((n) => filters.get(n)).filter((v): v is string[] => v !== undefined && !v.includes(NONE));
  const where: Prisma.LinkWhereInput[] = [
    ...named("link", "linkId", "qrId").map((ids) => ({ id: { in: ids } })),
    ...named("campaign", "campaignId").map((ids) => ({ campaignId: { in: ids } })),
    ...named("channel").map((ids) => ({ channelId: { in: ids } })),
    ...named("tag", "tagId").map((ids) => ({ tags: { some: { tagId: { in: ids } } } })),
  ];
  if (!where.length) return null;
  const [links, all] = await Promise.all([
    db().link.findMany({ where: { workspaceId, AND: where }, select: { id: true, clicks: true }, take: SCOPE_LINKS_MAX + 1 }),
    db().link.aggregate({ where: { workspaceId }, _sum: { clicks: true } }),
  ]);
  const clicks = links.reduce((n, l) => n + l.clicks, 0);
  const busy = clicks > SCOPE_FEW_CLICKS && clicks > (all._sum.clicks ?? 0) * SCOPE_SHARE_MAX[db().provider];
  if (links.length > SCOPE_LINKS_MAX || busy) return null;
  return links.map((l) => l.id);
}

/** The first event's time: raw clicks (bio-page views) or the rollup (which keeps clicks whose raw rows were deleted). */
async function firstClickAt(workspaceId: string): Promise<number> {
  const [raw, cube] = await Promise.all([
    db().click.findFirst({ where: { workspaceId }, orderBy: { createdAt: "asc" }, select: { createdAt: true } }),
    db().clickCube.findFirst({ where: { workspaceId }, orderBy: { hour: "asc" }, select: { hour: true } }),
  ]);
  const times = [raw?.createdAt.getTime(), cube?.hour.getTime()].filter((t) => t !== undefined);
  return times.length ? Math.min(...times) : Date.now();
}

/** The period of the same length just before. */
export function previousPeriod(q: ResolvedQuery): ResolvedQuery {
  const span = q.to - q.from;
  return { ...q, from: q.from - span, to: q.from, starts: [q.from - span] };
}
