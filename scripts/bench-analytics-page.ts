// npm run bench:analytics:page -- <database> [--filter device=mobile]... [--values US,DE,GB,FR,IT] [--range 365d] [--export]
//
// The dashboard as a browser gets it, from Pennant's real production server
// (server.ts with the Next build: run `npm run build` first) on a database
// `bench:analytics` kept (BENCH_KEEP_DB=1; the SQLite file's path, or a
// PostgreSQL URL). A viewer is made in the seeded workspace and signs in over
// HTTP. Once the server's cache warm-up has ended, one view is asked and not
// counted (the process's first compiles); then one view per country in
// `--values`, each with the `--filter`s (a country each, so no view repeats
// another's question). For each view: when its first bytes came (the page's
// shell: navigation, header and the loading state) and when the whole page
// had come, and meanwhile a visitor opening a short link of the workspace
// every 10 ms: how long those redirects waited (the server in front answers
// them while the app's own process works the view out; with
// PENNANT_NEXT_IN_PROCESS=1, one thread does both). `--export`: the same questions as raw-click CSV
// exports (Analytics → Raw clicks), each read to its end. The viewer (and the
// personal workspace signing up gave it) is deleted at the end.
import "./register-server-only";
import http from "node:http";
import { existsSync } from "node:fs";
import path from "node:path";
import { startRedirectServer } from "@/tests/redirect-server";

const args = process.argv.slice(2);
const flag = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1]! : fallback;
};
const target = args.find((a, i) => !a.startsWith("--") && !args[i - 1]?.startsWith("--"));
if (!target) {
  console.error("usage: npm run bench:analytics:page -- <kept SQLite file | postgres URL> [--filter device=mobile]... [--values US,DE] [--range 365d] [--export]");
  process.exit(2);
}
const root = path.resolve(import.meta.dirname, "..");
if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
  console.error("No Next build: run `npm run build` first (the page is measured as production serves it).");
  process.exit(2);
}
const url = target.startsWith("postgres") ? target : `file:${path.resolve(target)}`;
process.env.DATABASE_URL = url;
const filters = args.flatMap((a, i) => (args[i - 1] === "--filter" ? [a] : []));
const values = flag("values", "US,DE,GB,FR,IT").split(",");
const range = flag("range", "365d");
const exporting = args.includes("--export");
const from = range === "365d" ? `from=${new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10)}` : `range=${range}`;

const { db } = await import("@/lib/db/client");
const { createUser } = await import("@/lib/users/create-user");
const { deleteAccount } = await import("@/lib/account/delete-account");
const ws = await db().workspace.findFirstOrThrow({ where: { slug: { startsWith: "bench-" }, NOT: { slug: { startsWith: "bench-live" } } } });
const link = await db().link.findFirstOrThrow({ where: { workspaceId: ws.id }, orderBy: { createdAt: "asc" }, select: { domain: true, slug: true } });
const email = `page-bench-${Date.now()}@example.com`;
const password = "page bench password";
const user = await createUser({ email, password, name: "Page bench" }, { confirmed: true });
await db().membership.create({ data: { workspaceId: ws.id, userId: user.id, role: "viewer" } });

const BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36";
interface Answer {
  status: number;
  first: number;
  end: number;
  headers: http.IncomingHttpHeaders;
  /** The body, or (an export's) its first 64 kB. */
  body: string;
  bytes: number;
}
/** `keep`: how many bytes of the body to keep (an export's few MB are counted, not kept). */
function get(port: number, pathname: string, headers: Record<string, string>, method = "GET", body?: string, keep = Infinity): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const req = http.request({ host: "127.0.0.1", port, path: pathname, method, headers }, (res) => {
      let first = -1;
      let bytes = 0;
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => {
        if (first < 0) first = performance.now() - t;
        if (bytes < keep) chunks.push(c);
        bytes += c.length;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, first: first < 0 ? performance.now() - t : first, end: performance.now() - t, headers: res.headers, body: Buffer.concat(chunks).toString(), bytes }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

// BENCH_SERVER_NODE_ARGS: node flags for the server (a CPU profile: "--cpu-prof --cpu-prof-dir=/tmp/prof").
const serverArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
// Started inside the try: a server that fails to start still has the viewer deleted.
let server: Awaited<ReturnType<typeof startRedirectServer>> | null = null;
try {
  server = await startRedirectServer({ PENNANT_REDIRECT_ONLY: "", PENNANT_SKIP_MIGRATE: "1", DATABASE_URL: url }, undefined, serverArgs);
  const port = server.port;
  const host = `localhost:${port}`;
  // Signing in as a browser does: the CSRF token, then the credentials.
  const csrf = await get(port, "/api/auth/csrf", { host });
  const jar = new Map<string, string>();
  const keep = (a: Answer) => {
    for (const c of ([] as string[]).concat(a.headers["set-cookie"] ?? [])) {
      const [pair] = c.split(";");
      const at = pair!.indexOf("=");
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  };
  keep(csrf);
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const form = new URLSearchParams({ csrfToken: (JSON.parse(csrf.body) as { csrfToken: string }).csrfToken, email, password, callbackUrl: `http://${host}/dashboard` });
  const signedIn = await get(port, "/api/auth/callback/credentials", { host, cookie: cookie(), "content-type": "application/x-www-form-urlencoded" }, "POST", form.toString());
  keep(signedIn);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in failed (${signedIn.status})`);
  // The server warms its cache a moment after it starts: the views are asked once it has.
  const deadline = Date.now() + 300_000;
  while (!/analytics cache warmed|warming the analytics cache failed/.test(server.output()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  console.log(server.output().split("\n").find((l) => l.includes("cache warmed")) ?? "[bench] the warm-up did not report");
  console.log(server.output().split("\n").find((l) => l.includes("pages warmed")) ?? "[bench] no pages warmed");

  const view = async (country: string) => {
    const q = [from, `country=${country}`, ...filters].join("&");
    let done = false;
    const headers = { host, cookie: cookie(), "user-agent": BROWSER, accept: "text/html" };
    const page = (exporting ? get(port, `/w/${ws.slug}/analytics/export?${q}`, headers, "GET", undefined, 65_536) : get(port, `/w/${ws.slug}/analytics?${q}`, headers)).finally(() => (done = true));
    const waits: number[] = [];
    while (!done) {
      const r = await get(port, `/${link.slug}`, { host: link.domain, "user-agent": BROWSER });
      if (r.status < 300 || r.status >= 400) throw new Error(`the short link answered ${r.status}`);
      waits.push(r.end);
      await new Promise((r) => setTimeout(r, 10));
    }
    const p = await page;
    if (p.status !== 200 || !(exporting ? p.body.slice(0, 100).includes("id,createdAt") : p.body.includes("Clicks"))) throw new Error(`the ${exporting ? "export" : "dashboard"} answered ${p.status}`);
    waits.sort((a, b) => a - b);
    return { q, first: p.first, end: p.end, bytes: p.bytes, redirects: waits.length, median: waits[Math.floor(waits.length / 2)]!, slowest: waits.at(-1)! };
  };
  const warmup = await view("JP");
  console.log(`not counted (the process's first ${exporting ? "export" : "view"}): first bytes ${warmup.first.toFixed(0)} ms, whole ${warmup.end.toFixed(0)} ms`);
  const rows = [];
  for (const v of values) rows.push(await view(v));
  console.log(`\n${target.startsWith("postgres") ? "PostgreSQL" : "SQLite"}: ${range}${filters.length ? `, ${filters.join(", ")}` : ""}, one country ${exporting ? "an export" : "a view"}`);
  if (exporting) {
    console.log("| export | first bytes | whole file | size | redirects meanwhile | their median / slowest wait |");
    console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
    for (const r of rows) console.log(`| ${r.q} | ${r.first.toFixed(0)} ms | ${r.end.toFixed(0)} ms | ${(r.bytes / 2 ** 20).toFixed(1)} MB | ${r.redirects} | ${r.median.toFixed(1)} / ${r.slowest.toFixed(1)} ms |`);
  } else {
    console.log("| view | shell (first bytes) | whole page | redirects meanwhile | their median / slowest wait |");
    console.log("| --- | ---: | ---: | ---: | ---: |");
    for (const r of rows) console.log(`| ${r.q} | ${r.first.toFixed(0)} ms | ${r.end.toFixed(0)} ms | ${r.redirects} | ${r.median.toFixed(1)} / ${r.slowest.toFixed(1)} ms |`);
  }
} finally {
  await server?.stop();
  await deleteAccount({ id: user.id, email, name: "Page bench" }, { confirm: email }); // with its own personal workspace
  await db().$disconnect();
}
