// Starts Pennant's real server (redirects only: no Next build needed) as a
// child process on a free port, against the test run's database.
import { spawn, type ChildProcess } from "node:child_process";
import { request } from "node:http";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

export interface RunningServer {
  port: number;
  url: string;
  proc: ChildProcess;
  output: () => string;
  /** Sends the signal and waits for the process to exit; returns its exit code. */
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

/**
 * `via: "npm"` starts it the way a deployer does, with `npm start` (signals then
 * go to npm); `via: "dev"` starts the whole app (Next included) in development mode.
 */
export async function startRedirectServer(env: Record<string, string> = {}, port?: number, nodeArgs: string[] = [], via: "node" | "npm" | "dev" = "node"): Promise<RunningServer> {
  const p = port ?? (await freePort());
  let out = "";
  const script = via === "dev" ? ["server.ts", "--dev"] : ["server.ts"];
  const [command, args] = via === "npm" ? ["npm", ["start", "--silent"]] : [process.execPath, [...nodeArgs, "--import", "tsx", ...script]];
  const proc = spawn(command, args, {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PENNANT_REDIRECT_ONLY: "1",
      PENNANT_SKIP_MIGRATE: "1",
      AUTH_SECRET: "redirect-test-secret-redirect-test-secret",
      APP_URL: `http://localhost:${p}`,
      PORT: String(p),
      HOST: "127.0.0.1",
      REDIS_URL: "",
      CLICK_SPILL_FILE: path.join(os.tmpdir(), `pennant-spill-${p}-${Date.now()}.jsonl`),
      // Tests that need the daily analytics rollup build it themselves (lib/analytics/day-rollup.ts).
      PENNANT_DAY_ROLLUP: "0",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  proc.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  proc.stderr!.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => proc.on("exit", (code) => resolve(code)));
  const deadline = Date.now() + (via === "dev" ? 180_000 : 90_000); // generous: a loaded machine starts slowly
  while (!out.includes("[pennant] ready")) {
    if (proc.exitCode !== null) throw new Error(`server exited early:\n${out}`);
    if (Date.now() > deadline) {
      proc.kill("SIGKILL");
      throw new Error(`server did not start:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    port: p,
    url: `http://localhost:${p}`,
    proc,
    output: () => out,
    stop: async (signal = "SIGTERM") => {
      if (proc.exitCode === null) proc.kill(signal);
      return exited;
    },
  };
}

/** A GET to a server on this machine for any Host (fetch cannot set Host), not following redirects. */
export function getOnHost(port: number, host: string, path: string, userAgent: string): Promise<{ status: number; location: string | undefined; cacheControl: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, headers: { host, "user-agent": userAgent } }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, location: res.headers.location, cacheControl: res.headers["cache-control"] }));
    });
    req.on("error", reject);
    req.end();
  });
}
