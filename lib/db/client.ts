import "server-only";
import { createDb, type Db } from "./create-db";

const globalForDb = globalThis as unknown as { pennantDb?: Db };

/**
 * The process-wide database client. One per process (kept across hot reloads
 * in development); the provider follows DATABASE_URL (see lib/db/url.ts).
 */
export function db(): Db {
  globalForDb.pennantDb ??= createDb(process.env.DATABASE_URL);
  return globalForDb.pennantDb;
}

export type { Db, Tx } from "./create-db";
