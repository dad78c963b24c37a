// `npm run bench:bio`: how fast is a public bio page, next to the best this
// machine can do with the same bytes?
//
// A fresh SQLite database with one published page of 12 blocks of several
// kinds; Pennant's production server.ts (redirects and bio pages; no Next
// build needed, PENNANT_REDIRECT_ONLY=1) and, as the ceiling, a bare node:http
// server answering the same HTML bytes, measured alternately with autocannon
// at 50 connections. After a SIGTERM drain: page views stored against page
// views answered. Prints req/s, p50, p99, the ratio and the targets. The
// percentiles are of every response of all rounds together, from the times
// autocannon measures (its own percentiles are whole milliseconds: a ceiling
// at 2.x ms read as 2 or 3, which moved the p99 target by a third).
// Knobs: BENCH_DURATION (s, 10), BENCH_ROUNDS (2), BENCH_CONNECTIONS (50).
import "./register-server-only";
import { spawn } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon, { type Result } from "autocannon";
import { freePort, startRedirectServer } from "@/tests/redirect-server";

const num = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const cfg = { duration: num("BENCH_DURATION", 10), rounds: num("BENCH_ROUNDS", 2), connections: num("BENCH_CONNECTIONS", 50) };
const USER_AGENT = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";
const log = (m: string) => console.log(`[bench:bio] ${m}`);

const dir = path.join(os.tmpdir(), `pennant-bench-bio-${Date.now()}`);
mkdirSync(dir, { recursive: true });
const port = await freePort();
process.env.DATABASE_URL = `file:${path.join(dir, "bench.db")}`;
process.env.APP_URL = `http://127.0.0.1:${port}`;
process.env.AUTH_SECRET ??= "bench-secret-bench-secret-bench-secret";

const { migrateDatabase } = await import("@/lib/db/migrate");
migrateDatabase();
const { db } = await import("@/lib/db/client");
const { createUser } = await import("@/lib/users/create-user");
const { createWorkspace } = await import("@/lib/workspaces/create-workspace");
const { authorizeWorkspace } = await import("@/lib/auth/access");
const { createBioPage } = await import("@/lib/bio-pages/create-bio-page");
const { publishBioPage } = await import("@/lib/bio-pages/publish-bio-page");

const user = await createUser({ email: "bench@example.com", password: "correct horse battery", name: "Bench" });
const ws = await createWorkspace(user.id, { name: "Bench" });
const access = await authorizeWorkspace({ kind: "user", user }, ws.slug, "bio.write");
const page = await createBioPage(access, {
  handle: "benchpage",
  title: "Ana's Coffee Roasters",
  bio: "Small-batch coffee from Berlin. New beans every Friday.",
  blocks: [
    { type: "header", text: "This week" },
    { type: "link", label: "Shop the beans", url: "https://shop.example.com/beans" },
    { type: "link", label: "Subscription boxes", url: "https://shop.example.com/boxes" },
    { type: "text", text: "Roasted **every Friday** in Kreuzberg. [Visit us](https://example.com/visit)." },
    { type: "embed", url: "https://www.youtube.com/watch?v=dQw4w9WgXcQ", title: "How we roast" },
    { type: "link", label: "Wholesale", url: "https://example.com/wholesale" },
    { type: "social", items: [{ network: "instagram", value: "https://instagram.com/ana" }, { network: "tiktok", value: "https://tiktok.com/@ana" }, { network: "email", value: "hello@example.com" }] },
    { type: "header", text: "Say hello" },
    { type: "contact", name: "Ana", email: "hello@example.com", phone: "+49 30 1234567" },
    { type: "subscribe", heading: "The Friday letter", consentText: "Send me the Friday letter. I can unsubscribe at any time." },
    { type: "link", label: "Opening hours", url: "https://example.com/hours" },
    { type: "text", text: "Thanks for stopping by *☕*" },
  ],
});
await publishBioPage(access, page.id);
await db().$disconnect();

const server = await startRedirectServer({ DATABASE_URL: process.env.DATABASE_URL, APP_URL: process.env.APP_URL, CLICK_SPILL_FILE: path.join(dir, "spill.jsonl") }, port);
// Uncompressed, as autocannon asks for it (fetch would ask for gzip and hand back the inflated bytes under gzip's headers).
const first = await fetch(`http://127.0.0.1:${port}/@benchpage`, { headers: { "user-agent": "curl/8.5.0", "accept-encoding": "identity" } });
const html = Buffer.from(await first.arrayBuffer());
if (first.headers.get("content-encoding")) throw new Error("the page came back compressed: the ceiling would send wrong bytes");
const headers = Object.fromEntries([...first.headers.entries()].filter(([k]) => !["date", "connection", "keep-alive", "transfer-encoding", "content-encoding"].includes(k)));
writeFileSync(path.join(dir, "page.html"), html);
writeFileSync(path.join(dir, "headers.json"), JSON.stringify(headers));
// What a phone downloads: the bytes on the wire when it accepts brotli and gzip, as browsers do.
const { request } = await import("node:http");
const wire = (urlPath: string) =>
  new Promise<{ bytes: number; encoding: string }>((resolve, reject) => {
    request({ host: "127.0.0.1", port, path: urlPath, headers: { "accept-encoding": "br, gzip", "user-agent": "curl/8.5.0" } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ bytes: Buffer.concat(chunks).length, encoding: String(res.headers["content-encoding"] ?? "none") }));
    }).on("error", reject).end();
  });
const gz = (await wire("/@benchpage")).bytes;
const assets = [...html.toString().matchAll(/(?:href|src)="(\/_bio\/[^"]+\.(?:css|js))"/g)].map((m) => m[1]!);
let assetBytes = 0;
let fontBytes = 0;
for (const a of assets) {
  assetBytes += (await wire(a)).bytes;
  // The page's theme font (woff2: compressed already), fetched by the browser when the theme uses it.
  const text = await (await fetch(`http://127.0.0.1:${port}${a}`)).text();
  for (const m of text.matchAll(/url\((\/_bio\/[^)]+\.woff2)\)/g)) fontBytes += (await wire(m[1]!)).bytes;
}
log(`page: ${html.length} bytes of HTML, ${gz} on the wire; ${assets.length} assets (${assets.join(", ")}) ${assetBytes} bytes on the wire; font ${fontBytes}`);

// The ceiling: the same bytes and headers from a bare node:http server, in its own process.
const ceilingPort = await freePort();
const ceilingSrc = `const http=require("node:http"),fs=require("node:fs");const body=fs.readFileSync(${JSON.stringify(path.join(dir, "page.html"))});const h=JSON.parse(fs.readFileSync(${JSON.stringify(path.join(dir, "headers.json"))},"utf8"));const s=http.createServer((q,r)=>{r.writeHead(200,h);r.end(body)});s.keepAliveTimeout=65000;s.listen(${ceilingPort},"127.0.0.1",()=>console.log("ready"));process.on("SIGTERM",()=>process.exit(0));`;
const ceiling = spawn(process.execPath, ["-e", ceilingSrc], { stdio: ["ignore", "pipe", "inherit"] });
await new Promise<void>((resolve) => ceiling.stdout!.once("data", () => resolve()));

// Every response's time (ms, fractional), for the percentiles (see the top of this file).
const times = { ceiling: [] as number[], pennant: [] as number[] };
const run = async (p: number, urlPath: string, into: number[]): Promise<Result> => {
  const instance = autocannon({ url: `http://127.0.0.1:${p}${urlPath}`, connections: cfg.connections, duration: cfg.duration, headers: { "user-agent": USER_AGENT, accept: "text/html" } });
  instance.on("response", (_client, _status, _bytes, ms) => into.push(ms));
  return instance;
};
/** The q-quantile of all the rounds' responses together. */
const quantile = (ms: number[], q: number) => {
  const sorted = Float64Array.from(ms).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};

const sums = { ceiling: [] as Result[], pennant: [] as Result[] };
for (let round = 1; round <= cfg.rounds; round++) {
  log(`round ${round}/${cfg.rounds}: ceiling`);
  sums.ceiling.push(await run(ceilingPort, "/@benchpage", times.ceiling));
  log(`round ${round}/${cfg.rounds}: Pennant`);
  sums.pennant.push(await run(port, "/@benchpage", times.pennant));
}
ceiling.kill("SIGTERM");
const answered = sums.pennant.reduce((n, r) => n + (r.statusCodeStats["200"]?.count ?? 0), 0);
const inFlight = sums.pennant.reduce((n, r) => n + Math.max(0, r.requests.sent - r.requests.total), 0);
log("draining (SIGTERM) and counting stored views…");
await server.stop("SIGTERM");
const { createDb } = await import("@/lib/db/create-db");
const fresh = createDb(process.env.DATABASE_URL);
const stored = await fresh.click.count({ where: { bioPageId: page.id, event: "view", bot: false } });
await fresh.$disconnect();

const avg = (rs: Result[], f: (r: Result) => number) => rs.reduce((n, r) => n + f(r), 0) / rs.length;
const fig = (rs: Result[], ms: number[]) => ({ rps: avg(rs, (r) => r.requests.average), p50: quantile(ms, 0.5), p99: quantile(ms, 0.99) });
const c = fig(sums.ceiling, times.ceiling);
const p = fig(sums.pennant, times.pennant);
const ratio = p.rps / c.rps;
console.log("");
console.log(`| ${cfg.connections} connections, ${cfg.rounds} × ${cfg.duration} s | req/s | p50 | p99 |`);
console.log("| --- | ---: | ---: | ---: |");
console.log(`| ceiling, bare node:http, same bytes | ${c.rps.toFixed(0)} | ${c.p50.toFixed(2)} ms | ${c.p99.toFixed(2)} ms |`);
console.log(`| Pennant /@handle (views recorded) | ${p.rps.toFixed(0)} | ${p.p50.toFixed(2)} ms | ${p.p99.toFixed(2)} ms |`);
console.log("");
console.log(`ratio ${ratio.toFixed(2)} (target >= 0.5: ${ratio >= 0.5 ? "met" : "NOT met"}); p99 ${(p.p99 / Math.max(c.p99, 1)).toFixed(2)}x the ceiling's (target <= 2: ${p.p99 <= 2 * Math.max(c.p99, 1) ? "met" : "NOT met"})`);
console.log(`views stored / answered: ${stored} / ${answered} (${inFlight} more in flight at the end) — ${stored >= answered ? "none lost" : `${answered - stored} LOST`}`);
const firstLoad = gz + assetBytes + fontBytes;
console.log(`first load besides images: ${firstLoad} bytes on the wire (HTML ${gz} + CSS/JS ${assetBytes}, brotli + font ${fontBytes} woff2; target <= 51,200: ${firstLoad <= 51_200 ? "met" : "NOT met"})`);
rmSync(dir, { recursive: true, force: true });
process.exit(0);
