// `npm run weight`: first-load JavaScript of every dashboard page, compressed
// (gzip, as served) and raw, against the production build (`npm run build`
// first). Starts its own server on WEIGHT_PORT (default 3369) with a fresh
// SQLite database, signs up, creates a link, reads each page's <script src>
// list as a browser receives it, and exits 1 when a page is over the budget.
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import { systemChromium } from "../tests/system-chromium";

const BUDGET_KB = Number(process.env.WEIGHT_BUDGET_KB ?? 200);
const port = Number(process.env.WEIGHT_PORT ?? 3369);
const base = `http://localhost:${port}`;
const root = path.resolve(import.meta.dirname, "..");
const db = `file:${path.join(mkdtempSync(path.join(os.tmpdir(), "pennant-weight-")), "weight.db")}`;
const executablePath = systemChromium();

const server = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
  cwd: root,
  stdio: ["ignore", "ignore", "inherit"],
  env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", APP_URL: base, DATABASE_URL: db, AUTH_SECRET: "weight-secret-weight-secret-weight-secret", PENNANT_DEV_OUTBOX: "1", REDIS_URL: "", SMTP_URL: "", NEXT_TELEMETRY_DISABLED: "1" },
});

async function waitForServer() {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the server did not start");
}

const sizes = new Map<string, { raw: number; gz: number }>();
async function size(src: string) {
  let s = sizes.get(src);
  if (!s) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    s = { raw: body.length, gz: gzipSync(body, { level: 9 }).length };
    sizes.set(src, s);
  }
  return s;
}

try {
  await waitForServer();
  const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: ["--no-sandbox", "--disable-gpu"] });
  const page = await browser.newPage({ baseURL: base });
  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Weigh");
  const email = `weight-${Date.now()}@example.com`;
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByRole("button", { name: "Create account" }).click();
  // Confirmed through the local outbox, as a developer does.
  await page.getByRole("link", { name: "local outbox" }).click();
  await page.getByTestId("outbox-mail").filter({ hasText: email }).first().getByRole("link", { name: "Open the link" }).click();
  await page.getByRole("button", { name: "Confirm and sign in" }).click();
  await page.waitForURL(/\/w\/[a-z0-9-]+\/links$/);
  const ws = new URL(page.url()).pathname.replace(/\/links$/, "");
  await page.getByLabel("Paste a URL to shorten").fill("https://example.com/weight");
  await page.getByLabel("Paste a URL to shorten").press("Enter");
  await page.getByTestId("link-row").first().waitFor();
  const linkId = await page.getByTestId("link-row").first().getAttribute("data-row-id");

  const pages = [
    "links", "links/new", `links/${linkId}`, "links/import", "campaigns", "qr", `qr/${linkId}`, "bio", "analytics",
    "settings", "settings/members", "settings/domains", "settings/api-keys", "settings/channels",
  ];
  let over = 0;
  console.log(`${"page".padEnd(34)} ${"gzip KB".padStart(8)} ${"raw KB".padStart(8)}  scripts`);
  for (const p of pages) {
    const res = await page.goto(`${ws}/${p}`);
    if (!res || res.status() >= 400) {
      console.log(`${p.padEnd(34)} ${"-".padStart(8)} ${"-".padStart(8)}  HTTP ${res?.status()}`);
      continue;
    }
    // Scripts marked noModule (legacy polyfills) are never fetched by the browsers Pennant supports.
    const srcs = await page.evaluate(() => [...document.querySelectorAll("script[src]:not([nomodule])")].map((s) => (s as HTMLScriptElement).src));
    let raw = 0;
    let gz = 0;
    for (const src of srcs) {
      const s = await size(src);
      raw += s.raw;
      gz += s.gz;
    }
    const flag = gz / 1024 > BUDGET_KB ? "  OVER" : "";
    if (flag) over++;
    console.log(`${`/w/…/${p.replace(linkId ?? "", ":id")}`.padEnd(34)} ${(gz / 1024).toFixed(1).padStart(8)} ${(raw / 1024).toFixed(1).padStart(8)}  ${srcs.length}${flag}`);
    // WEIGHT_DETAIL=1: each script of the page, to see what to cut.
    if (process.env.WEIGHT_DETAIL) for (const src of srcs) console.log(`    ${((await size(src)).gz / 1024).toFixed(1).padStart(8)}  ${new URL(src).pathname}`);
  }
  console.log(`budget: ${BUDGET_KB} KB compressed per page; ${over} over`);
  await browser.close();
  process.exitCode = over ? 1 : 0;
} finally {
  server.kill("SIGTERM");
}
