// npm run bench:analytics [-- --clicks 1000000] [--sqlite-only | --postgres-only] [--runs 5] [--ranges 24h,30d,365d,all]
//                          [--filters none,campaign,link,country,referrer,utm,direct,two,campaign-country]
//
// Seeds one workspace with N clicks (default 1 million) over 13 months, across
// 10,000 links, 200 campaigns and 50 tags, with a skew (a few links take most
// clicks), countries, devices, referrers, UTM values and 5% bots, through the
// real click writer (lib/clicks/click-store.ts: raw rows and the hourly
// rollup). Then runs every query a dashboard view makes (lib/analytics), for
// 24 hours, 30 days, 12 months and all time, for the whole workspace, the
// busiest campaign's and link's views, and one country (a filter), and
// prints the median and p95 of each, the whole view's time, and the click
// writer's rate while the queries run. Only ratios from one run mean anything:
// every process here shares the machine's cores.
import "./register-server-only";
import { randomBytes, randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { encodeClicks, type ClickRecord } from "@/lib/clicks/click-buffer";

const root = path.resolve(import.meta.dirname, "..");
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const CLICKS = Number(arg("clicks", "1000000"));
const RUNS = Number(arg("runs", "5"));
const RANGES = arg("ranges", "24h,30d,365d,all").split(",") as ("24h" | "30d" | "365d" | "all")[];
const FILTERS = arg("filters", "none,campaign,link,country,two").split(",") as ("none" | "campaign" | "link" | "country" | "referrer" | "utm" | "direct" | "two" | "campaign-country")[];
const LINKS = 10_000;
const pgUrl = process.env.BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432";
const log = (m: string) => console.log(`[bench] ${m}`);

const { migrateDatabase } = await import("@/lib/db/migrate");
const { createDb } = await import("@/lib/db/create-db");
const { openClickStore } = await import("@/lib/clicks/click-store");


const COUNTRIES = ["US", "DE", "GB", "FR", "IN", "BR", "JP", "NP", "CA", "AU", "ES", "IT", "NL", "SE", "PL"];
const REFERRERS = [null, null, "l.facebook.com", "lm.facebook.com", "t.co", "lnkd.in", "www.google.com", "l.instagram.com", "out.reddit.com", "www.youtube.com", "news.example.com"];
const SOURCES = [null, "facebook", "instagram", "linkedin", "newsletter", "x", "xing", "tiktok"];
const DEVICES = [["desktop", "Chrome", "Windows"], ["mobile", "Mobile Safari", "iOS"], ["mobile", "Chrome", "Android"], ["desktop", "Safari", "Mac OS"], ["tablet", "Safari", "iOS"]] as const;
const pick = <T>(xs: readonly T[]) => xs[Math.floor(Math.random() ** 1.5 * xs.length)]!;

async function seed(databaseUrl: string) {
  migrateDatabase(databaseUrl, { quiet: true });
  const db = createDb(databaseUrl);
  const ws = await db.workspace.create({ data: { slug: `bench-${Date.now()}`, name: "Bench", timeZone: "Europe/Berlin" } });
  const campaigns = Array.from({ length: 200 }, (_, i) => ({ id: `bc${i}${randomBytes(6).toString("hex")}`, workspaceId: ws.id, name: `Campaign ${i}` }));
  await db.campaign.createMany({ data: campaigns });
  const tags = Array.from({ length: 50 }, (_, i) => ({ id: `bt${i}${randomBytes(6).toString("hex")}`, workspaceId: ws.id, name: `tag-${i}` }));
  await db.tag.createMany({ data: tags });
  const links = Array.from({ length: LINKS }, (_, i) => ({ id: `bl${i}${randomBytes(6).toString("hex")}`, workspaceId: ws.id, domain: "bench.example", slug: `s${i}`, url: "https://example.com/", campaignId: campaigns[i % 200]!.id, createdAt: new Date(Date.now() - 400 * 86_400_000) }));
  for (let i = 0; i < links.length; i += 2000) await db.link.createMany({ data: links.slice(i, i + 2000) });
  await db.linkTag.createMany({ data: links.map((l, i) => ({ linkId: l.id, tagId: tags[i % 50]!.id })) });
  // Clicks arriving while the queries run go to another workspace: they load the same tables
  // and indexes, and the dashboards measured still show exactly the seeded clicks.
  const live = await db.workspace.create({ data: { slug: `bench-live-${Date.now()}`, name: "Bench (live traffic)" } });
  const liveLink = await db.link.create({ data: { workspaceId: live.id, domain: "bench.example", slug: "live", url: "https://example.com/" } });
  const store = openClickStore(databaseUrl);
  const now = Date.now();
  const span = 396 * 86_400_000;
  const started = Date.now();
  // About two clicks per visitor and day (hashes rotate every UTC day, as in lib/redirect/visitor.ts).
  const visitorsPerDay = Math.max(10, Math.round(CLICKS / 396 / 2));
  for (let done = 0; done < CLICKS; ) {
    // Bulk: 50,000 clicks per transaction through the real writer, so raw rows and rollup rows have ingest's exact shape.
    const n = Math.min(50_000, CLICKS - done);
    const batch: ClickRecord[] = [];
    for (let i = 0; i < n; i++) {
      // Skew: link index ~ u^4, so the first few hundred links take most clicks.
      const link = links[Math.floor(Math.random() ** 4 * LINKS)]!;
      const [device, browser, os] = pick(DEVICES);
      // In time order, as clicks arrive: each batch covers its own stretch of the 13 months.
      const at = new Date(now - span + Math.floor(((done + i + Math.random()) / CLICKS) * span));
      const bot = Math.random() < 0.05;
      const source = pick(SOURCES);
      const referrerHost = pick(REFERRERS);
      batch.push({
        id: randomUUID(), createdAt: at, workspaceId: ws.id, event: "click", linkId: link.id, bioPageId: null, bioBlockId: null, domain: "bench.example",
        trigger: Math.random() < 0.1 ? "qr" : "link", referrerHost, referrer: referrerHost ? `https://${referrerHost}/` : null,
        utmSource: source, utmMedium: source ? "social" : null, utmCampaign: source ? `camp-${Math.floor(Math.random() * 20)}` : null, utmTerm: null, utmContent: Math.random() < 0.2 ? "hero" : null,
        country: pick(COUNTRIES), city: null, device, browser, os, visitorHash: `${Math.floor(at.getTime() / 86_400_000)}-${Math.floor(Math.random() * visitorsPerDay)}`, bot, counted: false,
      });
    }
    await store.write([encodeClicks(batch)]);
    done += n;
    if (done % 500_000 === 0 || done === CLICKS) log(`seeded ${done.toLocaleString("en")} clicks (${Math.round(done / ((Date.now() - started) / 1000)).toLocaleString("en")}/s)`);
  }
  const seedRate = Math.round(CLICKS / ((Date.now() - started) / 1000));
  const storage = await storageBytes(db, databaseUrl);
  await db.$disconnect();
  // The busiest campaign and link: the skew gives link 0 about a tenth of all clicks, and its campaign more.
  return { workspace: ws, store, campaignId: campaigns[0]!.id, linkId: links[0]!.id, live: { workspaceId: live.id, linkId: liveLink.id }, seedRate, storage };
}

/** Bytes of the raw clicks and of the rollup, indexes included. */
async function storageBytes(db: ReturnType<typeof createDb>, databaseUrl: string): Promise<{ raw: number; rollup: number }> {
  if (databaseUrl.startsWith("file:")) {
    const size = async (table: string) => Number((await db.$queryRawUnsafe<{ n: unknown }[]>(`SELECT SUM("pgsize") AS n FROM "dbstat" WHERE "name" = '${table}' OR "name" LIKE 'sqlite_autoindex_${table}_%' OR "name" LIKE '${table}_%'`))[0]?.n ?? 0);
    try {
      return { raw: await size("Click"), rollup: await size("ClickCube") };
    } catch {
      return { raw: NaN, rollup: NaN }; // SQLite built without dbstat
    }
  }
  const size = async (table: string) => Number((await db.$queryRawUnsafe<{ n: unknown }[]>(`SELECT pg_total_relation_size('"${table}"') AS n`))[0]?.n ?? 0);
  return { raw: await size("Click"), rollup: await size("ClickCube") };
}

/** Bytes of some rollup tables, indexes included. */
async function tableBytes(databaseUrl: string, tables: string[]): Promise<number> {
  const { db } = await import("@/lib/db/client");
  if (databaseUrl.startsWith("file:")) {
    const names = tables.map((t) => `"name" = '${t}' OR "name" LIKE '${t}\\_%' ESCAPE '\\'`).join(" OR ");
    const rows = await db().$queryRawUnsafe<{ n: unknown }[]>(`SELECT SUM("pgsize") AS n FROM "dbstat" WHERE ${names}`).catch(() => [{ n: NaN }]);
    return Number(rows[0]?.n ?? 0);
  }
  return Number((await db().$queryRawUnsafe<{ n: unknown }[]>(`SELECT ${tables.map((t) => `pg_total_relation_size('"${t}"')`).join(" + ")} AS n`))[0]?.n ?? 0);
}

function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]!;
  return { median: q(0.5), p95: q(0.95) };
}

async function measure(name: string, databaseUrl: string) {
  log(`${name}: seeding ${CLICKS.toLocaleString("en")} clicks`);
  const { workspace, store, live, seedRate, storage, campaignId, linkId } = await seed(databaseUrl);
  const perMillion = (b: number) => `${((b / CLICKS) * 1_000_000 / 2 ** 20).toFixed(0)} MB`;
  log(`${name}: seeded at ${seedRate.toLocaleString("en")} clicks/s; storage per million clicks: raw ${perMillion(storage.raw)}, rollup ${perMillion(storage.rollup)}`);
  process.env.DATABASE_URL = databaseUrl;
  (globalThis as { pennantDb?: unknown }).pennantDb = undefined;
  const { resolveQuery } = await import("@/lib/analytics/resolve-query");
  const { getDashboard } = await import("@/lib/analytics/get-dashboard");
  const { packCache } = await import("@/lib/analytics/pack-cache");
  const { warmAnalyticsCache } = await import("@/lib/analytics/warm-cache");
  const { db } = await import("@/lib/db/client");
  const { timeQuestions } = await import("./bench/time-questions");
  // The daily rollup, as the server's job builds it once days have closed (lib/analytics/day-rollup.ts).
  const { buildDayRollups } = await import("@/lib/analytics/day-rollup");
  const built = performance.now();
  const days = await buildDayRollups(Date.now(), { workspaceId: workspace.id });
  const buildSeconds = (performance.now() - built) / 1000;
  const daySize = await tableBytes(databaseUrl, ["ClickDay", "ClickMonth"]);
  const scopeSize = await tableBytes(databaseUrl, ["ClickScopeDay"]);
  const packSize = await tableBytes(databaseUrl, ["ClickDayPack"]);
  const sizes = `per million clicks: workspace ${perMillion(daySize)}, links, campaigns and tags ${perMillion(scopeSize)}, day packs ${perMillion(packSize)}`;
  log(`${name}: daily rollup built: ${days} days in ${buildSeconds.toFixed(1)} s (${((buildSeconds / Math.max(1, days)) * 1000).toFixed(0)} ms a day); ${sizes}`);
  // Statistics, as a production server's autovacuum keeps them (this machine's PostgreSQL runs without it):
  // without them the planner guesses, and a view's figures would say more about the guess than the query.
  if (!databaseUrl.startsWith("file:")) {
    const analyzed = performance.now();
    await db().$executeRawUnsafe("ANALYZE");
    log(`${name}: ANALYZE in ${((performance.now() - analyzed) / 1000).toFixed(1)} s`);
  }
  const access = { workspace: { id: workspace.id, slug: workspace.slug, name: workspace.name, personal: false, timeZone: workspace.timeZone } };
  // A link edit that leaves the map as it was (so the rollups stay current): its campaign moved and moved back.
  const editLink = await (await import("./bench/link-edit")).linkEditor(workspace.id);
  // The whole view as the page reads it (getDashboard: every panel), before any byte can be sent.
  // Ingest while the queries run: a writer thread's worth of clicks, batch after batch, into another workspace.
  let ingested = 0;
  let ingesting = true;
  const ingest = (async () => {
    while (ingesting) {
      const batch: ClickRecord[] = Array.from({ length: 2000 }, () => ({
        id: randomUUID(), createdAt: new Date(), workspaceId: live.workspaceId, event: "click" as const, linkId: live.linkId, bioPageId: null, bioBlockId: null, domain: "bench.example",
        trigger: "link" as const, referrerHost: null, referrer: null, utmSource: null, utmMedium: null, utmCampaign: null, utmTerm: null, utmContent: null,
        country: "DE", city: null, device: "desktop", browser: "Chrome", os: "Windows", visitorHash: randomBytes(8).toString("hex"), bot: false, counted: false,
      }));
      await store.write([encodeClicks(batch)]);
      ingested += batch.length;
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const rows: string[] = [];
  const ingestStart = Date.now();
  for (const range of RANGES) {
    // referrer, utm, direct: one referrer host, one UTM source, and the visits without a referrer ("(none)");
    // two: two values at once (a country, then a device clicked); campaign-country: the busiest campaign and a country.
    const filters = {
      none: {}, campaign: { campaignId }, link: { linkId }, country: { country: "DE" }, referrer: { referrer: "t.co" }, utm: { utm_source: "newsletter" }, direct: { referrer: "(none)" },
      two: { country: "DE", device: "mobile" }, "campaign-country": { campaignId, country: "DE" },
    };
    for (const f of FILTERS) {
      const filter = filters[f];
      const input = range === "365d" ? { from: new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10), ...filter } : { range, ...filter };
      const q = await resolveQuery(access, input);
      let worstP95 = 0;
      const per: string[] = [];
      for (const { label, ms } of await timeQuestions(q, RUNS)) {
        const { median, p95 } = stats(ms);
        worstP95 = Math.max(worstP95, p95);
        per.push(`${label} ${median.toFixed(0)}/${p95.toFixed(0)}`);
      }
      // The view with the link map and the day packs kept from the last one; after a link edit (a link's campaign moved
      // and moved back: the kept map is brought up to date from the change log); with the packs read anew (the first
      // after a server started, had it not warmed its cache); and after the cache was warmed as a server starting does.
      const views: number[] = [];
      const fresh: number[] = [];
      const cold: number[] = [];
      const warm: number[] = [];
      for (let i = 0; i < Math.min(RUNS, 3); i++) {
        for (const into of [views, fresh, cold, warm]) {
          if (into === fresh) await editLink();
          if (into === cold || into === warm) packCache()?.clear();
          if (into === warm) await warmAnalyticsCache();
          const t = performance.now();
          await getDashboard(access, input);
          into.push(performance.now() - t);
        }
      }
      const [view, freshView, coldView, warmView] = [views, fresh, cold, warm].map((v) => stats(v).median.toFixed(0));
      rows.push(`| ${name} | ${range} | ${f} | ${view} ms | ${freshView} ms | ${coldView} ms | ${warmView} ms | ${worstP95.toFixed(0)} ms |`);
      log(`${name} ${range} filter=${f}: view ${view} ms (after a link edit: ${freshView} ms, packs read anew: ${coldView} ms, cache warmed: ${warmView} ms); per query median/p95 ms: ${per.join(", ")}`);
    }
  }
  ingesting = false;
  await ingest;
  const rate = Math.round(ingested / ((Date.now() - ingestStart) / 1000));
  await store.close();
  return {
    rows,
    rate,
    note: `${name}: seeded ${seedRate.toLocaleString("en")} clicks/s; per million clicks: raw ${perMillion(storage.raw)}, hourly rollup ${perMillion(storage.rollup)}, daily rollups ${sizes} (${days} days built in ${buildSeconds.toFixed(1)} s)`,
  };
}

async function main() {
  const results: { name: string; rows: string[]; rate: number; note: string }[] = [];
  if (!process.argv.includes("--postgres-only")) {
    const file = path.join(root, "data", `bench-analytics-${Date.now()}.db`);
    try {
      results.push({ name: "SQLite", ...(await measure("SQLite", `file:${file}`)) });
    } finally {
      if (process.env.BENCH_KEEP_DB) log(`kept ${file}`);
      else for (const s of ["", "-wal", "-shm", "-journal"]) rmSync(file + s, { force: true });
    }
  }
  if (!process.argv.includes("--sqlite-only")) {
    const name = `pennant_bench_analytics_${Date.now()}`;
    const admin = new pg.Client({ connectionString: `${pgUrl}/postgres` });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    try {
      results.push({ name: "PostgreSQL", ...(await measure("PostgreSQL", `${pgUrl}/${name}`)) });
    } finally {
      if (process.env.BENCH_KEEP_DB) log(`kept ${pgUrl}/${name}`);
      else await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
      await admin.end();
    }
  }
  console.log(`\n${CLICKS.toLocaleString("en")} clicks, ${RUNS} runs per query (targets at 10M: every query p95 < 200 ms, a view < 500 ms)\n`);
  console.log("| database | range | filter | whole view (median) | after a link edit (median) | packs read anew (median) | cache warmed at a start (median) | slowest query p95 |\n| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |");
  for (const r of results) for (const row of r.rows) console.log(row);
  for (const r of results) console.log(r.note);
  for (const r of results) console.log(`${r.name}: click writer ${r.rate.toLocaleString("en")} clicks/s (in 2,000-click batches every 100 ms) while queries ran`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(`[bench] could not run: ${err instanceof Error ? err.stack : String(err)}`);
    process.exit(1);
  },
);
