import "server-only";
import { selectRows } from "@/lib/db/select-rows";
import { db, type Db } from "@/lib/db/client";

/** A link as analytics files it: its campaign and channel, and when it was made (the rollup's fingerprint counts links made before its end). */
export interface LinkFiling {
  readonly campaignId: string | null;
  readonly channelId: string | null;
  readonly createdAt: number;
}

/**
 * What a workspace's figures depend on besides its clicks: each link's
 * campaign and channel, each link's tags, and the channels' kinds. A view
 * reads it once and takes from it a click's campaign and channel (no join to
 * the links in every row read), the tag panel's tags, and the daily rollup's
 * fingerprint (day-rollup.ts), each of which read the links on its own before.
 * Lists are in the database's order of their keys, as the fingerprint hashes them.
 */
export interface LinkMap {
  readonly links: ReadonlyMap<string, LinkFiling>;
  /** Each link's id, in order (the fingerprint's order). */
  readonly order: readonly string[];
  /** Each tagged link's tags, in order (links in order too: the fingerprint lists them so). */
  readonly tags: ReadonlyMap<string, readonly string[]>;
  /** The workspace's channels, by key. */
  readonly channels: readonly Readonly<{ key: string; kind: string }>[];
}

/**
 * The workspace's link map, read now: one statement, so the three lists agree
 * with each other (a consistent snapshot on both databases). Each list is one
 * JSON text: the driver adapter converts one value, not one per column and
 * link (10,000 links, as rows, took tens of milliseconds to convert).
 */
export async function readLinkMap(workspaceId: string): Promise<LinkMap> {
  return (await readVersioned(workspaceId)).map;
}

/** Parameters for one statement: "$n" on PostgreSQL, "?" in the text's order on SQLite. */
function statement() {
  const pg = db().provider === "postgres";
  const values: unknown[] = [];
  const at = (v: unknown) => (values.push(v), pg ? `$${values.length}` : "?");
  const list = (fields: string, order: string) =>
    pg ? `COALESCE(json_agg(json_build_array(${fields}) ORDER BY ${order}), '[]')::text` : `json_group_array(json_array(${fields}) ORDER BY ${order})`;
  return { at, values, list };
}

type LinkRow = [string, string | null, string | null, unknown];
type TagPair = [string, string];

/** The link map and, from the same snapshot, the workspace's linkMapVersion (null: no such workspace). */
async function readVersioned(workspaceId: string): Promise<{ map: LinkMap; version: number | null }> {
  const { at, values, list } = statement();
  const sql =
    `SELECT (SELECT ${list(`l."id", l."campaignId", l."channelId", l."createdAt"`, `l."id"`)} FROM "Link" l WHERE l."workspaceId" = ${at(workspaceId)}) AS links, ` +
    `(SELECT ${list(`t."linkId", t."tagId"`, `t."linkId", t."tagId"`)} FROM "LinkTag" t JOIN "Link" l ON l."id" = t."linkId" WHERE l."workspaceId" = ${at(workspaceId)}) AS tags, ` +
    `(SELECT ${list(`c."key", c."kind"`, `c."key"`)} FROM "Channel" c WHERE c."workspaceId" = ${at(workspaceId)}) AS channels, ` +
    `(SELECT "linkMapVersion" FROM "Workspace" WHERE "id" = ${at(workspaceId)}) AS version`;
  const [row] = await selectRows<{ links: string; tags: string; channels: string; version: number | bigint | null }>(sql, values);
  const links = new Map<string, LinkFiling>();
  for (const r of JSON.parse(row?.links ?? "[]") as LinkRow[]) links.set(r[0], filing(r));
  const tags = new Map<string, string[]>();
  addTags(tags, JSON.parse(row?.tags ?? "[]") as TagPair[]);
  const version = row?.version == null ? null : Number(row.version);
  return { map: mapOf(links, tags, channelsOf(row?.channels)), version };
}

/**
 * A kept map brought up to the workspace's version now from the change log
 * (LinkMapChange: one row per move of the version, with its link, or null for
 * a channel): the links it names read again with their tags, the channels
 * read again, all in one statement (a consistent snapshot). Null when the log
 * is not whole since the kept version (pruned), or the workspace is gone: read
 * the whole map then. A link-edit's next view reads a few rows, not 10,000.
 */
export async function readLinkMapChanges(workspaceId: string, kept: { map: LinkMap; version: number }): Promise<{ map: LinkMap; version: number } | null> {
  const { at, values, list } = statement();
  const changed = () => `SELECT c."linkId" FROM "LinkMapChange" c WHERE c."workspaceId" = ${at(workspaceId)} AND c."version" > ${at(kept.version)}`;
  const sql =
    `SELECT (SELECT "linkMapVersion" FROM "Workspace" WHERE "id" = ${at(workspaceId)}) AS version, ` +
    `(SELECT ${list(`c."version", c."linkId"`, `c."version"`)} FROM "LinkMapChange" c WHERE c."workspaceId" = ${at(workspaceId)} AND c."version" > ${at(kept.version)}) AS changes, ` +
    `(SELECT ${list(`l."id", l."campaignId", l."channelId", l."createdAt"`, `l."id"`)} FROM "Link" l WHERE l."workspaceId" = ${at(workspaceId)} AND l."id" IN (${changed()})) AS links, ` +
    `(SELECT ${list(`t."linkId", t."tagId"`, `t."linkId", t."tagId"`)} FROM "LinkTag" t JOIN "Link" l ON l."id" = t."linkId" WHERE l."workspaceId" = ${at(workspaceId)} AND t."linkId" IN (${changed()})) AS tags, ` +
    `(SELECT ${list(`c."key", c."kind"`, `c."key"`)} FROM "Channel" c WHERE c."workspaceId" = ${at(workspaceId)}) AS channels`;
  const [row] = await selectRows<{ version: number | bigint | null; changes: string; links: string; tags: string; channels: string }>(sql, values);
  if (row?.version == null) return null;
  const version = Number(row.version);
  const changes = JSON.parse(row.changes ?? "[]") as [unknown, string | null][];
  // Whole: a row for every move since the kept version (the rows' versions are distinct, and none is past the version read with them).
  if (version < kept.version || changes.length !== version - kept.version) return null;
  const ids = new Set(changes.flatMap(([, id]) => (id === null ? [] : [id])));
  const links = new Map(kept.map.links);
  const tags = new Map(kept.map.tags);
  for (const id of ids) {
    links.delete(id);
    tags.delete(id);
  }
  for (const r of JSON.parse(row.links ?? "[]") as LinkRow[]) links.set(r[0], filing(r));
  addTags(tags, JSON.parse(row.tags ?? "[]") as TagPair[]);
  return { map: mapOf(links, tags, channelsOf(row.channels)), version };
}

const filing = ([, campaignId, channelId, createdAt]: LinkRow): LinkFiling => ({ campaignId, channelId, createdAt: timeOf(createdAt) });
const channelsOf = (json: string | undefined) => (JSON.parse(json ?? "[]") as [string, string][]).map(([key, kind]) => ({ key, kind }));

/** The links' tags read (links with none kept in `into` are not among them), each list built once and put in code-unit order. */
function addTags(into: Map<string, readonly string[]>, pairs: TagPair[]) {
  const read = new Map<string, string[]>();
  for (const [linkId, tagId] of pairs) {
    const list = read.get(linkId);
    if (list) list.push(tagId);
    else read.set(linkId, [tagId]);
  }
  for (const [linkId, list] of read) into.set(linkId, list.sort(byCodeUnits));
}

/**
 * A map from its links and tags, in one order whichever way it was read: ids
 * by their code units (the databases' own order for these ids: PostgreSQL's
 * "C" collation, SQLite's binary one), each link's tags too, so a map read
 * whole and one brought up to date hash to the same fingerprint.
 */
function mapOf(links: Map<string, LinkFiling>, tags: Map<string, readonly string[]>, channels: LinkMap["channels"]): LinkMap {
  const order = [...links.keys()].sort(byCodeUnits);
  const tagged = new Map<string, readonly string[]>();
  for (const id of order) {
    const of = tags.get(id);
    if (of?.length) tagged.set(id, of); // in order already (addTags), and never changed after
  }
  return { links, order, tags: tagged, channels };
}
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The workspace's link map as views use it: the one kept from an earlier read
 * while the workspace's linkMapVersion has not moved since (one small read;
 * the database's triggers move it on every write that changes the map, from
 * any instance and any code path: see the link_map_version migration), else
 * read anew and kept. A map kept is never changed: its users only read it.
 * A read under way is shared by the questions that ask for it meanwhile (a
 * view's period, its period before and its rollup check ask within
 * milliseconds), so a question never gets a map older than the reads already
 * under way when it asked.
 */
export function sharedLinkMap(workspaceId: string): Promise<LinkMap> {
  const running = reads.get(workspaceId);
  if (running) return running;
  const read = currentLinkMap(workspaceId).finally(() => reads.delete(workspaceId));
  reads.set(workspaceId, read);
  return read;
}
const reads = new Map<string, Promise<LinkMap>>();

interface Kept {
  map: LinkMap;
  version: number;
}
/** Maps kept, per database client (a process may switch: tests, benchmarks), by workspace, least recently used first. */
const keptBy = new WeakMap<Db, Map<string, Kept>>();
/** Links kept across all workspaces' maps at most (some 200 bytes each): a larger map is read every time. */
const KEEP_LINKS = 200_000;
/** Changes read from the log at most: past this many (a bulk import), the whole map is read again. */
const LOG_READ = 2_000;
/** Changes a workspace's log keeps (pruneLinkMapChanges): a server whose map is older reads it whole. */
const LOG_KEEP = 5_000;

async function currentLinkMap(workspaceId: string): Promise<LinkMap> {
  const client = db();
  let kept = keptBy.get(client);
  if (!kept) keptBy.set(client, (kept = new Map()));
  const have = kept.get(workspaceId);
  let read: { map: LinkMap; version: number | null } | null = null;
  if (have) {
    kept.delete(workspaceId); // put back as the newest, or replaced
    const version = await linkMapVersion(workspaceId);
    if (version === have.version) {
      kept.set(workspaceId, have);
      return have.map;
    }
    // A few links changed since (a link edited, tagged, made): those alone are read again.
    if (version !== null && version > have.version && version - have.version <= LOG_READ) read = await readLinkMapChanges(workspaceId, have);
  }
  const { map, version } = read ?? (await readVersioned(workspaceId));
  if (version !== null && map.order.length <= KEEP_LINKS) {
    kept.set(workspaceId, { map, version }); // the newest (a kept one was taken out above)
    let links = 0;
    for (const k of kept.values()) links += k.map.order.length;
    for (const [id, k] of kept) {
      if (links <= KEEP_LINKS) break;
      kept.delete(id);
      links -= k.map.order.length;
    }
  }
  return map;
}

async function linkMapVersion(workspaceId: string): Promise<number | null> {
  const row = await db().workspace.findUnique({ where: { id: workspaceId }, select: { linkMapVersion: true } });
  return row?.linkMapVersion ?? null;
}

/** A timestamp as read in JSON: milliseconds or their text (SQLite), or ISO text with or without its offset (PostgreSQL's JSON is UTC without one). */
function timeOf(v: unknown): number {
  if (typeof v === "number" || typeof v === "bigint") return Number(v);
  const s = String(v);
  return /^\d+$/.test(s) ? Number(s) : Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(s) ? s : `${s.replace(" ", "T")}Z`);
}

/** Drops the change log's rows older than each workspace's last LOG_KEEP moves (the daily job; a server whose map is older reads it whole). */
export async function pruneLinkMapChanges(): Promise<number> {
  return db().$executeRawUnsafe(
    `DELETE FROM "LinkMapChange" WHERE "version" <= (SELECT w."linkMapVersion" FROM "Workspace" w WHERE w."id" = "LinkMapChange"."workspaceId") - ${LOG_KEEP} ` +
      `OR NOT EXISTS (SELECT 1 FROM "Workspace" w WHERE w."id" = "LinkMapChange"."workspaceId")`,
  );
}
