import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "@/tests/redirect-server";

// A server that cannot serve says so: a non-zero exit within seconds and one
// clear line, never a process left alive listening on nothing.
const root = path.resolve(import.meta.dirname, "../..");
let taken: Server;
let port: number;

beforeAll(async () => {
  port = await freePort();
  taken = createServer();
  await new Promise<void>((resolve) => taken.listen(port, "127.0.0.1", resolve));
});
afterAll(() => new Promise<void>((resolve) => taken.close(() => resolve())));

function start(env: Record<string, string>): Promise<{ code: number | null; output: string; killed: boolean }> {
  return new Promise((resolve) => {
    let output = "";
    const proc = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
      cwd: root,
      env: { ...process.env, NODE_ENV: "production", PENNANT_REDIRECT_ONLY: "1", PENNANT_SKIP_MIGRATE: "1", AUTH_SECRET: "start-test-secret-start-test-secret-0000", APP_URL: `http://localhost:${port}`, PORT: String(port), HOST: "127.0.0.1", REDIS_URL: "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    proc.stdout.on("data", (d: Buffer) => (output += d.toString()));
    proc.stderr.on("data", (d: Buffer) => (output += d.toString()));
    // Generous for a loaded machine; the supervisor's view is "it exited non-zero".
    const timer = setTimeout(() => proc.kill("SIGKILL"), 75_000);
    proc.on("exit", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, output, killed: signal === "SIGKILL" });
    });
  });
}

describe("a server that cannot start", () => {
  it.each([
    ["without Redis", {}],
    ["with an unreachable REDIS_URL", { REDIS_URL: "redis://127.0.0.1:6392" }],
    ["with a live Redis", { REDIS_URL: process.env.TEST_REDIS_URL || "redis://127.0.0.1:6379" }],
  ])("exits non-zero with one clear line when its port is taken (%s)", async (_label, env) => {
    const { code, output, killed } = await start(env);
    expect(killed).toBe(false);
    expect(code).toBe(1);
    expect(output).toContain(`[pennant] cannot start: port ${port} on 127.0.0.1 is already in use`);
    expect(output).not.toMatch(/uncaught|MaxRetriesPerRequestError/i);
  }, 90_000);

  it("exits non-zero naming the setting when the settings are bad", async () => {
    const { code, output } = await start({ PORT: String(await freePort()), APP_URL: "not a url" });
    expect(code).toBe(1);
    expect(output).toMatch(/\[pennant\] cannot start: Invalid environment[\s\S]*APP_URL/);
  }, 90_000);
});

/**
 * Runs `fn` holding a lock shared by every process on this machine (a directory
 * made atomically): `npm test` runs the SQLite and PostgreSQL suites side by
 * side in one checkout, and each writes and deletes the same .env file. A lock
 * left by a run that died is taken over after two minutes.
 */
async function holdingLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const lock = path.join(tmpdir(), `pennant-${createHash("sha256").update(`${root}:${name}`).digest("hex").slice(0, 16)}.lock`);
  for (const deadline = Date.now() + 120_000; ; ) {
    try {
      mkdirSync(lock);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const age = (() => {
        try {
          return Date.now() - statSync(lock).mtimeMs;
        } catch {
          return 0; // released meanwhile
        }
      })();
      if (age > 120_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`waited two minutes for ${lock}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

describe("settings from .env files", () => {
  // NODE_ENV=test reads .env.test.local (and not the .env.local a developer may have),
  // so this file, written for a moment, is read by this server only.
  const file = path.join(root, ".env.test.local");

  it("listens on the PORT and HOST set in a .env file", () => holdingLock(".env.test.local", async () => {
    const envPort = await freePort();
    writeFileSync(file, `PORT=${envPort}\nHOST=127.0.0.1\n`);
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "test", PENNANT_REDIRECT_ONLY: "1", PENNANT_SKIP_MIGRATE: "1", AUTH_SECRET: "start-test-secret-start-test-secret-0000", APP_URL: `http://localhost:${envPort}` };
    delete env.PORT;
    delete env.HOST;
    delete env.HOSTNAME;
    delete env.REDIS_URL;
    const proc = spawn(process.execPath, ["--import", "tsx", "server.ts"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    proc.stdout.on("data", (d: Buffer) => (output += d.toString()));
    proc.stderr.on("data", (d: Buffer) => (output += d.toString()));
    const exited = new Promise<void>((resolve) => proc.on("exit", () => resolve()));
    try {
      const deadline = Date.now() + 60_000;
      while (!output.includes("[pennant] ready") && proc.exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(output).toContain(`listening on 127.0.0.1:${envPort}`);
      // It answers there (a short link that does not exist: 404 from the redirect).
      expect((await fetch(`http://127.0.0.1:${envPort}/no-such-link`, { redirect: "manual" })).status).toBe(404);
    } finally {
      rmSync(file, { force: true });
      proc.kill("SIGTERM");
      await exited;
    }
  }), 210_000);
});
