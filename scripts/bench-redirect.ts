// `npm run bench:redirect`: how fast is Pennant's short-link redirect, next to
// the best this machine can do?
//
// Builds the app (unless BENCH_SKIP_BUILD=1 or BENCH_REDIRECT_ONLY=1), then in
// four configurations, SQLite and PostgreSQL (unless --sqlite-only or
// unreachable), each with Redis (unless --no-redis or unreachable) and without:
//   - a fresh database, migrated, seeded with 10,000 "warm" links and 100,000
//     "cold" links on domain 127.0.0.1:<port>;
//   - the ceiling: a bare node:http server answering 302 from a Map of the same
//     slugs (its own process), and Pennant's real production server.ts (Next
//     included, click capture on), measured alternately with autocannon at 50
//     connections over random warm slugs (the one measured first alternates
//     from round to round); besides req/s, each server's own CPU time per
//     redirect (from /proc: steadier than req/s, which moves with whatever
//     else the two cores are doing);
//   - after draining, clicks stored versus redirects answered;
//   - a cold run: every cold link requested exactly once (cache misses).
// Prints a table and whether each target is met. Exits 0 whatever the figures
// (a benchmark never fails the build); non-zero only if it could not run.
//
// Knobs: BENCH_DURATION (s, 10), BENCH_ROUNDS (3), BENCH_CONNECTIONS (50),
// BENCH_WARM_LINKS (10000), BENCH_COLD_LINKS (100000), BENCH_SKIP_BUILD=1,
// BENCH_PG_URL (postgres://postgres@127.0.0.1:5432), BENCH_REDIRECT_ONLY=1 (the
// server without Next: the redirect path is the same, and no build is needed),
// BENCH_THREADS=1 (each busy thread's CPU per redirect, Pennant's app process
// included), BENCH_SERVER_NODE_ARGS / BENCH_CEILING_NODE_ARGS (node flags, such
// as --cpu-prof, for Pennant's server and for the ceiling);
// flags --sqlite-only, --postgres-only, --no-redis, --redis-only.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import os from "node:os";
import path from "node:path";
import autocannon, { type Result } from "autocannon";
import pg from "pg";
import { createDb, type Db } from "@/lib/db/create-db";
import { migrateDatabase } from "@/lib/db/migrate";
import { DEFAULT_DOMAIN } from "@/lib/links/default-domain";
import { freePort, startRedirectServer, type RunningServer } from "@/tests/redirect-server";
import { destinationOf, randomSlugs, seedLinks } from "./bench/seed";

const root = path.resolve(import.meta.dirname, "..");
const args = process.argv.slice(2);
const num = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const cfg = {
  duration: num("BENCH_DURATION", 10),
  rounds: num("BENCH_ROUNDS", 3),
  connections: num("BENCH_CONNECTIONS", 50),
  warmLinks: num("BENCH_WARM_LINKS", 10_000),
  coldLinks: num("BENCH_COLD_LINKS", 100_000),
  pgUrl: process.env.BENCH_PG_URL || "postgres://postgres@127.0.0.1:5432",
  sqliteOnly: args.includes("--sqlite-only"),
  postgresOnly: args.includes("--postgres-only"),
  noRedis: args.includes("--no-redis"),
  redisOnly: args.includes("--redis-only"),
  redirectOnly: process.env.BENCH_REDIRECT_ONLY === "1",
  threads: process.env.BENCH_THREADS === "1",
  skipBuild: process.env.BENCH_SKIP_BUILD === "1" || process.env.BENCH_REDIRECT_ONLY === "1",
};

// A current desktop Chrome: counted as a human visitor, not a bot.
const USER_AGENT = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
// Visitors arrive from public addresses (through a trusted proxy on loopback), so geolocation does real lookups.
const VISITOR_IPS = Array.from({ length: 2000 }, () => {
  const b = randomBytes(4);
  return `${(b[0]! % 200) + 11}.${b[1]}.${b[2]}.${(b[3]! % 250) + 1}`;
});

const log = (msg: string) => console.log(`[bench] ${msg}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pick = <T>(xs: T[]): T => xs[Math.floor(Math.random() * xs.length)]!;

interface Figures {
  rps: number;
  /** The server process's CPU time (user + system, every thread) per answered request, µs; NaN where /proc cannot tell. */
  cpuUs: number;
  p50: number;
  p99: number;
  answered: number;
  /** Requests sent but not yet answered when the run stopped: the server may still have answered (and counted) them. */
  inFlight: number;
  errors: number;
  statuses: string;
}

function figures(r: Result, cpuSeconds = NaN): Figures {
  const answered = r.statusCodeStats["302"]?.count ?? 0;
  return {
    rps: r.requests.average,
    cpuUs: answered ? (cpuSeconds / answered) * 1e6 : NaN,
    p50: r.latency.p50,
    p99: r.latency.p99,
    answered,
    // Without pipelining each connection has at most one request in flight when the run stops.
    inFlight: r.connections ?? 0,
    errors: r.errors + r.timeouts,
    statuses: Object.entries(r.statusCodeStats)
      .map(([code, { count }]) => `${code}×${count}`)
      .join(" "),
  };
}

/** Load over random slugs for a duration, or each slug in order once (`once`). */
async function load(url: string, slugs: string[], opts: { duration?: number; once?: boolean }): Promise<Result> {
  let next = 0;
  return autocannon({
    url,
    connections: cfg.connections,
    ...(opts.once ? { amount: slugs.length } : { duration: opts.duration ?? cfg.duration }),
    timeout: 10,
    headers: { "user-agent": USER_AGENT, accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "accept-language": "en-GB,en;q=0.9" },
    requests: [
      {
        setupRequest: (req) => {
          req.path = `/${opts.once ? slugs[next++ % slugs.length] : pick(slugs)}`;
          req.headers = { ...req.headers, "x-forwarded-for": pick(VISITOR_IPS) };
          return req;
        },
      },
    ],
  });
}

const CLOCK_TICKS = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100;

/**
 * A process's (or thread's: "<pid>/task/<tid>") stat fields after its command
 * name, which may hold spaces: state first, so ppid is [1], utime [11], stime [12].
 */
function statFields(proc: number | string): string[] {
  const stat = readFileSync(`/proc/${proc}/stat`, "utf8");
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
}
const cpuSeconds = (fields: string[]) => (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;

/** The process and every process it started, still running (Pennant's app pages run in a child). */
function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(statFields(entry)[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  const out = [pid];
  for (let i = 0; i < out.length; i++) out.push(...(children.get(out[i]!) ?? []));
  return out;
}

/** CPU seconds (user + system, all threads) a process and its children have used so far; NaN without /proc. */
function cpuTime(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  let total: number;
  try {
    total = cpuSeconds(statFields(pid));
  } catch {
    return NaN;
  }
  for (const p of processTree(pid).slice(1)) {
    try {
      total += cpuSeconds(statFields(p));
    } catch {
      // a child that has just exited
    }
  }
  return total;
}

/** Each thread's name and CPU seconds so far, by thread id (the process's and its children's). */
function threadTimes(pid: number | undefined): Map<string, { name: string; cpu: number }> {
  const out = new Map<string, { name: string; cpu: number }>();
  try {
    for (const [p, tid] of processTree(pid!).flatMap((p) => readdirSync(`/proc/${p}/task`).map((tid) => [p, tid] as const))) {
      const name = readFileSync(`/proc/${p}/task/${tid}/comm`, "utf8").trim();
      out.set(tid, { name, cpu: cpuSeconds(statFields(`${p}/task/${tid}`)) });
    }
  } catch {
    // no /proc: nothing to break down
  }
  return out;
}

/** A load run, with the CPU time the server's process spent answering it (and, with BENCH_THREADS=1, each busy thread's share printed). */
async function measured(pid: number | undefined, url: string, slugs: string[]): Promise<Figures> {
  const before = cpuTime(pid);
  const threadsBefore = cfg.threads ? threadTimes(pid) : null;
  const result = await load(url, slugs, {});
  const f = figures(result, cpuTime(pid) - before);
  if (threadsBefore) {
    const busy = [...threadTimes(pid)].map(([tid, t]) => ({ tid, name: t.name, us: ((t.cpu - (threadsBefore.get(tid)?.cpu ?? 0)) * 1e6) / Math.max(1, f.answered) }));
    const shown = busy.filter((t) => t.us >= 1).sort((a, b) => b.us - a.us);
    console.log(`    threads, CPU µs per request: ${shown.map((t) => `${t.name}#${t.tid} ${t.us.toFixed(1)}`).join(", ")}`);
  }
  return f;
}

function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ host, port, timeout: 1000 });
    s.once("connect", () => (s.destroy(), resolve(true)));
    s.once("error", () => resolve(false));
    s.once("timeout", () => (s.destroy(), resolve(false)));
  });
}

async function startCeiling(port: number, slugFile: string): Promise<ChildProcess> {
  const proc = spawn(process.execPath, [...(process.env.BENCH_CEILING_NODE_ARGS ?? "").split(" ").filter(Boolean), "--import", "tsx", path.join(root, "scripts/bench/ceiling-server.ts"), String(port), slugFile], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    proc.stdout!.on("data", (d: Buffer) => d.toString().includes("[ceiling] ready") && resolve());
    proc.once("exit", (code) => reject(new Error(`ceiling server exited (${code})`)));
  });
  return proc;
}

/**
 * Polls the Click table until it holds at least `expected` rows and has stopped
 * growing (the buffer flushes every two seconds), or until it stops growing for
 * `patienceMs` short of that, or the deadline; returns the count.
 */
async function waitForClicks(db: Db, expected: number, { timeoutMs = 120_000, patienceMs = 15_000 } = {}): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let last = -1;
  let stableSince = Date.now();
  for (;;) {
    const n = await db.click.count();
    if (n !== last) {
      last = n;
      stableSince = Date.now();
    } else if (Date.now() - stableSince > (n >= expected ? 4500 : patienceMs)) return n;
    if (Date.now() > deadline) return n;
    await sleep(250);
  }
}

interface Clicks {
  stored: number;
  /** 302s autocannon counted. */
  answered: number;
  /** Requests in flight when autocannon stopped; the server may have answered and counted them. */
  inFlight: number;
}

interface DbReport {
  name: string;
  cache: string;
  rounds: { ceiling: Figures; pennant: Figures }[];
  ceiling: Figures;
  pennant: Figures;
  warmClicks: Clicks;
  cold: Figures;
  coldClicks: Clicks;
  notes: string[];
}

function mean(xs: Figures[]): Figures {
  const avg = (f: (x: Figures) => number) => xs.reduce((s, x) => s + f(x), 0) / xs.length;
  return {
    rps: avg((x) => x.rps),
    cpuUs: avg((x) => x.cpuUs),
    p50: avg((x) => x.p50),
    p99: avg((x) => x.p99),
    answered: xs.reduce((s, x) => s + x.answered, 0),
    inFlight: xs.reduce((s, x) => s + x.inFlight, 0),
    errors: xs.reduce((s, x) => s + x.errors, 0),
    statuses: "",
  };
}

async function benchDatabase(db_: "SQLite" | "PostgreSQL", databaseUrl: string, redisUrl: string): Promise<DbReport> {
  const name = `${db_}${redisUrl ? " + Redis" : ", no Redis"}`;
  const notes: string[] = [];
  log(`${name}: migrating ${databaseUrl.replace(root + "/", "")}`);
  migrateDatabase(databaseUrl, { quiet: true });
  const db = createDb(databaseUrl);
  const port = await freePort();
  const ceilingPort = await freePort();
  const domain = `127.0.0.1:${port}`;
  const warm = randomSlugs(cfg.warmLinks);
  const cold = randomSlugs(cfg.coldLinks, new Set(warm));
  let t = Date.now();
  // Links on the app's own address are stored under the default domain (they follow APP_URL).
  await seedLinks(db, DEFAULT_DOMAIN, [...warm, ...cold]);
  log(`${name}: seeded ${warm.length + cold.length} links in ${((Date.now() - t) / 1000).toFixed(1)} s`);

  const slugFile = path.join(os.tmpdir(), `pennant-bench-slugs-${process.pid}-${port}.tsv`);
  writeFileSync(slugFile, warm.map((s) => `${s}\t${destinationOf(s)}`).join("\n"));
  const spillFile = path.join(os.tmpdir(), `pennant-bench-spill-${process.pid}-${port}.jsonl`);
  let ceiling: ChildProcess | null = null;
  let server: RunningServer | null = null;
  try {
    ceiling = await startCeiling(ceilingPort, slugFile);
    server = await startRedirectServer(
      {
        PENNANT_REDIRECT_ONLY: cfg.redirectOnly ? "1" : "0",
        DATABASE_URL: databaseUrl,
        APP_URL: `http://${domain}`,
        REDIS_URL: redisUrl,
        TRUSTED_PROXIES: "loopback",
        AUTH_SECRET: randomBytes(32).toString("base64url"),
        CLICK_SPILL_FILE: spillFile,
      },
      port,
      // e.g. BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the server.
      (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean),
    );
    const ceilingUrl = `http://127.0.0.1:${ceilingPort}`;
    const pennantUrl = `http://${domain}`;

    // Sanity: one redirect each, to the right place.
    for (const [label, base] of [["ceiling", ceilingUrl], ["pennant", pennantUrl]] as const) {
      const res = await fetch(`${base}/${warm[0]}`, { redirect: "manual", headers: { "user-agent": USER_AGENT } });
      if (res.status !== 302 || res.headers.get("location") !== destinationOf(warm[0]!)) {
        throw new Error(`${label} answered ${res.status} ${res.headers.get("location")} for /${warm[0]}`);
      }
    }
    let answered = 1; // the sanity request above
    let inFlight = 0;

    // Warm-up: every warm link once (fills Pennant's link cache), and the ceiling's JIT.
    log(`${name}: warming up`);
    const w = figures(await load(pennantUrl, warm, { once: true }));
    answered += w.answered;
    inFlight += w.inFlight;
    await load(ceilingUrl, warm, { duration: 2 });

    const rounds: DbReport["rounds"] = [];
    for (let i = 0; i < cfg.rounds; i++) {
      // The order alternates, so a machine that slows down or speeds up during the run favours neither.
      const ceilingFirst = i % 2 === 0;
      let c: Figures | null = null;
      if (ceilingFirst) {
        log(`${name}: round ${i + 1}/${cfg.rounds}: ceiling ${cfg.duration} s`);
        c = await measured(ceiling.pid, ceilingUrl, warm);
      }
      log(`${name}: round ${i + 1}/${cfg.rounds}: pennant ${cfg.duration} s`);
      const p = await measured(server.proc.pid, pennantUrl, warm);
      if (!c) {
        log(`${name}: round ${i + 1}/${cfg.rounds}: ceiling ${cfg.duration} s`);
        c = await measured(ceiling.pid, ceilingUrl, warm);
      }
      answered += p.answered;
      inFlight += p.inFlight;
      rounds.push({ ceiling: c, pennant: p });
      log(`  ceiling ${c.rps.toFixed(0)} req/s ${c.cpuUs.toFixed(1)} µs CPU/req p50 ${c.p50} p99 ${c.p99} [${c.statuses}] · pennant ${p.rps.toFixed(0)} req/s ${p.cpuUs.toFixed(1)} µs CPU/req p50 ${p.p50} p99 ${p.p99} [${p.statuses}]`);
    }
    t = Date.now();
    const warmStored = await waitForClicks(db, answered);
    log(`${name}: clicks drained in ${((Date.now() - t) / 1000).toFixed(1)} s: ${warmStored} stored / ${answered} answered`);

    log(`${name}: cold run, ${cold.length} links each requested once`);
    const coldFig = figures(await load(pennantUrl, cold, { once: true }));
    log(`  cold ${coldFig.rps.toFixed(0)} req/s p50 ${coldFig.p50} p99 ${coldFig.p99} [${coldFig.statuses}]`);
    const coldStored = (await waitForClicks(db, answered + coldFig.answered)) - warmStored;

    // Stop the server (it drains on SIGTERM); nothing may be left in a spill file.
    await server.stop();
    server = null;
    if (existsSync(spillFile)) notes.push(`clicks were spilled to ${spillFile} (database could not keep up or was away)`);
    const finalStored = await db.click.count();
    if (finalStored !== warmStored + coldStored) notes.push(`after shutdown drain: ${finalStored} clicks stored in all`);

    return {
      name,
      cache: `${redisUrl ? "Redis pub/sub and " : ""}${db_ === "SQLite" ? "data_version" : "LISTEN/NOTIFY"} feed, no TTL`,
      rounds,
      ceiling: mean(rounds.map((r) => r.ceiling)),
      pennant: mean(rounds.map((r) => r.pennant)),
      warmClicks: { stored: warmStored, answered, inFlight },
      cold: coldFig,
      coldClicks: { stored: coldStored, answered: coldFig.answered, inFlight: coldFig.inFlight },
      notes,
    };
  } catch (err) {
    if (server) console.error(server.output());
    throw err;
  } finally {
    if (server) await server.stop("SIGKILL");
    ceiling?.kill("SIGTERM");
    await db.$disconnect().catch(() => undefined);
    rmSync(slugFile, { force: true });
  }
}

const fmt = (n: number, d = 0) => n.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });
const verdict = (ok: boolean) => (ok ? "PASS" : "MISS");

function printReport(r: DbReport) {
  const ratio = r.pennant.rps / r.ceiling.rps;
  // autocannon's latencies are whole milliseconds: a p99 of 0 ms is held to the 1 ms resolution.
  const p99Limit = 2 * Math.max(r.ceiling.p99, 1);
  // A click is lost when fewer are stored than 302s were counted. Up to `inFlight`
  // more may be stored: requests the server answered after autocannon stopped counting.
  const lost = (c: Clicks) => Math.max(0, c.answered - c.stored);
  const extra = (c: Clicks) => Math.max(0, c.stored - c.answered);
  const clicksOk = (c: Clicks) => lost(c) === 0 && extra(c) <= c.inFlight;
  const clicksLine = (c: Clicks) =>
    `${fmt(c.stored)} stored / ${fmt(c.answered)} answered (+${fmt(c.inFlight)} in flight at stop), lost ${fmt(lost(c))}, extra ${fmt(extra(c))}`;
  const rows = [
    ["", "req/s", "CPU µs/req", "p50 ms", "p99 ms", "302s", "errors"],
    ...r.rounds.flatMap((x, i) => [
      [`  round ${i + 1} ceiling`, fmt(x.ceiling.rps), fmt(x.ceiling.cpuUs, 1), fmt(x.ceiling.p50), fmt(x.ceiling.p99), fmt(x.ceiling.answered), fmt(x.ceiling.errors)],
      [`  round ${i + 1} pennant`, fmt(x.pennant.rps), fmt(x.pennant.cpuUs, 1), fmt(x.pennant.p50), fmt(x.pennant.p99), fmt(x.pennant.answered), fmt(x.pennant.errors)],
    ]),
    ["(1) ceiling, bare node:http", fmt(r.ceiling.rps), fmt(r.ceiling.cpuUs, 1), fmt(r.ceiling.p50, 1), fmt(r.ceiling.p99, 1), fmt(r.ceiling.answered), fmt(r.ceiling.errors)],
    ["(2) pennant, warm", fmt(r.pennant.rps), fmt(r.pennant.cpuUs, 1), fmt(r.pennant.p50, 1), fmt(r.pennant.p99, 1), fmt(r.pennant.answered), fmt(r.pennant.errors)],
    ["pennant, cold (each once)", fmt(r.cold.rps), "", fmt(r.cold.p50, 1), fmt(r.cold.p99, 1), fmt(r.cold.answered), fmt(r.cold.errors)],
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  console.log(`\n=== ${r.name} (${cfg.warmLinks} warm links, ${cfg.coldLinks} cold; ${cfg.connections} connections; ${cfg.rounds}×${cfg.duration} s; link cache: ${r.cache}) ===`);
  for (const row of rows) console.log(row.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  "));
  console.log(`ratio (2)/(1) req/s    ${ratio.toFixed(2)}   target ≥ 0.50                     ${verdict(ratio >= 0.5)}`);
  console.log(`CPU per redirect       ${fmt(r.pennant.cpuUs, 1)} µs vs ${fmt(r.ceiling.cpuUs, 1)} µs (${(r.ceiling.cpuUs / r.pennant.cpuUs).toFixed(2)} of Pennant's CPU is the bare server's; the database server's own CPU not included)`);
  console.log(`p99 (2) vs (1)         ${fmt(r.pennant.p99, 1)} ms vs ${fmt(r.ceiling.p99, 1)} ms   target ≤ ${fmt(p99Limit, 1)} ms (2× ceiling)   ${verdict(r.pennant.p99 <= p99Limit)}`);
  console.log(`clicks, warm runs      ${clicksLine(r.warmClicks)}   target 0 lost   ${verdict(clicksOk(r.warmClicks))}`);
  console.log(`clicks, cold run       ${clicksLine(r.coldClicks)}   target 0 lost   ${verdict(clicksOk(r.coldClicks))}`);
  for (const n of r.notes) console.log(`note: ${n}`);
}

/** One line per configuration: the figures the targets are about. */
function printSummary(reports: DbReport[]) {
  console.log("\n=== summary (ratio and p99 against the bare node:http ceiling of the same run) ===");
  console.log("| configuration | ratio | ratio per round | CPU µs per redirect, pennant vs ceiling | p50 ms, pennant vs ceiling | p99 ms, pennant vs ceiling | clicks stored / answered (warm + cold) |");
  console.log("|---|---:|---|---|---|---|---|");
  for (const r of reports) {
    const stored = r.warmClicks.stored + r.coldClicks.stored;
    const answered = r.warmClicks.answered + r.coldClicks.answered;
    const perRound = r.rounds.map((x) => (x.pennant.rps / x.ceiling.rps).toFixed(2)).join(" / ");
    console.log(`| ${r.name} | ${(r.pennant.rps / r.ceiling.rps).toFixed(2)} | ${perRound} | ${fmt(r.pennant.cpuUs, 1)} vs ${fmt(r.ceiling.cpuUs, 1)} | ${fmt(r.pennant.p50, 1)} vs ${fmt(r.ceiling.p50, 1)} | ${fmt(r.pennant.p99, 1)} vs ${fmt(r.ceiling.p99, 1)} | ${fmt(stored)} / ${fmt(answered)} |`);
  }
}

async function main() {
  if (!cfg.skipBuild) {
    log("building (next build; BENCH_SKIP_BUILD=1 to skip)");
    const b = spawnSync("npx", ["next", "build"], { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (b.status !== 0) throw new Error("next build failed");
  } else if (!cfg.redirectOnly && !existsSync(path.join(root, ".next", "BUILD_ID"))) {
    throw new Error("BENCH_SKIP_BUILD=1 but there is no build in .next: run `npx next build` first");
  }

  const redisUp = !cfg.noRedis && (await reachable("127.0.0.1", 6379));
  if (!redisUp && !cfg.noRedis) log("Redis not reachable on 127.0.0.1:6379: measuring without it only");
  const redisUrls = [...(redisUp ? ["redis://127.0.0.1:6379"] : []), ...(cfg.redisOnly && redisUp ? [] : [""])];
  log(`${os.cpus().length} cores, node ${process.version}${cfg.redirectOnly ? ", redirect-only server (no Next)" : ""}`);

  const reports: DbReport[] = [];
  mkdirSync(path.join(root, "data"), { recursive: true });
  if (!cfg.postgresOnly) {
    for (const redisUrl of redisUrls) {
      const sqliteFile = path.join(root, "data", `bench-${Date.now()}.db`);
      try {
        reports.push(await benchDatabase("SQLite", `file:${sqliteFile}`, redisUrl));
      } finally {
        for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(sqliteFile + suffix, { force: true });
      }
    }
  }

  let pgSkipped: string | null = null;
  if (cfg.sqliteOnly) pgSkipped = "--sqlite-only";
  else {
    const admin = new pg.Client({ connectionString: `${cfg.pgUrl}/postgres` });
    try {
      await admin.connect();
    } catch (err) {
      pgSkipped = `PostgreSQL unreachable at ${cfg.pgUrl} (${(err as Error).message})`;
    }
    if (!pgSkipped) {
      for (const redisUrl of redisUrls) {
        const name = `pennant_bench_${Date.now()}`;
        await admin.query(`CREATE DATABASE ${name}`);
        try {
          reports.push(await benchDatabase("PostgreSQL", `${cfg.pgUrl}/${name}`, redisUrl));
        } finally {
          await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch((e: Error) => log(`could not drop ${name}: ${e.message}`));
        }
      }
      await admin.end();
    }
  }

  for (const r of reports) printReport(r);
  printSummary(reports);
  if (pgSkipped) console.log(`\n!!! PostgreSQL NOT MEASURED: ${pgSkipped} !!!`);
  if (cfg.postgresOnly) console.log(`\n!!! SQLite NOT MEASURED: --postgres-only !!!`);
  console.log("");
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(`[bench] could not run: ${err instanceof Error ? err.stack : String(err)}`);
    process.exit(1);
  },
);
