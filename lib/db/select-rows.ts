import "server-only";
import { db } from "./client";
import { sqliteRows } from "./sqlite-reads";
import { resolveDatabase, type DatabaseTarget } from "./url";

let known: { url: string | undefined; target: DatabaseTarget } | null = null;

/**
 * The rows of a read-only raw query (parameters as "?" on SQLite, "$1" on
 * PostgreSQL), for the long reads of dashboards. On PostgreSQL through
 * Prisma; on SQLite on a reading thread of their own (sqlite-reads.ts), so the
 * server's main thread goes on answering meanwhile. Numbers may come as
 * number or bigint, times as ISO text or Date: callers convert.
 */
export function selectRows<T>(sql: string, values: readonly unknown[]): Promise<T[]> {
  const url = process.env.DATABASE_URL;
  const target = known && known.url === url ? known.target : (known = { url, target: resolveDatabase(url) }).target;
  if (target.provider === "postgres") return db().$queryRawUnsafe<T[]>(sql, ...values);
  return sqliteRows<T>(target.url, sql, values);
}
