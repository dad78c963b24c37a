import "server-only";
import { Redis } from "ioredis";
import { env } from "@/lib/env";

const globalForRedis = globalThis as unknown as { pennantRedis?: Redis | null };

/** The shared Redis connection when REDIS_URL is set, else null (single instance). */
export function redis(): Redis | null {
  if (globalForRedis.pennantRedis === undefined) {
    const url = env().REDIS_URL;
    globalForRedis.pennantRedis = url ? new Redis(url, { maxRetriesPerRequest: 2 }) : null;
    globalForRedis.pennantRedis?.on("error", (err) => console.warn(`[pennant] redis: ${err.message}`));
  }
  return globalForRedis.pennantRedis;
}
