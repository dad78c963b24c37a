import "server-only";
import { db } from "./client";

export interface Health {
  status: "ok" | "error";
  database: { provider: string; ok: boolean; latencyMs: number; error?: string };
}

/** Round-trips the database; used by GET /api/health. */
export async function checkHealth(): Promise<Health> {
  const started = performance.now();
  const client = db();
  try {
    await client.$queryRawUnsafe("SELECT 1");
    return { status: "ok", database: { provider: client.provider, ok: true, latencyMs: Math.round(performance.now() - started) } };
  } catch (err) {
    return {
      status: "error",
      database: { provider: client.provider, ok: false, latencyMs: Math.round(performance.now() - started), error: (err as Error).message.split("\n")[0] ?? "unreachable" },
    };
  }
}
