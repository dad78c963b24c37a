import "server-only";
import { db } from "@/lib/db/client";

/** A link as analytics files it: its campaign and channel, and when it was made (the rollup's fingerprint counts links made before its end). */
export interface LinkFiling {
  campaignId: string | null;
  channelId: string | null;
  createdAt: number;
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
  links: Map<string, LinkFiling>;
  /** Each link's id, in order (the fingerprint's order). */
  order: string[];
  /** Each tagged link's tags, in order (links in order too: the fingerprint lists them so). */
  tags: Map<string, string[]>;
  /** The workspace's channels, by key. */
  channels: { key: string; kind: string }[];
}

/**
 * The workspace's link map, read now: one statement, so the three lists agree
 * with each other (a consistent snapshot on both databases). Each list is one
 * JSON text: the driver adapter converts one value, not one per column and
 * link (10,000 links, as rows, took tens of milliseconds to convert).
 */
export async function readLinkMap(workspaceId: string): Promise<LinkMap> {
  const pg = db().provider === "postgres";
  const w = pg ? () => "$1" : () => "?";
  const list = (fields: string, order: string) =>
    pg ? `COALESCE(json_agg(json_build_array(${fields}) ORDER BY ${order}), '[]')::text` : `json_group_array(json_array(${fields}) ORDER BY ${order})`;
  const sql =
    `SELECT (SELECT ${list(`l."id", l."campaignId", l."channelId", l."createdAt"`, `l."id"`)} FROM "Link" l WHERE l."workspaceId" = ${w()}) AS links, ` +
    `(SELECT ${list(`t."linkId", t."tagId"`, `t."linkId", t."tagId"`)} FROM "LinkTag" t JOIN "Link" l ON l."id" = t."linkId" WHERE l."workspaceId" = ${w()}) AS tags, ` +
    `(SELECT ${list(`c."key", c."kind"`, `c."key"`)} FROM "Channel" c WHERE c."workspaceId" = ${w()}) AS channels`;
  const [row] = await db().$queryRawUnsafe<{ links: string; tags: string; channels: string }[]>(sql, ...(pg ? [workspaceId] : [workspaceId, workspaceId, workspaceId]));
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
  return { links, order: rows.map((r) => r[0]), tags, channels };
}

/**
 * The workspace's link map, shared by the questions that ask for it while a
 * read is under way (a view's period, its period before and its rollup check
 * ask within milliseconds): none is kept once read, so a question never gets
 * a map older than the reads already under way when it asked.
 */
export function sharedLinkMap(workspaceId: string): Promise<LinkMap> {
  const running = reads.get(workspaceId);
  if (running) return running;
  const read = readLinkMap(workspaceId).finally(() => reads.delete(workspaceId));
  reads.set(workspaceId, read);
  return read;
}
const reads = new Map<string, Promise<LinkMap>>();

/** A timestamp as read in JSON: milliseconds or their text (SQLite), or ISO text with or without its offset (PostgreSQL's JSON is UTC without one). */
function timeOf(v: unknown): number {
  if (typeof v === "number" || typeof v === "bigint") return Number(v);
  const s = String(v);
  return /^\d+$/.test(s) ? Number(s) : Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(s) ? s : `${s.replace(" ", "T")}Z`);
}
