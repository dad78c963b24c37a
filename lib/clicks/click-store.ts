import Database from "better-sqlite3";
import pg from "pg";
import { pgTime, sqliteTime } from "../db/raw-values";
import { resolveDatabase } from "../db/url";
import { CUBE_COLUMNS, cubeRows, type CubeRow } from "../analytics/cube-rows";
import type { ClickRecord } from "./click-buffer";

/**
 * Writes click batches straight through the database driver (better-sqlite3 or
 * pg), not through Prisma: at thousands of clicks a second, Prisma's query
 * compiler and adapter cost more CPU than the redirects themselves.
 * One batch, one transaction: the click rows, the links' counters (human
 * clicks only, unless already counted), the daily rollups and the hourly
 * dashboard rollup (lib/analytics/cube-rows.ts).
 */
export interface ClickStore {
  write(batch: ClickRecord[]): Promise<void>;
  close(): Promise<void>;
}

interface Counter {
  n: number;
  last: Date;
}
interface Rollup {
  linkId: string;
  workspaceId: string;
  day: string;
  clicks: number;
  qrScans: number;
  bioClicks: number;
  botClicks: number;
}

const CLICK_COLUMNS = [
  "id", "createdAt", "workspaceId", "event", "linkId", "bioPageId", "bioBlockId", "domain", "trigger", "referrerHost", "referrer", "utmSource", "utmMedium",
  "utmCampaign", "utmTerm", "utmContent", "country", "city", "device", "browser", "os", "visitorHash", "bot",
] as const;

function utcDay(d: Date): string {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate())).toISOString();
}

/** What a batch adds to each link's counter and to each link-day's rollup (bio page views have no link: neither). */
export function summarize(batch: ClickRecord[]) {
  const counters = new Map<string, Counter>();
  const rollups = new Map<string, Rollup>();
  for (const c of batch) {
    if (c.linkId === null) continue;
    if (!c.bot && !c.counted) {
      const k = counters.get(c.linkId) ?? { n: 0, last: c.createdAt };
      k.n++;
      if (c.createdAt > k.last) k.last = c.createdAt;
      counters.set(c.linkId, k);
    }
    const day = utcDay(c.createdAt);
    const key = `${c.linkId}|${day}`;
    const r = rollups.get(key) ?? { linkId: c.linkId, workspaceId: c.workspaceId, day, clicks: 0, qrScans: 0, bioClicks: 0, botClicks: 0 };
    if (c.bot) r.botClicks++;
    else {
      r.clicks++;
      if (c.trigger === "qr") r.qrScans++;
      if (c.trigger === "bio") r.bioClicks++;
    }
    rollups.set(key, r);
  }
  return { counters, rollups: [...rollups.values()] };
}

function clickValues(c: ClickRecord, time: (d: Date) => string, bool: (b: boolean) => unknown): unknown[] {
  return [
    c.id, time(c.createdAt), c.workspaceId, c.event, c.linkId, c.bioPageId, c.bioBlockId, c.domain, c.trigger, c.referrerHost, c.referrer, c.utmSource, c.utmMedium,
    c.utmCampaign, c.utmTerm, c.utmContent, c.country, c.city, c.device, c.browser, c.os, c.visitorHash, bool(c.bot),
  ];
}

const quoted = (names: readonly string[]) => names.map((n) => `"${n}"`).join(", ");
const ROLLUP_UPDATE =
  `"clicks" = "ClickRollup"."clicks" + excluded."clicks", "qrScans" = "ClickRollup"."qrScans" + excluded."qrScans", ` +
  `"bioClicks" = "ClickRollup"."bioClicks" + excluded."bioClicks", "botClicks" = "ClickRollup"."botClicks" + excluded."botClicks"`;

const CUBE_UPSERT = `ON CONFLICT ("linkId", "hour", "key") DO UPDATE SET "clicks" = "ClickCube"."clicks" + excluded."clicks"`;
const cubeValues = (r: CubeRow, time: (d: Date) => string, bool: (b: boolean) => unknown): unknown[] => [
  r.linkId, time(r.hour), r.key, r.workspaceId, ...r.values.map((v) => (typeof v === "boolean" ? bool(v) : v)), r.clicks,
];
const CUBE_TYPES = CUBE_COLUMNS.map((c) => (c === "hour" ? "timestamp(3)" : c === "bot" ? "boolean" : c === "clicks" ? "integer" : "text"));

/**
 * Clicks of a workspace deleted since they were buffered are dropped, the rest
 * kept. The Click table has no foreign key (see the schema): each store checks
 * the batch's workspaces inside its transaction, and locks them there.
 */
function ofLiveWorkspaces(batch: ClickRecord[], live: Set<string>): ClickRecord[] {
  const kept = batch.filter((c) => live.has(c.workspaceId));
  if (kept.length < batch.length) console.warn(`[pennant] dropped ${batch.length - kept.length} clicks of deleted workspaces`);
  return kept;
}

const workspacesOf = (batch: ClickRecord[]) => [...new Set(batch.map((c) => c.workspaceId))];

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
    const addRollup = db.prepare(
      `INSERT INTO "ClickRollup" ("linkId", "day", "workspaceId", "clicks", "qrScans", "bioClicks", "botClicks") VALUES (?, ?, ?, ?, ?, ?, ?) ` +
        `ON CONFLICT ("linkId", "day") DO UPDATE SET ${ROLLUP_UPDATE}`,
    );
    const addCube = db.prepare(`INSERT INTO "ClickCube" (${quoted(CUBE_COLUMNS)}) VALUES (${CUBE_COLUMNS.map(() => "?").join(", ")}) ${CUBE_UPSERT}`);
    const workspaceExists = db.prepare(`SELECT 1 FROM "Workspace" WHERE "id" = ?`).pluck();
    const writeAll = db.transaction((all: ClickRecord[]) => {
      // SQLite runs one writer at a time: nothing can delete a workspace between this check and the commit.
      const batch = ofLiveWorkspaces(all, new Set(workspacesOf(all).filter((id) => workspaceExists.get(id))));
      // A batch retried after a lost answer must not count twice: only new rows count.
      const fresh: ClickRecord[] = [];
      for (const c of batch) if (insertClick.run(clickValues(c, sqliteTime, (b) => (b ? 1 : 0))).changes > 0) fresh.push(c);
      const { counters, rollups } = summarize(fresh);
      // Clicks are not edits: "updatedAt" stays the time the link was last changed.
      for (const [id, { n, last }] of counters) raiseCounter.run(n, sqliteTime(last), id);
      for (const r of rollups) addRollup.run(r.linkId, r.day.replace("Z", "+00:00"), r.workspaceId, r.clicks, r.qrScans, r.bioClicks, r.botClicks);
      for (const r of cubeRows(fresh)) addCube.run(cubeValues(r, sqliteTime, (b) => (b ? 1 : 0)));
    });
    return writeAll;
  };
  let writeAll: ReturnType<typeof prepare> | null = null;
  return {
    async write(batch) {
      // Immediate: the write lock is taken before the workspace check reads.
      (writeAll ??= prepare()).immediate(batch);
    },
    async close() {
      db.close();
    },
  };
}

/** One array parameter per column: a statement of any size is parsed once, with 20 parameters, not 20 per row. */
function columns(rows: unknown[][], width: number): unknown[][] {
  const cols: unknown[][] = Array.from({ length: width }, () => []);
  for (const row of rows) for (let i = 0; i < width; i++) cols[i]!.push(row[i]);
  return cols;
}
const unnest = (types: string[]) => `unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(", ")})`;

const CLICK_TYPES = CLICK_COLUMNS.map((c) => (c === "createdAt" ? "timestamp(3)" : c === "bot" ? "boolean" : "text"));

function postgresStore(url: string): ClickStore {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  pool.on("error", () => undefined); // a dropped idle connection; the next write reconnects
  const insertClicks = `INSERT INTO "Click" (${quoted(CLICK_COLUMNS)}) SELECT * FROM ${unnest(CLICK_TYPES)}`;
  /**
   * `retried`: some rows may already be stored (a batch sent again after its
   * commit's answer was lost). Only new rows may count, which costs a
   * speculative insert per row; a first attempt inserts plainly, and a
   * duplicate id sends the batch down this path instead.
   */
  const writeAll = async (all: ClickRecord[], retried: boolean) => {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      // The batch's workspaces, locked against deletion until the commit (what a
      // foreign key would do for every row, once per workspace). A workspace
      // being deleted makes this wait, then finds it gone.
      const live = await client.query<{ id: string }>(`SELECT "id" FROM "Workspace" WHERE "id" = ANY($1::text[]) FOR KEY SHARE`, [workspacesOf(all)]);
      const batch = ofLiveWorkspaces(all, new Set(live.rows.map((r) => r.id)));
      if (!batch.length) return void (await client.query("COMMIT"));
      const values = columns(batch.map((c) => clickValues(c, pgTime, (b) => b)), CLICK_COLUMNS.length);
      let fresh = batch;
      if (retried) {
        const inserted = await client.query<{ id: string }>(`${insertClicks} ON CONFLICT ("id") DO NOTHING RETURNING "id"`, values);
        const ids = new Set(inserted.rows.map((r) => r.id));
        if (ids.size < batch.length) fresh = batch.filter((c) => ids.has(c.id));
      } else {
        await client.query(insertClicks, values);
      }
      const { counters, rollups } = summarize(fresh);
      if (counters.size) {
        // One index lookup per link: for a few thousand links the planner would
        // otherwise hash the whole Link table, which grows with every link made.
        await client.query("SET LOCAL enable_hashjoin = off; SET LOCAL enable_mergejoin = off");
        await client.query(
          `UPDATE "Link" SET "clicks" = "Link"."clicks" + v.n, "lastClickedAt" = GREATEST("Link"."lastClickedAt", v.last) ` +
            `FROM ${unnest(["text", "integer", "timestamp(3)"])} AS v(id, n, last) WHERE "Link"."id" = v.id`,
          columns([...counters].map(([id, { n, last }]) => [id, n, pgTime(last)]), 3),
        );
      }
      if (rollups.length) {
        await client.query(
          `INSERT INTO "ClickRollup" ("linkId", "day", "workspaceId", "clicks", "qrScans", "bioClicks", "botClicks") ` +
            `SELECT * FROM ${unnest(["text", "timestamp(3)", "text", "integer", "integer", "integer", "integer"])} ON CONFLICT ("linkId", "day") DO UPDATE SET ${ROLLUP_UPDATE}`,
          columns(rollups.map((r) => [r.linkId, r.day, r.workspaceId, r.clicks, r.qrScans, r.bioClicks, r.botClicks]), 7),
        );
      }
      const cube = cubeRows(fresh);
      if (cube.length) {
        await client.query(
          `INSERT INTO "ClickCube" (${quoted(CUBE_COLUMNS)}) SELECT * FROM ${unnest(CUBE_TYPES)} ${CUBE_UPSERT}`,
          columns(cube.map((r) => cubeValues(r, pgTime, (b) => b)), CUBE_COLUMNS.length),
        );
      }
      await client.query("COMMIT");
    } catch (err) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  };
  return {
    async write(batch) {
      try {
        await writeAll(batch, false);
      } catch (err) {
        if ((err as { code?: string }).code !== "23505") throw err;
        // A click id already stored: this batch was sent before.
        await writeAll(batch, true);
      }
    },
    async close() {
      await pool.end();
    },
  };
}

export function openClickStore(databaseUrl: string | undefined): ClickStore {
  const target = resolveDatabase(databaseUrl);
  return target.provider === "postgres" ? postgresStore(target.url) : sqliteStore(target.url);
}
