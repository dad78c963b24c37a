// The set-up every redirect integration test shares: a port whose address is
// the app's domain (APP_URL is set here, before any lib/ module reads it, so
// this process and the servers it starts agree on the links' default domain),
// a workspace to make links in, and requests from a browser.
import { spawn, type ChildProcess } from "node:child_process";
import type { WorkspaceAccess } from "@/lib/auth/access";
import type { Permission } from "@/lib/auth/permissions";
import { freePort, getOnHost } from "./redirect-server";

export const HUMAN = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

export interface RedirectTestbed {
  /** The port whose address is APP_URL (start the first server on it). */
  port: number;
  /** The links' default domain, "localhost:<port>". */
  domain: string;
  /** A GET with the links' domain as Host, to a server on any port, as a browser. */
  get: (path: string, port?: number) => ReturnType<typeof getOnHost>;
  /** Access to a new workspace of a new user, allowed `permission`. */
  workspace: (name: string, permission?: Permission) => Promise<WorkspaceAccess>;
}

/** Call at the top of a test file, before importing any lib/ module. */
export async function redirectTestbed(): Promise<RedirectTestbed> {
  const port = await freePort();
  process.env.APP_URL = `http://localhost:${port}`;
  const domain = `localhost:${port}`;
  const { createWorkspace } = await import("@/lib/workspaces/create-workspace");
  const { accessFor, makeUser } = await import("./factories");
  return {
    port,
    domain,
    get: (path, on = port) => getOnHost(on, domain, path, HUMAN),
    workspace: async (name, permission = "links.write") => {
      const user = await makeUser(name.toLowerCase().replace(/[^a-z0-9]+/g, "-"));
      const ws = await createWorkspace(user.id, { name });
      return accessFor(user, ws.slug, permission);
    },
  };
}

/**
 * Reads until `ok` holds or the deadline passes (then returns the last read,
 * for the caller's assertion to show). Polls; never sleeps a fixed time.
 */
export async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, withinMs = 15_000): Promise<T> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A Redis of the test's own (never the shared one) on TEST_OWN_REDIS_PORT, to stop and restart at will. */
export const OWN_REDIS_PORT = Number(process.env.TEST_OWN_REDIS_PORT ?? 6382);

export function startOwnRedis(): Promise<ChildProcess> {
  const proc = spawn("redis-server", ["--port", String(OWN_REDIS_PORT), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: ["ignore", "pipe", "ignore"] });
  return new Promise((resolve, reject) => {
    let out = "";
    proc.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      if (out.includes("Ready to accept connections")) resolve(proc);
    });
    proc.on("exit", (code) => reject(new Error(`redis-server exited (${code}): ${out}`)));
  });
}

export const stopOwnRedis = (proc: ChildProcess) =>
  new Promise<void>((resolve) => (proc.exitCode !== null ? resolve() : (proc.once("exit", () => resolve()), proc.kill("SIGKILL"))));
