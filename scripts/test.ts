// `npm test`: the whole suite: unit, integration on SQLite, integration on
// PostgreSQL, then Playwright end-to-end in Chromium against the production build
// (all specs on SQLite; the auth, API and redirect specs again on PostgreSQL with Redis).
// Under CI=true a skipped test fails the run, and e2e always builds first.
// `npm test -- unit int:sqlite` runs only the named parts.
//
// The parts run in two lanes at once, so both cores work: [unit, then
// int:sqlite, then half the e2e specs] beside [next build, then int:postgres,
// then the other half, then e2e:postgres]. The e2e halves are of about equal
// time (e2eHalves), each with its own server, database, port and output
// folder. int:sqlite starts after the build, because
// its development-server test shares the .next folder with `next build`.
// Each part's output is printed whole when it ends. Ends with one line
// "N passed, N failed" over every part.
import { spawn, spawnSync } from "node:child_process";
import { createWriteStream, existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { chromium } from "@playwright/test";
import { systemChromium } from "../tests/system-chromium";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
const ci = process.env.CI === "true" || process.env.CI === "1";
const tmp = mkdtempSync(path.join(os.tmpdir(), "pennant-test-"));
const PARTS = ["unit", "int:sqlite", "int:postgres", "e2e", "e2e:postgres"] as const;
type Part = (typeof PARTS)[number];

const asked = process.argv.slice(2).flatMap((a) => (a === "int" ? ["int:sqlite", "int:postgres"] : [a]));
const unknown = asked.filter((a) => !(PARTS as readonly string[]).includes(a));
if (unknown.length) {
  console.error(`Unknown part(s): ${unknown.join(", ")}. Parts: ${PARTS.join(", ")}, int.`);
  process.exit(2);
}
const parts: Part[] = asked.length ? (asked as Part[]) : [...PARTS];

const totals = { passed: 0, failed: 0, skipped: 0 };
const summary: string[] = [];
/** Every failed test, with the first lines of its error: printed again under the summary, so a truncated log still names them. */
const failures: string[] = [];
let failedParts = 0;

function firstLines(message: string, n = 4): string {
  return message
    .split("\n")
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== "")
    .slice(0, n)
    .map((l) => `      ${l.slice(0, 240)}`)
    .join("\n");
}

/**
 * A part that prints nothing for this long is stopped: a test file's line is
 * printed when the file ends (the longest, the QR decode matrix, takes about a
 * minute), a Playwright test's when the test does. Once a unit run's vitest
 * pool sat idle mid-run, both processes waiting on each other, until CI's own
 * limit ended the whole run (vitest-dev/vitest#10543 describes such a hang).
 */
const STALL_MS = Number(process.env.TEST_STALL_MINUTES ?? 15) * 60_000;
/** The exit status a stopped part resolves with. */
const STALLED = -1;
/** The process groups of the commands running, stopped with this one. */
const children = new Set<number>();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    for (const pid of children) killGroup(pid);
    process.exit(130);
  });
}

function killGroup(pid: number) {
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // already gone
  }
}

/**
 * Runs a command with its output in a file of its own, in a process group of
 * its own; resolves with its exit status, or STALLED when it printed nothing
 * for STALL_MS and was stopped (the log then says so).
 */
function runLogged(log: string, cmd: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const out = createWriteStream(log);
    const child = spawn(cmd, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"], detached: true, env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", FORCE_COLOR: "0", ...env } });
    if (child.pid) children.add(child.pid);
    let last = Date.now();
    let stalled = false;
    const seen = () => (last = Date.now());
    child.stdout.on("data", seen).pipe(out, { end: false });
    child.stderr.on("data", seen).pipe(out, { end: false });
    const watch = setInterval(() => {
      if (Date.now() - last < STALL_MS || !child.pid) return;
      stalled = true;
      out.write(`\n!! No output for ${STALL_MS / 60_000} min: stopped (its processes were idle or stuck; see the files above for how far it got).\n`);
      killGroup(child.pid);
    }, 10_000);
    child.on("error", (err) => out.write(`${String(err)}\n`));
    child.on("close", (code) => {
      clearInterval(watch);
      if (child.pid) children.delete(child.pid);
      out.end(() => resolve(stalled ? STALLED : (code ?? 1)));
    });
  });
}

function banner(text: string) {
  console.log(`\n=== ${text} ${"=".repeat(Math.max(0, 70 - text.length))}`);
}

const running = new Map<string, number>();

/** A step run in the background: its output is printed whole, under its banner, when it ends. */
const logOf = (name: string) => path.join(tmp, `${name.replace(/[^a-z0-9]+/gi, "-")}.log`);

async function step(name: string, cmd: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  const log = logOf(name);
  running.set(name, Date.now());
  const status = await runLogged(log, cmd, args, env);
  const minutes = ((Date.now() - (running.get(name) ?? Date.now())) / 60_000).toFixed(1);
  running.delete(name);
  banner(`${name} (${minutes} min)`);
  process.stdout.write(readFileSync(log, "utf8"));
  return status;
}

function record(part: string, exitStatus: number, counts: { passed: number; failed: number; skipped: number } | null) {
  let status = exitStatus;
  const c = counts ?? { passed: 0, failed: status === 0 ? 0 : 1, skipped: 0 };
  if (status !== 0 && c.failed === 0) c.failed = 1; // a run that crashed counts as a failure
  if (ci && c.skipped > 0) {
    console.error(`${part}: ${c.skipped} test(s) skipped. Under CI=true nothing may be skipped.`);
    c.failed += c.skipped;
    status = 1;
  }
  totals.passed += c.passed;
  totals.failed += c.failed;
  totals.skipped += c.skipped;
  if (status !== 0) failedParts++;
  summary.push(`${part.padEnd(14)} ${status === 0 ? "ok    " : "FAILED"} ${c.passed} passed, ${c.failed} failed`);
}

/** The test files of a vitest part that its log shows no result for (each file's line is printed when it ends). */
function unfinishedFiles(log: string, env: Record<string, string>): string[] {
  const done = new Set([...readFileSync(log, "utf8").replace(/\u001b\[[0-9;]*m/g, "").matchAll(/^\s*[✓❯×↓]\s+(?:\|[^|]+\|\s+)?(\S+\.test\.ts)\b/gm)].map((m) => m[1]));
  const listed = spawnSync(bin("vitest"), ["list", "--filesOnly"], { cwd: root, encoding: "utf8", env: { ...process.env, FORCE_COLOR: "0", ...env } });
  const files = listed.stdout.split("\n").map((l) => l.trim().replace(/^\[[^\]]+\]\s+/, "")).filter((l) => l.endsWith(".test.ts"));
  return files.filter((f) => !done.has(f));
}

/** A vitest part; one that stalls (STALL_MS) is run once more, and says so in the summary, with the files it had not finished. */
async function vitest(part: Part, env: Record<string, string>, again = true): Promise<void> {
  const out = path.join(tmp, `${part.replace(":", "-")}.json`);
  const status = await step(part, bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`], env);
  if (status === STALLED) {
    const left = unfinishedFiles(logOf(part), env);
    const what = `${part} stalled: no output for ${STALL_MS / 60_000} min, with ${left.length} file(s) not finished: ${left.join(" ")}`;
    console.error(what);
    failures.push(what);
    if (again) {
      console.log(`${part}: running it again, once.`);
      summary.push(`${part.padEnd(14)} STALLED, run again below`);
      return vitest(part, env, false);
    }
  }
  let counts = null;
  if (existsSync(out)) {
    const r = JSON.parse(readFileSync(out, "utf8")) as {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
      numTotalTests: number;
      testResults: { name: string; status: string; message?: string; assertionResults: { fullName: string; status: string; failureMessages: string[] }[] }[];
    };
    counts = { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests };
    for (const file of r.testResults) {
      const name = path.relative(root, file.name);
      const failed = file.assertionResults.filter((a) => a.status === "failed");
      for (const a of failed) failures.push(`${part}: ${name} › ${a.fullName}\n${firstLines(a.failureMessages.join("\n"))}`);
      if (file.status === "failed" && failed.length === 0) failures.push(`${part}: ${name} (the file failed)\n${firstLines(file.message ?? "")}`);
    }
    if (r.numTotalTests === 0) {
      console.error(`${part}: no tests ran`);
      counts.failed++;
    }
  }
  record(part, status, counts);
}

async function postgresReachable(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return null;
  } catch (err) {
    return (err as Error).message;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function browserAvailable(): boolean {
  const found = systemChromium();
  return found ? existsSync(found) : existsSync(chromium.executablePath());
}

type PwSuite = {
  title: string;
  file?: string;
  suites?: PwSuite[];
  specs?: { title: string; file: string; line: number; ok: boolean; tests: { projectName: string; status: string; results: { error?: { message?: string } }[] }[] }[];
};

function collectPlaywrightFailures(part: string, suites: PwSuite[], titles: string[]) {
  for (const suite of suites) {
    const inner = suite.file && titles.length === 0 ? [] : [...titles, suite.title];
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests) {
        if (t.status !== "unexpected") continue;
        const error = t.results.at(-1)?.error?.message ?? "";
        failures.push(`${part}: ${spec.file}:${spec.line} › ${[...inner, spec.title].join(" › ")} [${t.projectName}]\n${firstLines(error.replace(/\u001b\[[0-9;]*m/g, ""))}`);
      }
    }
    collectPlaywrightFailures(part, suite.suites ?? [], inner);
  }
}

async function playwright(part: string, args: string[], env: Record<string, string> = {}) {
  const out = path.join(tmp, `${part.replace(/[^a-z0-9]+/gi, "-")}.json`);
  const status = await step(part, bin("playwright"), ["test", "--reporter=list,json", ...args], { PLAYWRIGHT_JSON_OUTPUT_NAME: out, ...env });
  let counts = null;
  if (existsSync(out)) {
    const r = JSON.parse(readFileSync(out, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number }; suites?: PwSuite[] };
    counts = { passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected, skipped: r.stats.skipped };
    collectPlaywrightFailures(part, r.suites ?? [], []);
    if (counts.passed + counts.failed === 0) counts.failed++;
  }
  record(part, status, counts);
}

/** The specs e2e:postgres runs again. */
const ON_POSTGRES = ["auth.spec.ts", "api-links.spec.ts", "api-qr.spec.ts", "redirect.spec.ts"];

/**
 * About how long each e2e spec file takes, in seconds (both halves side by side,
 * in the headless shell: CI's times of 2026-12-02, scaled by what each file
 * saved when its accounts came from signUpOverHttp and axe ran in the page,
 * measured on this 2-core machine the same day; only the proportions matter).
 * A file not listed counts as 60.
 */
const E2E_SECONDS: Record<string, number> = {
  "analytics.spec.ts": 124, "a11y-desktop.spec.ts": 97, "links.spec.ts": 97, "links-first-hour.spec.ts": 95, "auth.spec.ts": 90, "a11y-phone.spec.ts": 90,
  "security.spec.ts": 76, "bio-a11y.spec.ts": 69, "keyboard.spec.ts": 69, "account.spec.ts": 65, "analytics-live.spec.ts": 61, "bio.spec.ts": 59, "campaigns.spec.ts": 58,
  "command-menu.spec.ts": 54, "team.spec.ts": 43, "qr.spec.ts": 42, "redirect.spec.ts": 30, "workspaces.spec.ts": 27, "qr-new.spec.ts": 25, "domains.spec.ts": 25,
  "csv.spec.ts": 24, "api-links.spec.ts": 15, "domain-status.spec.ts": 14, "account-avatar.spec.ts": 10, "link-expiry.spec.ts": 9, "api-qr.spec.ts": 9,
};
const E2E_POSTGRES_SECONDS = 152;
/**
 * How long the parts before the e2e halves take, in seconds (a clean clone's
 * CI, 2026-12-02, 0ada478): unit and int:sqlite take about 2 min longer than
 * the build and int:postgres, so the second half takes that much more of the specs.
 */
const BEFORE_E2E_SECONDS = { unit: 114, build: 54, "int:sqlite": 720, "int:postgres": 666 };

/**
 * Every SQLite spec file in two halves whose lanes end at about the same time,
 * longest first, each to the lane that would end sooner: a lane starts with the
 * parts it runs before its half (of those asked), and the second half has
 * e2e:postgres after it. (Playwright's own --shard splits by count, which put
 * both accessibility runs, a third of all the time, in one half.)
 */
function e2eHalves(asked: readonly Part[]): [string[], string[]] {
  const files = readdirSync(path.join(root, "e2e")).filter((f) => f.endsWith(".spec.ts"));
  const cost = (f: string) => E2E_SECONDS[f] ?? 60;
  const out: [string[], string[]] = [[], []];
  const t = (part: keyof typeof BEFORE_E2E_SECONDS) => (part === "build" || asked.includes(part) ? BEFORE_E2E_SECONDS[part] : 0);
  // As main() runs them: unit beside the build, then int:sqlite; the build, then int:postgres.
  const load = [Math.max(t("unit"), t("build")) + t("int:sqlite"), t("build") + t("int:postgres") + (asked.includes("e2e:postgres") ? E2E_POSTGRES_SECONDS : 0)];
  for (const f of files.sort((a, b) => cost(b) - cost(a) || a.localeCompare(b))) {
    const i = load[0]! <= load[1]! ? 0 : 1;
    out[i].push(f);
    load[i]! += cost(f);
  }
  return out;
}

/** A Playwright file filter naming exactly one spec file (a plain argument is a regular expression matched anywhere in the path). */
const specFilter = (file: string) => `/(^|[\\/])e2e[\\/]${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$/`;

/**
 * The auth, API and redirect specs again, against PostgreSQL (a fresh database
 * of their own, dropped after) with Redis on (a database index of its own), so
 * route handlers, server actions and the next-auth adapter run there too. Its
 * server has a port and an output folder of its own, so it runs beside e2e.
 */
async function e2eOnPostgres() {
  const part: Part = "e2e:postgres";
  const server = process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
  const problem = await postgresReachable(server);
  if (problem) {
    banner(part);
    console.error(`PostgreSQL is not reachable (${problem}).`);
    record(part, ci ? 1 : 0, ci ? null : { passed: 0, failed: 0, skipped: 0 });
    return;
  }
  const name = `pennant_e2e_${Date.now()}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const redisBase = process.env.TEST_REDIS_URL || "redis://127.0.0.1:6379";
  // Each e2e server takes its port and the next (the specs' destination site): 10 apart.
  const port = Number(process.env.E2E_PORT ?? 3210) + 20;
  try {
    await playwright(part, ["--output=test-results-postgres", ...ON_POSTGRES.map(specFilter)], {
      E2E_DATABASE_URL: url.toString(),
      E2E_REDIS_URL: `${redisBase.replace(/\/\d*$/, "")}/3`,
      E2E_PORT: String(port),
    });
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
}

async function intPostgres() {
  const part: Part = "int:postgres";
  const url = process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
  const problem = await postgresReachable(url);
  if (problem) {
    const msg = `PostgreSQL is not reachable at ${url.replace(/\/\/[^@]*@/, "//")} (${problem}).`;
    if (ci) {
      banner(part);
      console.error(`${msg}\nUnder CI=true nothing may be skipped.`);
      record(part, 1, null);
      return;
    }
    console.warn(`\n${"!".repeat(78)}\n!! WARNING: ${msg}\n!! Integration tests on PostgreSQL are NOT run. Set TEST_DATABASE_URL or start PostgreSQL.\n${"!".repeat(78)}`);
    summary.push(`${part.padEnd(14)} NOT RUN (PostgreSQL unreachable)`);
    return;
  }
  // Its own Redis port for the test that starts and stops a Redis, apart from int:sqlite's.
  const ownRedis = String(Number(process.env.TEST_OWN_REDIS_PORT ?? 6382) + 1);
  await vitest(part, { TEST_KIND: "int", TEST_DB: "postgres", TEST_DATABASE_URL: url, TEST_OWN_REDIS_PORT: ownRedis });
}

/** The production build e2e runs against; resolves with whether e2e can go on. */
async function build(): Promise<boolean> {
  if (!browserAvailable()) {
    console.log("No Chromium found: installing Playwright's own (npx playwright install chromium).");
    if (spawnSync(bin("playwright"), ["install", "chromium"], { cwd: root, stdio: "inherit" }).status !== 0) return false;
  }
  // Under CI the build is always fresh: a stale .next would test old code.
  if (!ci && process.env.E2E_SKIP_BUILD === "1") return true;
  return (await step("next build", bin("next"), ["build"])) === 0;
}

async function main() {
  const e2eParts = parts.filter((p) => p === "e2e" || p === "e2e:postgres");
  const heartbeat = setInterval(() => {
    const now = Date.now();
    console.log(`… running: ${[...running].map(([name, t]) => `${name} ${((now - t) / 60_000).toFixed(0)} min`).join(", ")}`);
  }, 120_000);

  const built = e2eParts.length ? build() : Promise.resolve(true);
  // Two halves of the SQLite specs, each with its own server, database, port and
  // output folder; the PostgreSQL specs follow the second half.
  const port = Number(process.env.E2E_PORT ?? 3210);
  const files = e2eHalves(parts);
  if (parts.includes("e2e")) console.log(`\ne2e (1/2): ${files[0].join(" ")}\ne2e (2/2), then e2e:postgres: ${files[1].join(" ")}`);
  const half = async (n: 1 | 2) => {
    if (!parts.includes("e2e")) return;
    if (!(await built.catch(() => false))) return record(`e2e (${n}/2)`, 1, null);
    await playwright(`e2e (${n}/2)`, [`--output=test-results${n === 1 ? "" : "-2"}`, ...files[n - 1]!.map(specFilter)], {
      E2E_PORT: String(port + (n === 1 ? 0 : 10)),
      E2E_DATABASE_URL: `file:${path.join(root, "data", `e2e-${Date.now()}-${n}.db`)}`,
    });
  };
  // Each lane goes on to its e2e half as soon as its own integration part ends
  // (no wait for the other lane: every part is CPU-bound, so a lane that waited
  // would leave a core idle). The servers and ports of e2e are apart from int's.
  const lane1 = (async () => {
    if (parts.includes("unit")) await vitest("unit", { TEST_KIND: "unit" });
    // After the build: the development-server test in this part shares .next with `next build`.
    await built.catch(() => false);
    if (parts.includes("int:sqlite")) await vitest("int:sqlite", { TEST_KIND: "int", TEST_DB: "sqlite" });
    await half(1);
  })();
  const lane2 = (async () => {
    await built.catch(() => false);
    if (parts.includes("int:postgres")) await intPostgres();
    await half(2);
    if (parts.includes("e2e:postgres")) {
      if (await built.catch(() => false)) await e2eOnPostgres();
      else record("e2e:postgres", 1, null);
    }
  })();
  await Promise.all([lane1, lane2]);
  clearInterval(heartbeat);

  banner("summary");
  for (const line of summary) console.log(line);
  if (failures.length) {
    banner("failed tests");
    for (const f of failures) console.log(f);
    banner("summary (again)");
    for (const line of summary) console.log(line);
  }
  console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`);
  process.exit(failedParts > 0 || totals.failed > 0 ? 1 : 0);
}

void main();
