// Prisma CLI configuration. The provider follows DATABASE_URL, exactly as the
// app does (lib/db/url.ts): SQLite file by default, PostgreSQL for postgres:// URLs.
import path from "node:path";
import type { PrismaConfig } from "prisma";
import { resolveDatabase } from "./lib/db/url";

const db = resolveDatabase(process.env.DATABASE_URL);

export default {
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", db.provider, "schema.prisma"),
  migrations: { path: path.join("prisma", db.provider, "migrations") },
  async adapter() {
    if (db.provider === "postgres") {
      const { PrismaPg } = await import("@prisma/adapter-pg");
      // Idle connections must not keep the CLI alive once it is done (see lib/db/unref-long-timers.cjs).
      return new PrismaPg({ connectionString: db.url, idleTimeoutMillis: 100, allowExitOnIdle: true }) as never;
    }
    const { PrismaBetterSQLite3 } = await import("@prisma/adapter-better-sqlite3");
    return new PrismaBetterSQLite3({ url: db.url });
  },
} satisfies PrismaConfig;
