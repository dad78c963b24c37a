// npm run bench:analytics:view -- <database> [24h,30d,365d,all] [--runs 3] [--filter country=US]... [--queries] [--parallel] [--fresh-map] [--whole-map] [--cold-packs] [--warm] [--during-warm] [--write-between]
//
// Where a whole dashboard view's time goes, on a database `bench:analytics`
// kept (BENCH_KEEP_DB=1 keeps the SQLite file; pass its path, or a PostgreSQL
// URL). Times getDashboard for the seeded workspace (with `--filter`, that
// filter's view: a click on a bar; repeat it for several filters at once, or
// `--filter bots=include`), each range `--runs`
// times, and prints the median and the queries of the last run, slowest
// first. Queries are run one at a time here, so each one's time is its own
// (plus any work the event loop was busy with when it ended); `--parallel`
// lets them overlap, as the app does, and lists none. With
// `--fresh-map`, a link's campaign is moved and moved back before every view
// (the first view after a link edit: the kept link map is brought up to date
// from the change log, lib/analytics/link-map.ts); with `--whole-map`, the
// map is read whole for every view (as when the log is too far behind). With `--cold-packs`, the day packs
// are read anew for every view (as the first view after a server started),
// not kept (lib/analytics/pack-cache.ts). With `--warm`, the cache is
// emptied and then filled as a server fills it when it starts
// (lib/analytics/warm-cache.ts) before every view, and the warming's time
// is printed. With `--during-warm`, the cache is emptied and the view asked
// while that warming runs beside it (the first view after a server starts:
// packs the warming is reading are waited for, not read twice). With `--write-between`, another
// connection writes before every view (a write that changes nothing shown,
// as the click writer's are all day long): SQLite then empties the page
// cache of every other connection. With
// `--queries`, also each question a panel asks on its own (the API's way,
// as `bench:analytics` times them): median and slowest of `--runs`. SQL_CHARS=n
// prints the first n characters of each query (150 by default).
import "./register-server-only";

const args = process.argv.slice(2);
const flag = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1]! : fallback;
};
const positional = args.filter((a, i) => !a.startsWith("--") && !args[i - 1]?.startsWith("--"));
const filters = args.flatMap((a, i) => (args[i - 1] === "--filter" ? [a.split("=") as [string, string]] : []));
const target = positional[0];
if (!target) {
  console.error("usage: npm run bench:analytics:view -- <kept SQLite file | postgres URL> [24h,30d,365d] [--runs 3]");
  process.exit(2);
}
process.env.DATABASE_URL = target.startsWith("postgres") ? target : `file:${target}`;
const ranges = (positional[1] ?? "24h,30d,365d").split(",");
const runs = Math.max(1, Number(flag("runs", "3")));
const filter = Object.fromEntries(filters);
const freshMap = args.includes("--fresh-map");
const wholeMap = args.includes("--whole-map");
const writeBetween = args.includes("--write-between");
const coldPacks = args.includes("--cold-packs");
const warm = args.includes("--warm");
const duringWarm = args.includes("--during-warm");
const filterText = filters.map(([k, v]) => ` ${k}=${v}`).join("");

const { db } = await import("@/lib/db/client");
const { getDashboard } = await import("@/lib/analytics/get-dashboard");
const { packCache } = await import("@/lib/analytics/pack-cache");
const { warmAnalyticsCache } = await import("@/lib/analytics/warm-cache");
const ws = await db().workspace.findFirstOrThrow({ where: { slug: { startsWith: "bench-" }, NOT: { slug: { startsWith: "bench-live" } } } });
// Another connection's write, as the click writer's (its own connection, or another process).
const writeAside: (() => Promise<unknown>) | null = !writeBetween
  ? null
  : process.env.DATABASE_URL!.startsWith("postgres")
    ? await (async () => {
        const client = new (await import("pg")).default.Client({ connectionString: process.env.DATABASE_URL });
        await client.connect();
        return () => client.query(`UPDATE "Workspace" SET "name" = "name" WHERE "id" = $1`, [ws.id]);
      })()
    : await (async () => {
        const statement = new (await import("better-sqlite3")).default(target, { timeout: 10_000 }).prepare(`UPDATE "Workspace" SET "name" = "name" WHERE "id" = ?`);
        return async () => statement.run(ws.id);
      })();
// A link edit that leaves the map as it was (its campaign moved and moved back: two changes logged),
// so the view's rollups stay current and only the link map's update is measured.
const editLink = await (await import("./bench/link-edit")).linkEditor(ws.id);
const access = { workspace: { id: ws.id, slug: ws.slug, name: ws.name, personal: false, timeZone: ws.timeZone } };

// Every raw query timed, one at a time (with --parallel, not: a view's queries then overlap as they do in the app).
const raw = db().$queryRawUnsafe.bind(db());
let queue: Promise<void> = Promise.resolve();
let timed: { sql: string; ms: number }[] = [];
if (!args.includes("--parallel")) (db() as unknown as { $queryRawUnsafe: typeof raw }).$queryRawUnsafe = (async (sql: string, ...values: unknown[]) => {
  const before = queue;
  let release!: () => void;
  queue = new Promise<void>((r) => (release = r));
  await before;
  const t = performance.now();
  try {
    return await raw(sql, ...values);
  } finally {
    timed.push({ sql: sql.replace(/\s+/g, " ").slice(0, Number(process.env.SQL_CHARS ?? 150)), ms: performance.now() - t });
    release();
  }
}) as typeof raw;

for (const range of ranges) {
  const input = { ...filter, ...(range === "365d" ? { from: new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10) } : { range }) };
  const views: number[] = [];
  const warmings: string[] = [];
  for (let i = 0; i < runs; i++) {
    if (freshMap) await editLink();
    if (wholeMap) await db().$executeRawUnsafe(`UPDATE "Workspace" SET "linkMapVersion" = "linkMapVersion" + 1 WHERE "id" = '${ws.id}'`);
    await writeAside?.();
    if (coldPacks || warm || duringWarm) packCache()?.clear();
    if (warm) {
      const t = performance.now();
      const r = await warmAnalyticsCache();
      warmings.push(`${r.packs} packs, ${(r.bytes / 2 ** 20).toFixed(0)} MB in ${(performance.now() - t).toFixed(0)} ms`);
    }
    timed = [];
    const t = performance.now();
    const warming = duringWarm ? warmAnalyticsCache() : null;
    await getDashboard(access, input);
    views.push(performance.now() - t);
    if (warming) {
      const r = await warming;
      warmings.push(`${r.packs} packs, ${(r.bytes / 2 ** 20).toFixed(0)} MB, done ${(performance.now() - t).toFixed(0)} ms after the view was asked`);
    }
  }
  const median = [...views].sort((a, b) => a - b)[Math.floor((views.length - 1) / 2)]!;
  console.log(`\n${range}${filterText}${freshMap ? " (after a link edit)" : ""}${wholeMap ? " (link map read whole)" : ""}${coldPacks ? " (packs read anew)" : ""}${warm ? " (cache warmed as at a start)" : ""}${duringWarm ? " (asked while the cache warms)" : ""}${writeBetween ? " (a write between views)" : ""}: whole view median ${median.toFixed(0)} ms (${views.map((v) => v.toFixed(0)).join(", ")}); last run: ${timed.length} queries timed`);
  if (warmings.length) console.log(`warming ${duringWarm ? "beside" : "before"} each view: ${warmings.join("; ")}`);
  for (const q of [...timed].sort((a, b) => b.ms - a.ms).slice(0, 8)) console.log(`${q.ms.toFixed(1).padStart(8)} ms  ${q.sql}`);
  if (args.includes("--queries")) {
    const { resolveQuery } = await import("@/lib/analytics/resolve-query");
    const { timeQuestions } = await import("./bench/time-questions");
    const q = await resolveQuery(access, input);
    const per: string[] = [];
    for (const { label, ms } of await timeQuestions(q, runs)) {
      ms.sort((a, b) => a - b);
      per.push(`${label} ${ms[Math.floor((ms.length - 1) / 2)]!.toFixed(0)}/${ms.at(-1)!.toFixed(0)}`);
    }
    console.log(`single questions, median/slowest ms: ${per.join(", ")}`);
  }
}
process.exit(0);
