// Values written with the drivers directly (better-sqlite3, pg), in the same
// form Prisma writes them, so Prisma reads them back unchanged.

/** SQLite: Prisma stores DateTime as ISO 8601 text with an explicit offset. */
export const sqliteTime = (d: Date) => d.toISOString().replace("Z", "+00:00");

/** PostgreSQL: ISO 8601 text cast to timestamp(3), the UTC wall time Prisma stores. */
export const pgTime = (d: Date) => d.toISOString();
