import Database from "better-sqlite3";
import pg from "pg";
import { sqliteTime } from "../db/raw-values";
import { resolveDatabase } from "../db/url";
import { CUBE_COLUMNS, cubeRows, type CubeRow } from "../analytics/cube-rows";
import { platformSql } from "../analytics/platforms";
import { storableText } from "../text/clean-text";
import { CLICK_FIELDS, chunkClicks, clickOfRow, encodeClicks, joinChunks, type ClickChunk, type ClickRecord, type ClickRow } from "./click-buffer";

/**
 * Writes click batches straight through the database driver (better-sqlite3 or
 * pg), not through Prisma: at thousands of clicks a second, Prisma's query
 * compiler and adapter cost more CPU than the redirects themselves.
 * One batch, one transaction: the click rows, the links' counters (human
 * clicks only, unless already counted) and the hourly dashboard rollup
 * (lib/analytics/cube-rows.ts).
 */
export interface ClickStore {
  write(batch: ClickChunk[]): Promise<void>;
  close(): Promise<void>;
}

interface Counter {
  n: number;
  last: Date;
}

/** The Click table's columns: a click row's fields but the last, `counted` (not stored). */
const CLICK_COLUMNS = CLICK_FIELDS.slice(0, -1);

/** What a batch adds to each link's counter: human clicks not counted yet (bio page views have no link). */
export function counters(batch: ClickRecord[]): Map<string, Counter> {
  const out = new Map<string, Counter>();
  for (const c of batch) {
    if (c.linkId === null || c.bot || c.counted) continue;
    const k = out.get(c.linkId) ?? { n: 0, last: c.createdAt };
    k.n++;
    if (c.createdAt > k.last) k.last = c.createdAt;
    out.set(c.linkId, k);
  }
  return out;
}

/**
 * A parsed row (ClickRow) made SQLite's values in place: the time as sqliteTime
 * writes it (ISO 8601 with an explicit offset, no Date made), `bot` as 0 or 1,
 * `counted` dropped. Views never need more; only link clicks are made
 * ClickRecords, for counters and the hourly rollup.
 */
function sqliteValues(r: ClickRow): unknown[] {
  const values = r as unknown[];
  values[1] = r[1].replace("Z", "+00:00"); // createdAt
  values[22] = r[22] ? 1 : 0; // bot
  values.length = CLICK_COLUMNS.length;
  return values;
}

const quoted = (names: readonly string[]) => names.map((n) => `"${n}"`).join(", ");
const cubeValues = (r: CubeRow, time: (d: Date) => string, bool: (b: boolean) => unknown): unknown[] => [
  r.linkId, time(r.hour), r.workspaceId, ...r.values.map((v) => (typeof v === "boolean" ? bool(v) : v)), r.clicks,
];

/**
 * Clicks of a workspace deleted since they were buffered are dropped, the rest
 * kept. The Click table has no foreign key (see the schema): each store checks
 * the batch's workspaces inside its transaction, and locks them there.
 */
function ofLiveWorkspaces(batch: ClickRow[], live: Set<string>): ClickRow[] {
  const kept = batch.filter((r) => live.has(r[2]));
  if (kept.length < batch.length) console.warn(`[pennant] dropped ${batch.length - kept.length} clicks of deleted workspaces`);
  return kept;
}

function sqliteStore(file: string): ClickStore {
  const db = new Database(file, { timeout: 10_000 });
  // Set up on first write, not when the thread starts: pragmas and statements
  // read the schema, which a lock held elsewhere (a migration) can refuse, and
  // a failed write is retried where a failed start would lose the clicks.
  const prepare = () => {
    // A batch's changes stay in memory until the commit, so other connections
    // (the redirect's reads) are shut out only for the commit itself, not for
    // the whole transaction as they are once SQLite spills a full cache to disk.
    db.pragma("cache_size = -65536");
    db.pragma("cache_spill = false");
    const insertClick = db.prepare(`INSERT INTO "Click" (${quoted(CLICK_COLUMNS)}) VALUES (${CLICK_COLUMNS.map(() => "?").join(", ")}) ON CONFLICT ("id") DO NOTHING`);
    const raiseCounter = db.prepare(`UPDATE "Link" SET "clicks" = "clicks" + ?, "lastClickedAt" = MAX(COALESCE("lastClickedAt", ''), ?) WHERE "id" = ?`);
    const addCube = db.prepare(`INSERT INTO "ClickCube" (${quoted(CUBE_COLUMNS)}) VALUES (${CUBE_COLUMNS.map(() => "?").join(", ")})`);
    const workspaceExists = db.prepare(`SELECT 1 FROM "Workspace" WHERE "id" = ?`).pluck();
    const writeAll = db.transaction((all: ClickRow[]) => {
      // SQLite runs one writer at a time: nothing can delete a workspace between this check and the commit.
      const workspaces = new Set<string>();
      for (const r of all) workspaces.add(r[2]);
      const live = new Set([...workspaces].filter((id) => workspaceExists.get(id)));
      const batch = live.size === workspaces.size ? all : ofLiveWorkspaces(all, live);
      // A batch retried after a lost answer must not count twice: only new rows count.
      const fresh: ClickRecord[] = [];
      for (const r of batch) {
        // Only a link's clicks count and roll up (bio page views do neither): only they become ClickRecords.
        const click = r[4] === null ? null : clickOfRow(r);
        if (insertClick.run(sqliteValues(r)).changes === 0 || !click) continue;
        fresh.push(click);
      }
      // Clicks are not edits: "updatedAt" stays the time the link was last changed.
      for (const [id, { n, last }] of counters(fresh)) raiseCounter.run(n, sqliteTime(last), id);
      for (const r of cubeRows(fresh)) addCube.run(cubeValues(r, sqliteTime, (b) => (b ? 1 : 0)));
    });
    return writeAll;
  };
  let writeAll: ReturnType<typeof prepare> | null = null;
  return {
    async write(chunks) {
      // Immediate: the write lock is taken before the workspace check reads.
      (writeAll ??= prepare()).immediate(chunks.flatMap((c) => JSON.parse(c.json) as ClickRow[]));
    },
    async close() {
      db.close();
    },
  };
}

const PG_TYPES: Record<string, string> = { createdAt: "timestamp(3)", bot: "boolean", counted: "boolean" };
/** The rollup's columns over clicks (alias x); the social platform is platformSql, as dashboards compute it over raw clicks. */
const CUBE_SELECT = CUBE_COLUMNS.map((c) =>
  c === "hour" ? `date_trunc('hour', x."createdAt")` : c === "clicks" ? "COUNT(*)" : c === "social" ? platformSql(`x."referrerHost"`, `x."utmSource"`) : `x."${c}"`,
);

/**
 * A batch is one statement over the JSON exactly as the redirect made it ($1;
 * $2: the batch's live workspaces): the writer's thread neither parses nor
 * re-encodes it. PostgreSQL reads it once (the materialised `x`) for the click
 * rows, the links' counters (human clicks not counted yet) and the hourly
 * rollup.
 *
 * `retried`: some rows may already be stored (a batch sent again after its
 * commit's answer was lost). Only new rows may count, which costs a
 * speculative insert per row; a first attempt inserts plainly, and a
 * duplicate id sends the batch down this path instead.
 */
function pgWrite(retried: boolean): string {
  // A row's fields by position (jsonb reaches each in one step), typed and named as the columns.
  const fields = CLICK_FIELDS.map((c, i) => `(e->>${i})::${PG_TYPES[c] ?? "text"} AS "${c}"`).join(", ");
  const fresh = retried ? "fresh" : "x";
  return (
    `WITH x AS MATERIALIZED (SELECT ${fields} FROM jsonb_array_elements($1::jsonb) AS e WHERE e->>${CLICK_FIELDS.indexOf("workspaceId")} = ANY($2::text[])), ` +
    `clicks AS (INSERT INTO "Click" (${quoted(CLICK_COLUMNS)}) SELECT ${CLICK_COLUMNS.map((c) => `x."${c}"`).join(", ")} FROM x` +
    (retried ? ` ON CONFLICT ("id") DO NOTHING RETURNING "id"), fresh AS (SELECT x.* FROM x JOIN clicks USING ("id")), ` : "), ") +
    `counters AS (UPDATE "Link" SET "clicks" = "Link"."clicks" + v.n, "lastClickedAt" = GREATEST("Link"."lastClickedAt", v.last) ` +
    `FROM (SELECT x."linkId" AS id, CAST(COUNT(*) AS INTEGER) AS n, MAX(x."createdAt") AS last FROM ${fresh} x ` +
    `WHERE x."linkId" IS NOT NULL AND NOT x."bot" AND NOT COALESCE(x."counted", false) GROUP BY 1) v WHERE "Link"."id" = v.id) ` +
    `INSERT INTO "ClickCube" (${quoted(CUBE_COLUMNS)}) SELECT ${CUBE_SELECT.join(", ")} FROM ${fresh} x ` +
    `WHERE x."event" = 'click' AND x."linkId" IS NOT NULL GROUP BY ${CUBE_SELECT.slice(0, -1).map((_, i) => i + 1).join(", ")}`
  );
}
const PG_FIRST = pgWrite(false);
const PG_RETRY = pgWrite(true);

/** A click whose every text is made storable (see storableText). */
function storableClick(c: ClickRecord): ClickRecord {
  const out = { ...c } as Record<string, unknown>;
  for (const [k, v] of Object.entries(out)) if (typeof v === "string") out[k] = storableText(v);
  return out as unknown as ClickRecord;
}

function postgresStore(url: string): ClickStore {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  pool.on("error", () => undefined); // a dropped idle connection; the next write reconnects
  const writeJson = async (json: string, workspaces: string[], retried: boolean) => {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      // The batch's workspaces, locked against deletion until the commit (what a
      // foreign key would do for every row, once per workspace). A workspace
      // being deleted makes this wait, then finds it gone.
      const live = await client.query<{ id: string }>(`SELECT "id" FROM "Workspace" WHERE "id" = ANY($1::text[]) FOR KEY SHARE`, [workspaces]);
      if (live.rows.length < workspaces.length) console.warn(`[pennant] dropped the clicks of ${workspaces.length - live.rows.length} deleted workspaces`);
      if (live.rows.length) {
        // One index lookup per link for the counters: for a few thousand links the
        // planner would otherwise hash the whole Link table, which grows with every link made.
        await client.query("SET LOCAL enable_hashjoin = off; SET LOCAL enable_mergejoin = off");
        await client.query(retried ? PG_RETRY : PG_FIRST, [json, live.rows.map((r) => r.id)]);
      }
      await client.query("COMMIT");
    } catch (err) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  };
  const write = async (chunks: ClickChunk[], cleaned = false): Promise<void> => {
    const json = joinChunks(chunks);
    const workspaces = [...new Set(chunks.flatMap((c) => c.workspaces))];
    try {
      await writeJson(json, workspaces, false);
    } catch (err) {
      const code = (err as { code?: string }).code ?? "";
      // A value PostgreSQL cannot store as text (a NUL, a broken character):
      // the visit's text is made storable here too, so one such click never
      // holds up the clicks behind it.
      if (code.startsWith("22") && !cleaned) return write([encodeClicks(chunkClicks(chunks).map(storableClick))], true);
      if (code !== "23505") throw err;
      // A click id already stored: this batch was sent before.
      await writeJson(json, workspaces, true);
    }
  };
  return {
    write: (chunks) => write(chunks),
    async close() {
      await pool.end();
    },
  };
}

export function openClickStore(databaseUrl: string | undefined): ClickStore {
  const target = resolveDatabase(databaseUrl);
  return target.provider === "postgres" ? postgresStore(target.url) : sqliteStore(target.url);
}
