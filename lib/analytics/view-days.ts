import "server-only";
import { selectRows } from "@/lib/db/select-rows";
import { db } from "@/lib/db/client";
import { countRawViews, Params } from "./click-sql";
import type { ResolvedQuery } from "./resolve-query";

/**
 * Bio page views by UTC day (`PageViewDay`, see the schema): a page's numbers
 * over a month or a year read a few rows a day, not every view. The raw view
 * events are always kept (raw-click retention spares them), so these rows are
 * a cache of them: a period's whole built UTC days are read here, and the rest
 * (its cut first and last days, and the days not built yet: today) from the
 * raw events. Exact: views add up, and so do unique visitors, because visitor
 * hashes rotate every UTC day, so no person is counted in two days.
 */
const DAY = 86_400_000;
const HOUR = 3_600_000;
/** A day is built this long after it ends, so views still in a writer's queue are in. */
const GRACE = HOUR;
/** Built days re-checked against the raw views each round, for views written late (a queue spilled while the database was down). */
const RECHECK_DAYS = 7;

/** Views by people, their unique visitors, views by bots, and the people's views by referrer host and by country (null: none). */
export interface ViewFigures {
  views: number;
  uniques: number;
  bots: number;
  referrers: Map<string | null, number>;
  countries: Map<string | null, number>;
}

const pg = () => db().provider === "postgres";
const empty = (): ViewFigures => ({ views: 0, uniques: 0, bots: 0, referrers: new Map(), countries: new Map() });
/** Over raw view events (alias x): views by people, their distinct visitors, views by bots. */
const VIEWS = `SUM(CASE WHEN x."bot" THEN 0 ELSE 1 END)`;
const UNIQUES = `COUNT(DISTINCT CASE WHEN x."bot" THEN NULL ELSE x."visitorHash" END)`;
const BOTS = `SUM(CASE WHEN x."bot" THEN 1 ELSE 0 END)`;

function add(into: ViewFigures, dim: string, key: string | null, views: number, uniques: number, bots: number) {
  if (dim === "") {
    into.views += views;
    into.uniques += uniques;
    into.bots += bots;
    return;
  }
  const m = dim === "referrer" ? into.referrers : dim === "country" ? into.countries : null;
  if (m && views) m.set(key, (m.get(key) ?? 0) + views);
}

/**
 * The views of some of a workspace's pages in [from, to): built whole UTC days
 * from the daily rows, the rest from the raw events (each page's index finds
 * them). `sources`: also by referrer and country.
 */
export async function viewFigures(workspaceId: string, pageIds: string[], from: number, to: number, sources: boolean): Promise<ViewFigures> {
  const out = empty();
  if (!pageIds.length || from >= to) return out;
  const state = await db().pageViewDayState.findUnique({ where: { workspaceId } });
  const first = Math.ceil(from / DAY);
  const end = Math.min(Math.floor(to / DAY), state?.through ?? 0);
  const raw: [number, number][] = first < end ? [[from, first * DAY], [end * DAY, to]] : [[from, to]];
  await Promise.all([
    first < end ? readDays(out, workspaceId, pageIds, first, end, sources) : null,
    ...raw.filter(([a, b]) => a < b).map(([a, b]) => readRaw(out, workspaceId, pageIds, a, b, sources)),
  ]);
  return out;
}

/**
 * A question's bio-page views (its pages, or all the workspace's): from the
 * daily rows and the edges when it filters by nothing but pages, else from
 * the raw events with every filter.
 */
export async function countViews(q: ResolvedQuery): Promise<number> {
  const pages = q.filters.get("bioPageId") ?? (await db().bioPage.findMany({ where: { workspaceId: q.workspaceId }, select: { id: true } })).map((b) => b.id);
  if (!pages.length) return 0;
  if ([...q.filters.keys()].some((f) => f !== "bioPageId")) return countRawViews(q, pages);
  const f = await viewFigures(q.workspaceId, pages, q.from, q.to, false);
  return q.bots === "exclude" ? f.views : q.bots === "only" ? f.bots : f.views + f.bots;
}

async function readDays(out: ViewFigures, workspaceId: string, pageIds: string[], first: number, end: number, sources: boolean) {
  const rows = await db().pageViewDay.groupBy({
    by: ["dim", "key"],
    where: { workspaceId, bioPageId: { in: pageIds }, day: { gte: first, lt: end }, dim: { in: sources ? ["", "referrer", "country"] : [""] } },
    _sum: { views: true, uniques: true, bots: true },
  });
  for (const r of rows) add(out, r.dim, r.key, r._sum.views ?? 0, r._sum.uniques ?? 0, r._sum.bots ?? 0);
}

/** The raw view events (alias x) of the pages in [from, to), found through each page's index. */
function rawWhere(p: Params, workspaceId: string, pageIds: string[], from: number, to: number): string {
  return (
    `x."bioPageId" IN (${p.list(pageIds)}) AND x."createdAt" >= ${p.time(from)} AND x."createdAt" < ${p.time(to)} ` +
    `AND x."workspaceId" = ${p.add(workspaceId)} AND x."event" = 'view'`
  );
}

async function readRaw(out: ViewFigures, workspaceId: string, pageIds: string[], from: number, to: number, sources: boolean) {
  const totals = async () => {
    const p = new Params(pg());
    const where = rawWhere(p, workspaceId, pageIds, from, to);
    const [row] = await selectRows<{ v: unknown; u: unknown; b: unknown }>(`SELECT ${VIEWS} AS v, ${UNIQUES} AS u, ${BOTS} AS b FROM "Click" x WHERE ${where}`, p.values);
    add(out, "", null, Number(row?.v ?? 0), Number(row?.u ?? 0), Number(row?.b ?? 0));
  };
  const bySource = async () => {
    const p = new Params(pg());
    const where = rawWhere(p, workspaceId, pageIds, from, to);
    const rows = await selectRows<{ r: string | null; c: string | null; n: unknown }>(
      `SELECT x."referrerHost" AS r, x."country" AS c, COUNT(*) AS n FROM "Click" x WHERE ${where} AND NOT x."bot" GROUP BY x."referrerHost", x."country"`,
      p.values,
    );
    for (const r of rows) {
      add(out, "referrer", r.r, Number(r.n), 0, 0);
      add(out, "country", r.c, Number(r.n), 0, 0);
    }
  };
  await Promise.all([totals(), sources ? bySource() : null]);
}

/** A page's scans of all time: its views by people with trigger `qr` (opened from its QR code). */
export async function pageQrScans(workspaceId: string, pageId: string): Promise<number> {
  const state = await db().pageViewDayState.findUnique({ where: { workspaceId } });
  const through = (state?.through ?? 0) * DAY;
  const [built, since] = await Promise.all([
    db().pageViewDay.aggregate({ where: { workspaceId, bioPageId: pageId, dim: "trigger", key: "qr", day: { lt: state?.through ?? 0 } }, _sum: { views: true } }),
    db().click.count({ where: { workspaceId, bioPageId: pageId, event: "view", trigger: "qr", bot: false, createdAt: { gte: new Date(through) } } }),
  ]);
  return (built._sum.views ?? 0) + since;
}

/** The workspace's pages, and (`first`) the UTC day of their first event (null: none yet). */
async function pagesOf(workspaceId: string, first: boolean): Promise<{ ids: string[]; firstDay: number | null }> {
  const ids = (await db().bioPage.findMany({ where: { workspaceId }, select: { id: true } })).map((b) => b.id);
  if (!first) return { ids, firstDay: null };
  // Page by page, each through its own index (one query over all would read every event).
  const firsts = await Promise.all(
    ids.map((bioPageId) => db().click.findFirst({ where: { bioPageId, workspaceId }, orderBy: { createdAt: "asc" }, select: { createdAt: true } })),
  );
  const times = firsts.flatMap((f) => (f ? [f.createdAt.getTime()] : []));
  return { ids, firstDay: times.length ? Math.floor(Math.min(...times) / DAY) : null };
}

/** Writes one day's rows of the workspace, all or nothing; `advance`: the day is the next to build, and `through` moves past it in the same transaction. */
async function writeDay(workspaceId: string, pageIds: string[], day: number, advance: boolean) {
  const p = new Params(pg());
  // Parameters in the order of the text (SQLite's "?" are positional).
  const branch = (dim: string, column: string | null) =>
    `SELECT CAST(${p.add(workspaceId)} AS TEXT), x."bioPageId", CAST(${p.add(day)} AS INTEGER), '${dim}', ${column ? `x."${column}"` : "CAST(NULL AS TEXT)"}, ` +
    `${VIEWS}, ${UNIQUES}, ${BOTS} FROM "Click" x WHERE ${rawWhere(p, workspaceId, pageIds, day * DAY, (day + 1) * DAY)} ` +
    `GROUP BY x."bioPageId"${column ? `, x."${column}"` : ""}`;
  const insert =
    `INSERT INTO "PageViewDay" ("workspaceId", "bioPageId", "day", "dim", "key", "views", "uniques", "bots") ` +
    [branch("", null), branch("referrer", "referrerHost"), branch("country", "country"), branch("trigger", "trigger")].join(" UNION ALL ");
  await db().$transaction([
    // Two instances building the same day take turns (PostgreSQL), as the click days do; SQLite has one writer anyway.
    ...(pg() ? [db().$executeRawUnsafe(`SELECT pg_advisory_xact_lock(hashtext($1))`, `page-view-day:${workspaceId}`)] : []),
    db().pageViewDay.deleteMany({ where: { workspaceId, day } }),
    db().$executeRawUnsafe(insert, ...p.values),
    ...(advance ? [db().pageViewDayState.upsert({ where: { workspaceId }, create: { workspaceId, through: day + 1 }, update: { through: day + 1 } })] : []),
  ]);
}

/** Views per built day of the last few, raw and in the rows: days that differ got views after they were built. */
async function lateDays(workspaceId: string, pageIds: string[], through: number): Promise<number[]> {
  const late: number[] = [];
  for (let day = Math.max(0, through - RECHECK_DAYS); day < through; day++) {
    const [raw, rows] = await Promise.all([
      db().click.count({ where: { bioPageId: { in: pageIds }, workspaceId, event: "view", createdAt: { gte: new Date(day * DAY), lt: new Date((day + 1) * DAY) } } }),
      db().pageViewDay.aggregate({ where: { workspaceId, day, dim: "" }, _sum: { views: true, bots: true } }),
    ]);
    if (raw !== (rows._sum.views ?? 0) + (rows._sum.bots ?? 0)) late.push(day);
  }
  return late;
}

/**
 * One round of the job, for every workspace with bio pages: builds the days
 * that closed since the last round, and rebuilds recent days that got views
 * after they were built. Answers how many days it wrote.
 */
export async function buildPageViewDays(now = Date.now(), only?: { workspaceId: string }): Promise<number> {
  const closedEnd = Math.floor((now - GRACE) / DAY);
  const workspaces = await db().bioPage.findMany({ where: only ? { workspaceId: only.workspaceId } : {}, select: { workspaceId: true }, distinct: ["workspaceId"] });
  let written = 0;
  for (const { workspaceId } of workspaces) {
    const state = await db().pageViewDayState.findUnique({ where: { workspaceId } });
    const { ids, firstDay } = await pagesOf(workspaceId, !state);
    if (!ids.length) continue;
    if (state) for (const day of await lateDays(workspaceId, ids, state.through)) written += (await writeDay(workspaceId, ids, day, false), 1);
    const next = state?.through ?? firstDay;
    if (next === null) continue;
    for (let day = next; day < closedEnd; day++, written++) await writeDay(workspaceId, ids, day, true);
  }
  return written;
}
