import "server-only";
import { Redis } from "ioredis";
import { env } from "@/lib/env";

/** How long any Redis command may take before the caller falls back to local state. */
export const REDIS_COMMAND_TIMEOUT_MS = 300;

type RedisState = "connecting" | "ready" | "down";
const g = globalThis as unknown as { pennantRedis?: Redis | null; pennantRedisState?: RedisState };

/**
 * The shared Redis connection when REDIS_URL is set, else null (single
 * instance). Redis is optional: commands are never queued while it is away
 * (they fail at once, and callers fall back to local state), each command
 * gives up after REDIS_COMMAND_TIMEOUT_MS, and the connection keeps retrying
 * in the background. Changes of state are logged once each, not per request.
 */
export function redis(): Redis | null {
  if (g.pennantRedis === undefined) {
    const url = env().REDIS_URL;
    g.pennantRedis = url ? connect(url) : null;
  }
  return g.pennantRedis;
}

function connect(url: string): Redis {
  g.pennantRedisState = "connecting";
  const client = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
    connectTimeout: 1000,
    // Keep trying, at most every 2 s: Redis coming back is picked up on its own.
    retryStrategy: (times) => Math.min(times * 200, 2000),
  });
  watchState(client, "redis");
  return client;
}

/** Logs "unavailable" once when a connection is lost and "connected" once when it is back. */
export function watchState(client: Redis, name: string): void {
  let state: RedisState = "connecting";
  const set = (next: RedisState, detail?: string) => {
    if (state === next) return;
    state = next;
    if (name === "redis") g.pennantRedisState = next;
    if (next === "ready") console.log(`[pennant] ${name}: connected`);
    if (next === "down") console.warn(`[pennant] ${name}: unavailable (${detail ?? "connection closed"}); working on local state until it is back`);
  };
  client.on("ready", () => set("ready"));
  client.on("error", (err: Error) => set("down", err.message));
  // A lost connection is down even when the first reconnect succeeds before any
  // error is seen (a quick restart): then "ready" says connected again.
  client.on("close", () => set("down"));
  client.on("end", () => set("down"));
}

/** What /api/health reports: none (not configured), ok, or degraded (configured but away). */
export function redisHealth(): "none" | "ok" | "degraded" {
  const client = redis();
  if (!client) return "none";
  return client.status === "ready" ? "ok" : "degraded";
}
