import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * In production the app's pages run in a process of their own, a child of
 * the server, which answers short links and bio pages itself and hands
 * everything else to the child over a Unix socket (lib/http/next-proxy.ts).
 *
 * Why: Next, once loaded, charges every request of its process, the redirect's
 * too. On Node 20 its request context (AsyncLocalStorage) runs a hook at every
 * promise, timer and socket write, and it patches the clock, nextTick and
 * setImmediate; its background jobs (the daily rollup, the cache warm-up) and
 * a dashboard's own work share the same thread. Measured by `npm run
 * bench:redirect` (BENCH_THREADS=1), the server's main thread spent 90–122 µs
 * of CPU per redirect with Next in the process, 45–57 µs without (README, "Speed").
 *
 * The child is the same server.ts with PENNANT_NEXT_CHILD=1. It listens on a
 * socket in a directory only this user can open, so the visitor's address the
 * server puts in each request (CLIENT_IP_HEADER) cannot come from anyone else.
 * It tells the server of each change it publishes (`{ pennantChanges }`, as
 * lib/redirect/change-feed.ts sends them) before it answers the request that
 * made it, so an edit takes effect at once on this instance, as it did when
 * both ran in one process. It exits when the server does (the IPC channel
 * closes with it).
 */
export interface NextProcess {
  socketPath: string;
  /** Called once if the child exits while the server did not ask it to. */
  onUnexpectedExit(handler: (code: number | null, signal: NodeJS.Signals | null) => void): void;
  /** Asks the child to stop and waits for it (SIGKILL after `graceMs`). */
  stop(graceMs?: number): Promise<void>;
}

/** Socket folders are named after the server's pid: `pennant-next-<pid>-<random>`. */
const DIR_PREFIX = "pennant-next-";

/**
 * Removes the socket folders of servers that are gone. A server and its child
 * killed outright (SIGKILL: a test runner stopping its web server, a crash)
 * cannot remove theirs; the next start does, leaving live servers' alone.
 */
export function removeStaleSocketDirs(tmp = os.tmpdir()): void {
  for (const name of readdirSync(tmp)) {
    const pid = Number(/^pennant-next-(\d+)-/.exec(name)?.[1]);
    if (!pid || pid === process.pid || running(pid)) continue;
    rmSync(path.join(tmp, name), { recursive: true, force: true });
  }
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it runs, as another user.
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The message a child sends once Next is ready and listening. */
const READY = "pennant-next-ready";

export function isNextChild(): boolean {
  return process.env.PENNANT_NEXT_CHILD === "1";
}

/**
 * Starts the child (server.ts again, with this process's node flags) and
 * resolves once it listens. `onChanges` receives the changes it publishes.
 */
export async function startNextProcess(opts: { script: string; onChanges: (messages: string[]) => void }): Promise<NextProcess> {
  removeStaleSocketDirs();
  const dir = mkdtempSync(path.join(os.tmpdir(), `${DIR_PREFIX}${process.pid}-`)); // mode 0700
  const socketPath = path.join(dir, "next.sock");
  // The server's node flags (the tsx loader, memory limits, --cpu-prof), but not a debugger's port, which only one process can hold.
  const flags = process.execArgv.filter((a) => !a.startsWith("--inspect"));
  const child: ChildProcess = spawn(process.execPath, [...flags, opts.script], {
    env: { ...process.env, PENNANT_NEXT_CHILD: "1", PENNANT_NEXT_SOCKET: socketPath, PENNANT_SKIP_MIGRATE: "1" },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  let stopping = false;
  let unexpected: ((code: number | null, signal: NodeJS.Signals | null) => void) | null = null;
  const exited = new Promise<void>((resolve) =>
    child.once("exit", (code, signal) => {
      rmSync(dir, { recursive: true, force: true });
      if (!stopping) unexpected?.(code, signal);
      resolve();
    }),
  );
  child.on("message", (m: unknown) => {
    const changes = (m as { pennantChanges?: unknown } | null)?.pennantChanges;
    if (Array.isArray(changes)) opts.onChanges(changes.filter((c): c is string => typeof c === "string"));
  });
  await new Promise<void>((resolve, reject) => {
    const ready = (m: unknown) => {
      if (m !== READY) return;
      child.off("message", ready);
      child.off("exit", early);
      resolve();
    };
    const early = (code: number | null) => reject(new Error(`the app's pages did not start (their process exited with code ${code})`));
    child.on("message", ready);
    child.once("exit", early);
  });
  return {
    socketPath,
    onUnexpectedExit(handler) {
      unexpected = handler;
    },
    async stop(graceMs = 10_000) {
      stopping = true;
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
        await exited;
        clearTimeout(timer);
      }
      await exited;
    },
  };
}

/** In the child: tells the server it is ready, and stops when the server is gone. */
export function announceNextReady(stop: () => void): void {
  // The socket's directory goes with this process, even when the server was killed outright.
  process.once("exit", () => rmSync(path.dirname(nextSocketPath()), { recursive: true, force: true }));
  process.send?.(READY);
  process.once("disconnect", stop);
}

/** In the child: tells the server of changes published here (see change-feed.ts); false when this is no child. */
export function tellServerOfChanges(messages: string[]): boolean {
  if (!isNextChild() || !process.connected) return false;
  process.send?.({ pennantChanges: messages });
  return true;
}

/** In the child: the socket the server set for it. */
export function nextSocketPath(): string {
  const socketPath = process.env.PENNANT_NEXT_SOCKET;
  if (!socketPath) throw new Error("PENNANT_NEXT_SOCKET is not set (the app's process is started by server.ts)");
  return socketPath;
}
