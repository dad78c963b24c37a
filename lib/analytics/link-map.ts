import "server-only";
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

/** The link map and, from the same snapshot, the workspace's linkMapVersion (null: no such workspace). */
async function readVersioned(workspaceId: string): Promise<{ map: LinkMap; version: number | null }> {
  const pg = db().provider === "postgres";
  const w = pg ? () => "$1" : () => "?";
  const list = (fields: string, order: string) =>
    pg ? `COALESCE(json_agg(json_build_array(${fields}) ORDER BY ${order}), '[]')::text` : `json_group_array(json_array(${fields}) ORDER BY ${order})`;
  const sql =
    `SELECT (SELECT ${list(`l."id", l."campaignId", l."channelId", l."createdAt"`, `l."id"`)} FROM "Link" l WHERE l."workspaceId" = ${w()}) AS links, ` +
    `(SELECT ${list(`t."linkId", t."tagId"`, `t."linkId", t."tagId"`)} FROM "LinkTag" t JOIN "Link" l ON l."id" = t."linkId" WHERE l."workspaceId" = ${w()}) AS tags, ` +
    `(SELECT ${list(`c."key", c."kind"`, `c."key"`)} FROM "Channel" c WHERE c."workspaceId" = ${w()}) AS channels, ` +
    `(SELECT "linkMapVersion" FROM "Workspace" WHERE "id" = ${w()}) AS version`;
  const [row] = await db().$queryRawUnsafe<{ links: string; tags: string; channels: string; version: number | bigint | null }[]>(sql, ...(pg ? [workspaceId] : [workspaceId, workspaceId, workspaceId, workspaceId]));
  const rows = JSON.parse(row?.links ?? "[]") as [string, string | null, string | null, unknown][];
  const pairs = JSON.parse(row?.tags ?? "[]") as [string, string][];
  const links = new Map<string, LinkFiling>();
  for (const [id, campaignId, channelId, createdAt] of rows) links.set(id, { campaignId, channelId, createdAt: timeOf(createdAt) });
  const tags = new Map<string, string[]>();
  for (const [linkId, tagId] of pairs) {
    const of = tags.get(linkId);
    if (of) of.push(tagId);
    else tags.set(linkId, [tagId]);
  }
  const channels = (JSON.parse(row?.channels ?? "[]") as [string, string][]).map(([key, kind]) => ({ key, kind }));
  const version = row?.version == null ? null : Number(row.version);
  return { map: { links, order: rows.map((r) => r[0]), tags, channels }, version };
}

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

async function currentLinkMap(workspaceId: string): Promise<LinkMap> {
  const client = db();
  let kept = keptBy.get(client);
  if (!kept) keptBy.set(client, (kept = new Map()));
  const have = kept.get(workspaceId);
  if (have) {
    kept.delete(workspaceId); // put back as the newest, or replaced
    const version = await linkMapVersion(workspaceId);
    if (version === have.version) {
      kept.set(workspaceId, have);
      return have.map;
    }
  }
  const { map, version } = await readVersioned(workspaceId);
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
