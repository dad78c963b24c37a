import Database from "better-sqlite3";
import pg from "pg";

/**
 * Moves every sign-in link of `email` past its expiry, in the database the
 * test server uses (SQLite or PostgreSQL): what a day's wait would do.
 */
export async function expireSignInLinks(email: string): Promise<void> {
  const url = process.env.E2E_DATABASE_URL ?? "";
  if (url.startsWith("file:")) {
    const file = url.slice("file:".length).split("?")[0] ?? "";
    const sqlite = new Database(file);
    try {
      // The form the Prisma SQLite adapter writes (ISO 8601, +00:00).
      sqlite.prepare(`UPDATE "VerificationToken" SET "expires" = ? WHERE "identifier" = ?`).run("2020-01-01T00:00:00.000+00:00", email);
    } finally {
      sqlite.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`UPDATE "VerificationToken" SET "expires" = now() - interval '1 day' WHERE "identifier" = $1`, [email]);
  } finally {
    await client.end();
  }
}
