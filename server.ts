// Pennant's HTTP server. It resolves the visitor's address once (trusting
// X-Forwarded-For only from TRUSTED_PROXIES), answers short links itself (the
// hot path, lib/redirect), and hands every other request to Next.
// Run by `npm run dev` and `npm start`; migrations are applied before listening.
// In production, Next runs in a child process of its own (this file again, with
// PENNANT_NEXT_CHILD=1), reached over a Unix socket: see lib/http/next-process.ts.
// PENNANT_NEXT_IN_PROCESS=1 keeps it in this process, as development does.
// PENNANT_REDIRECT_ONLY=1 serves short links only (a redirect tier, or tests).
import "./scripts/register-server-only";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import next from "next";
import nextEnv from "@next/env";
import { clientIpResolver, CLIENT_IP_HEADER } from "./lib/net/client-ip";
import { migrateDatabase } from "./lib/db/migrate";
import { parseEnv } from "./lib/env";
import { announceNextReady, isNextChild, nextSocketPath, startNextProcess, type NextProcess } from "./lib/http/next-process";
import { createNextProxy, type NextProxy } from "./lib/http/next-proxy";

const dev = process.argv.includes("--dev");
if (!process.env.NODE_ENV) Object.assign(process.env, { NODE_ENV: dev ? "development" : "production" });
// .env files first (as Next itself reads them): PORT, HOST and the rest may be set there.
nextEnv.loadEnvConfig(import.meta.dirname, dev);
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST || process.env.HOSTNAME || "0.0.0.0"; // HOSTNAME: what Next's own server and most hosts set
const redirectOnly = process.env.PENNANT_REDIRECT_ONLY === "1";

async function main() {
  const env = parseEnv(process.env);
  if (process.env.PENNANT_SKIP_MIGRATE !== "1") migrateDatabase();

  // lib/ modules marked server-only load after the hook above is registered.
  const { db } = await import("./lib/db/client");
  const { redis } = await import("./lib/redis");
  const { consume } = await import("./lib/rate-limit/limiter");
  const { PASSWORD_LIMITS } = await import("./lib/redirect/password-limits");
  const { startRedirects } = await import("./lib/redirect/start-redirects");

  const redirects = startRedirects({
    databaseUrl: process.env.DATABASE_URL,
    redis: redis(),
    secret: env.authSecret,
    appUrl: env.APP_URL,
    clientIp: (req) => String(req.headers[CLIENT_IP_HEADER] ?? "unknown"),
    limitPasswordAttempt: async (linkId, visitor) => {
      // The visitor's own limit first: one visitor over it spends nothing of the link's.
      await consume(PASSWORD_LIMITS.perVisitor, `${linkId}:${visitor}`);
      await consume(PASSWORD_LIMITS.perLink, linkId);
    },
  });

  const { startBioPages } = await import("./lib/bio-pages/start-bio-pages");
  const bio = startBioPages({ redis: redis(), appUrl: env.APP_URL, secret: env.authSecret, clientIp: (req) => String(req.headers[CLIENT_IP_HEADER] ?? "unknown"), recordView: redirects.record });

  // Every request the server does not answer itself goes to Next: in this
  // process (development, PENNANT_NEXT_IN_PROCESS=1), or in its own.
  let nextHandle: ((req: IncomingMessage, res: ServerResponse) => unknown) | null = null;
  let upgrade: ReturnType<ReturnType<typeof next>["getUpgradeHandler"]> | null = null;
  let nextProcess: NextProcess | null = null;
  let proxy: NextProxy | null = null;
  // Windows has no Unix sockets in a private folder: one process there.
  const nextInProcess = dev || env.PENNANT_NEXT_IN_PROCESS === "1" || process.platform === "win32";
  if (!redirectOnly && nextInProcess) {
    const app = next({ dev, dir: import.meta.dirname, port, hostname: "localhost", turbopack: dev });
    await app.prepare();
    nextHandle = app.getRequestHandler();
    upgrade = app.getUpgradeHandler();
  } else if (!redirectOnly) {
    const { hearChanges } = await import("./lib/redirect/change-feed");
    nextProcess = await startNextProcess({ script: fileURLToPath(import.meta.url), onChanges: hearChanges });
    proxy = createNextProxy(nextProcess.socketPath);
    nextHandle = proxy.handle;
  }
  const clientIp = clientIpResolver(env.TRUSTED_PROXIES);

  const server = createServer((req, res) => {
    req.headers[CLIENT_IP_HEADER] = clientIp(req);
    // The bio handler answers false at once for paths that are not its own; a
    // domain's bare address it may decline later (no page chosen): the redirect's turn then.
    const bioAnswer = bio.handle(req, res);
    (bioAnswer === false ? redirects.handle(req, res) : bioAnswer.then((done) => done || redirects.handle(req, res)))
      .then((handled) => {
        if (handled) return;
        if (nextHandle) return nextHandle(req, res);
        res.writeHead(404, { "Content-Type": "text/plain" }).end("Not found");
      })
      .catch((err: unknown) => {
        console.error(err);
        if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain" });
        res.end("Something went wrong");
      });
  });
  server.keepAliveTimeout = 65_000;
  if (upgrade) server.on("upgrade", (req, socket, head) => void upgrade(req, socket, head));
  let stopping = false;
  /** Stops serving, writes every buffered click (or spills it), then exits with `code`. */
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    server.close();
    server.closeIdleConnections();
    bio.stop();
    await nextProcess?.stop();
    proxy?.close();
    await redirects.drain().catch((err: unknown) => console.error(`[pennant] clicks not drained: ${(err as Error).message}`));
    await db().$disconnect().catch(() => undefined);
    redis()?.disconnect();
    process.exit(code);
  };
  process.on("SIGTERM", () => void stop(0));
  process.on("SIGINT", () => void stop(0));
  // A fatal error later: one clear line, clicks drained, a non-zero exit a supervisor sees.
  const fatal = (err: unknown) => {
    console.error(`[pennant] fatal: ${err instanceof Error ? err.message : String(err)}`);
    if (err instanceof Error && err.stack) console.error(err.stack);
    void stop(1);
  };
  process.on("uncaughtException", fatal);
  process.on("unhandledRejection", fatal);
  nextProcess?.onUnexpectedExit((code, signal) => fatal(new Error(`the app's pages stopped (their process exited with ${signal ?? `code ${code}`})`)));

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, hostname, () => {
      server.off("error", reject);
      resolve();
    });
  }).catch((err: NodeJS.ErrnoException) => {
    throw new StartError(err.code === "EADDRINUSE" ? `port ${port} on ${hostname} is already in use (set PORT to another port)` : `cannot listen on ${hostname}:${port}: ${err.message}`);
  });
  console.log(`[pennant] ready on ${env.APP_URL} (listening on ${hostname}:${port}, ${dev ? "development" : "production"}${redirectOnly ? ", redirects only" : ""})`);
  // The first pages' code is loaded now, not by the first person to open them
  // (development compiles pages on demand instead).
  if (nextHandle && !dev) {
    const { warmRoutes, warmSummary } = await import("./lib/http/warm-routes");
    console.log(`[pennant] ${warmSummary(await warmRoutes(server.address() as AddressInfo, new URL(env.APP_URL).host))}`);
  }
}

/**
 * The app's pages in their own process (lib/http/next-process.ts): Next alone,
 * on the Unix socket the server gave it. The server in front has already
 * applied migrations and put the visitor's address in each request.
 */
async function nextChild() {
  const app = next({ dev: false, dir: import.meta.dirname, port, hostname: "localhost" });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      console.error(err);
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain" });
      res.end("Something went wrong");
    });
  });
  server.keepAliveTimeout = 65_000;
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    // Requests in progress finish (the server in front has stopped taking new ones); then out.
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.on("SIGTERM", stop);
  // Ctrl-C reaches both processes: the server in front decides, and stops this one.
  process.on("SIGINT", () => undefined);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(nextSocketPath(), () => resolve());
  });
  announceNextReady(stop);
}

class StartError extends Error {}

// Any failure to start (port taken, bad settings, database unreachable for
// migrations): one clear line and a non-zero exit, even with Redis
// connections or timers that would otherwise keep the process alive.
(isNextChild() ? nextChild() : main()).catch((err: unknown) => {
  console.error(`[pennant] cannot start: ${err instanceof Error ? err.message : String(err)}`);
  if (process.env.DEBUG && err instanceof Error && !(err instanceof StartError)) console.error(err.stack);
  process.exit(1);
});
