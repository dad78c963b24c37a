import "server-only";
import Database from "better-sqlite3";
import pg from "pg";
import { resolveDatabase } from "@/lib/db/url";

/** A stored day pack as its bytes (day-pack.ts decodes them). */
export interface PackBytes {
  /** Days since the epoch (UTC). */
  day: number;
  slots: number;
  data: Buffer;
}

type Reader = (workspaceId: string, from: number, to: number) => Promise<PackBytes[]>;

const WHERE = `FROM "ClickDayPack" WHERE "workspaceId" = $1 AND "day" >= $2 AND "day" < $3`;

function open(url: string | undefined): Reader {
  const target = resolveDatabase(url);
  if (target.provider === "postgres") {
    // Two connections at most; idle ones close, and never hold the process open.
    const pool = new pg.Pool({ connectionString: target.url, max: 2, idleTimeoutMillis: 5_000, allowExitOnIdle: true });
    // As base64 text: pg reads even a binary result's fields as UTF-8 text, which mangles bytes; bytea's own text (hex) is twice the bytes.
    const sql = `SELECT "day", "slots", encode("data", 'base64') AS "data" ${WHERE}`;
    return async (workspaceId, from, to) => {
      const { rows } = await pool.query<{ day: number; slots: number; data: string }>(sql, [workspaceId, from, to]);
      return rows.map((r) => ({ day: r.day, slots: r.slots, data: Buffer.from(r.data, "base64") }));
    };
  }
  let file: Database.Database | null = null;
  let statement: Database.Statement<unknown[], PackBytes> | null = null;
  return async (workspaceId, from, to) => {
    if (!file) {
      file = new Database(target.url, { readonly: true, fileMustExist: true });
      statement = file.prepare<unknown[], PackBytes>(`SELECT "day", "slots", "data" ${WHERE.replace(/\$\d/g, "?")}`);
    }
    return statement!.all(workspaceId, from, to);
  };
}

const globalForPacks = globalThis as unknown as { pennantPackBytes?: { url: string | undefined; read: Reader } };

/**
 * The packs of a workspace's days [from, to) (days since the epoch), read
 * straight through the driver, as the click writer writes (lib/clicks/click-store.ts):
 * through Prisma a month of packs (8 MB) had to be sent as text (base64 or
 * hex) and cost more time than everything else a view does with them. One
 * reader per process and database (a read-only SQLite handle, or a pool of
 * two PostgreSQL connections), opened when first needed.
 */
export function readPackBytes(workspaceId: string, from: number, to: number): Promise<PackBytes[]> {
  const url = process.env.DATABASE_URL;
  const known = globalForPacks.pennantPackBytes;
  const reader = known && known.url === url ? known : (globalForPacks.pennantPackBytes = { url, read: open(url) });
  return reader.read(workspaceId, from, to);
}
