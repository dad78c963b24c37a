import "server-only";
import pg, { escapeLiteral } from "pg";
import { to as copyTo } from "pg-copy-streams";
import { copyBinaryRows } from "@/lib/db/copy-binary";
import { sqliteRows } from "@/lib/db/sqlite-reads";
import { resolveDatabase } from "@/lib/db/url";

/** A stored day pack as its bytes (day-pack.ts decodes them). */
export interface PackBytes {
  /** Days since the epoch (UTC). */
  day: number;
  slots: number;
  /** ClickDayPack.stamp: a new one each time the pack is written. */
  stamp: number;
  data: Buffer;
}

/**
 * Memory for packs read from PostgreSQL, given back once summed (releasePackBytes):
 * a 12-month view reads some 80 MB of packs, and new memory each time made the
 * garbage collector run through the view. Pieces come in steps of 64 KB; some
 * 40 MB are kept for the next reads at most.
 */
const STEP = 65_536;
const KEEP_BYTES = 40 * 2 ** 20;
const free = new Map<number, ArrayBuffer[]>();
const ours = new WeakSet<ArrayBuffer>();
let kept = 0;

function packMemory(length: number): Buffer {
  if (length < STEP / 4) return Buffer.allocUnsafeSlow(length);
  const size = Math.ceil(length / STEP) * STEP;
  let memory = free.get(size)?.pop();
  if (memory) kept -= size;
  else memory = new ArrayBuffer(size);
  ours.add(memory);
  return Buffer.from(memory, 0, length);
}

/** Gives back the memory of packs read (their bytes, and anything made over them, are not used again). */
export function releasePackBytes(bytes: readonly Uint8Array[]): void {
  for (const { buffer: memory } of bytes) {
    if (!(memory instanceof ArrayBuffer) || !ours.has(memory) || kept + memory.byteLength > KEEP_BYTES) continue;
    ours.delete(memory); // given back once
    const list = free.get(memory.byteLength) ?? [];
    list.push(memory);
    free.set(memory.byteLength, list);
    kept += memory.byteLength;
  }
}

type Reader = (workspaceId: string, from: number, to: number) => Promise<PackBytes[]>;

/** A day number as SQL text: an integer, or an error (COPY's statement is written out, not given parameters). */
const whole = (n: number): string => {
  if (!Number.isSafeInteger(n)) throw new Error(`readPackBytes: day ${n} is not an integer`);
  return String(n);
};

function open(url: string | undefined): Reader {
  const target = resolveDatabase(url);
  if (target.provider === "postgres") {
    // Two connections at most; idle ones close, and never hold the process open.
    const pool = new pg.Pool({ connectionString: target.url, max: 2, idleTimeoutMillis: 5_000, allowExitOnIdle: true });
    // As a binary COPY: the one way pg hands over bytes as they are (a query's fields come as text: bytea as hex, twice its bytes). COPY takes no parameters.
    return async (workspaceId, from, to) => {
      const sql = `COPY (SELECT "day"::int4, "slots"::int4, "stamp"::int4, "data" FROM "ClickDayPack" WHERE "workspaceId" = ${escapeLiteral(workspaceId)} AND "day" >= ${whole(from)} AND "day" < ${whole(to)}) TO STDOUT (FORMAT binary)`;
      const client = await pool.connect();
      const chunks: Buffer[] = [];
      try {
        for await (const chunk of client.query(copyTo(sql))) chunks.push(chunk as Buffer);
      } catch (error) {
        client.release(true);
        throw error;
      }
      client.release();
      return copyBinaryRows(chunks, packMemory).map(([day, slots, stamp, data]) => ({ day: day!.readInt32BE(0), slots: slots!.readInt32BE(0), stamp: stamp!.readInt32BE(0), data: data! }));
    };
  }
  // On the reading thread (lib/db/sqlite-reads.ts): a year of packs held the server's main thread.
  const sql = `SELECT "day", "slots", "stamp", "data" FROM "ClickDayPack" WHERE "workspaceId" = ? AND "day" >= ? AND "day" < ?`;
  return async (workspaceId, from, to) => {
    const rows = await sqliteRows<Omit<PackBytes, "data"> & { data: Uint8Array }>(target.url, sql, [workspaceId, from, to]);
    return rows.map((r) => ({ day: r.day, slots: r.slots, stamp: r.stamp, data: Buffer.from(r.data.buffer, r.data.byteOffset, r.data.byteLength) }));
  };
}

const globalForPacks = globalThis as unknown as { pennantPackBytes?: { url: string | undefined; read: Reader } };

/**
 * The packs of a workspace's days [from, to) (days since the epoch), read
 * straight through the driver, as the click writer writes (lib/clicks/click-store.ts):
 * through Prisma a month of packs (8 MB) had to be sent as text (base64 or
 * hex) and cost more time than everything else a view does with them; from
 * PostgreSQL as a binary COPY, as the bytes they are. One
 * reader per process and database (the SQLite reading thread, or a pool of
 * two PostgreSQL connections), opened when first needed.
 */
export function readPackBytes(workspaceId: string, from: number, to: number): Promise<PackBytes[]> {
  const url = process.env.DATABASE_URL;
  const known = globalForPacks.pennantPackBytes;
  const reader = known && known.url === url ? known : (globalForPacks.pennantPackBytes = { url, read: open(url) });
  return reader.read(workspaceId, from, to);
}
