import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient, type Prisma } from "@/generated/sqlite/client";
import { PrismaClient as PostgresClient } from "@/generated/postgres/client";
import { resolveDatabase, type DatabaseProvider } from "./url";

/**
 * Both generated clients come from one source schema (prisma/schema.base.prisma)
 * and so expose the same model API; the SQLite client's type stands for both.
 */
export type Db = SqliteClient & { provider: DatabaseProvider };
export type Tx = Prisma.TransactionClient;

/**
 * Prisma's defaults (2 s to start, 5 s to finish) turn a busy moment (a CSV import,
 * a password being hashed, another process writing the SQLite file, a loaded
 * machine) into a failed save. A transaction here is a user's one write: give it room.
 */
const transactionOptions = { maxWait: 10_000, timeout: 20_000 };

export function createDb(databaseUrl: string | undefined): Db {
  const target = resolveDatabase(databaseUrl);
  if (target.provider === "postgres") {
    // Adapter seam: the Prisma 6.19 CLI can only migrate PostgreSQL through
    // @prisma/adapter-pg 7, whose driver-adapter protocol the 6.19 client still
    // speaks, but whose factory type names a newer @prisma/driver-adapter-utils:
    // hence the cast here, and the client typed as the SQLite one below.
    const adapter = new PrismaPg({ connectionString: target.url, max: 10 }) as never;
    const client = new PostgresClient({ adapter, transactionOptions });
    return Object.assign(client as unknown as SqliteClient, { provider: "postgres" as const });
  }
  const client = new SqliteClient({ adapter: immediateTransactions(new PrismaBetterSQLite3({ url: target.url })), transactionOptions });
  return Object.assign(client, { provider: "sqlite" as const });
}

/**
 * Adapter seam: the SQLite adapter opens transactions with a plain (deferred)
 * BEGIN. Such a transaction takes its snapshot at its first read, and if another
 * connection commits before its first write (the click writer's thread, another
 * instance), SQLite refuses that write at once (SQLITE_BUSY, which Prisma reports
 * as "Operation has timed out"): a dashboard save failing while clicks come in.
 * BEGIN IMMEDIATE takes the write lock first, waiting for a running commit
 * (better-sqlite3's busy timeout), so the transaction's reads and writes agree.
 * The adapter keeps its Database in `client`; only its "BEGIN" is rewritten.
 */
function immediateTransactions(factory: PrismaBetterSQLite3): PrismaBetterSQLite3 {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const database = (adapter as unknown as { client: { prepare: (sql: string) => unknown } }).client;
    const prepare = database.prepare.bind(database);
    database.prepare = (sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql);
    return adapter;
  };
  return factory;
}
