import "server-only";
import { redisHealth } from "@/lib/redis";
import { db } from "./client";

export interface Health {
  status: "ok" | "error";
  database: { provider: string; ok: boolean; latencyMs: number; error?: string };
  /**
   * Redis is optional: "degraded" means REDIS_URL is set but Redis is away.
   * The app still works (status stays "ok", HTTP 200); see the README for what degrades.
   */
  redis: "none" | "ok" | "degraded";
}

/** Round-trips the database; used by GET /api/health. */
export async function checkHealth(): Promise<Health> {
  const started = performance.now();
  const client = db();
  try {
    await client.$queryRawUnsafe("SELECT 1");
    return { status: "ok", database: { provider: client.provider, ok: true, latencyMs: Math.round(performance.now() - started) }, redis: redisHealth() };
  } catch (err) {
    return {
      status: "error",
      database: { provider: client.provider, ok: false, latencyMs: Math.round(performance.now() - started), error: (err as Error).message.split("\n")[0] ?? "unreachable" },
      redis: redisHealth(),
    };
  }
}
