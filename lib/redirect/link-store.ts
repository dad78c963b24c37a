import Database from "better-sqlite3";
import pg from "pg";
import { pgTime, sqliteTime } from "../db/raw-values";
import { resolveDatabase } from "../db/url";
import type { DomainRedirects } from "./redirect-cache";
import { toRedirectLink, type RedirectLink } from "./link-record";
import { REDIRECT_COLUMNS as COLUMNS, type RedirectRow } from "../links/link-fields";

/**
 * The redirect's own reads and its one write (a click under a limit), straight
 * through the driver: a cache miss costs tens of microseconds on SQLite
 * instead of a millisecond through Prisma's query compiler.
 */
export interface LinkStore {
  load(domain: string, slug: string): Promise<RedirectLink | null>;
  /** A branded domain's redirects; null when the host is no branded domain. */
  loadDomain(hostname: string): Promise<DomainRedirects | null>;
  /** Counts one click if the link is still under its limit; false when the limit is reached. */
  claimLimitedClick(linkId: string, maxClicks: number, at: Date): Promise<boolean>;
  /** Whether the link is still under its limit, counting nothing (bots, HEAD, preview crawlers). */
  hasClicksLeft(linkId: string, maxClicks: number): Promise<boolean>;
  close(): Promise<void>;
}

type RawRow = Record<string, unknown>;

/** A driver's row -> the row's own types (SQLite: 0/1, JSON text, ISO text), in place: a load copies nothing. */
function toLink(row: RawRow): RedirectLink {
  const expires = row.expiresAt;
  row.expiresAt = expires == null ? null : expires instanceof Date ? expires : new Date(typeof expires === "number" ? expires : String(expires));
  row.disabled = Boolean(row.disabled);
  row.forwardQuery = Boolean(row.forwardQuery);
  row.maxClicks = row.maxClicks == null ? null : Number(row.maxClicks);
  row.redirectType = Number(row.redirectType);
  if (typeof row.geo === "string") row.geo = JSON.parse(row.geo) as unknown;
  return toRedirectLink(row as RedirectRow);
}

function sqliteStore(file: string): LinkStore {
  // Reads and the one write run on the event loop, so they give up after a
  // moment rather than stall every visitor while the click writer commits; a
  // read that gives up is served from the cache (stale), else answered 503.
  // (Not WAL mode: `prisma migrate deploy` fails on a WAL database that
  // another process has open, so the CLI could not migrate beside a server.)
  const db = new Database(file, { timeout: 250 });
  // Prepared on first use, not at startup: preparing reads the schema, which a
  // lock held elsewhere (a migration) can refuse; then the server still starts
  // and the first reads fail like any read while the database is away.
  let prepared: { select: Database.Statement; claim: Database.Statement; left: Database.Statement; domain: Database.Statement } | null = null;
  const statements = () =>
    (prepared ??= {
      domain: db.prepare(`SELECT "rootUrl", "notFoundUrl" FROM "Domain" WHERE "hostname" = ?`),
      select: db.prepare(`SELECT ${COLUMNS.map((c) => `"${c}"`).join(", ")} FROM "Link" WHERE "domain" = ? AND "slug" = ?`),
      claim: db.prepare(`UPDATE "Link" SET "clicks" = "clicks" + 1, "lastClickedAt" = ? WHERE "id" = ? AND "clicks" < ?`),
      left: db.prepare(`SELECT 1 FROM "Link" WHERE "id" = ? AND "clicks" < ?`),
    });
  return {
    async load(domain, slug) {
      const row = statements().select.get(domain, slug) as RawRow | undefined;
      return row ? toLink(row) : null;
    },
    async loadDomain(hostname) {
      return (statements().domain.get(hostname) as DomainRedirects | undefined) ?? null;
    },
    async claimLimitedClick(linkId, maxClicks, at) {
      return statements().claim.run(sqliteTime(at), linkId, maxClicks).changes > 0;
    },
    async hasClicksLeft(linkId, maxClicks) {
      return statements().left.get(linkId, maxClicks) !== undefined;
    },
    async close() {
      db.close();
    },
  };
}

function postgresStore(url: string): LinkStore {
  const pool = new pg.Pool({ connectionString: url, max: 5 });
  pool.on("error", () => undefined); // a dropped idle connection; the next query reconnects
  const columns = COLUMNS.map((c) => (c === "expiresAt" ? `("expiresAt" AT TIME ZONE 'UTC') AS "expiresAt"` : `"${c}"`)).join(", ");
  return {
    async load(domain, slug) {
      const res = await pool.query<RawRow>({ name: "pennant-load-link", text: `SELECT ${columns} FROM "Link" WHERE "domain" = $1 AND "slug" = $2`, values: [domain, slug] });
      return res.rows[0] ? toLink(res.rows[0]) : null;
    },
    async loadDomain(hostname) {
      const res = await pool.query<DomainRedirects>({ name: "pennant-load-domain", text: `SELECT "rootUrl", "notFoundUrl" FROM "Domain" WHERE "hostname" = $1`, values: [hostname] });
      return res.rows[0] ?? null;
    },
    async claimLimitedClick(linkId, maxClicks, at) {
      const res = await pool.query({
        name: "pennant-claim-click",
        text: `UPDATE "Link" SET "clicks" = "clicks" + 1, "lastClickedAt" = $1::timestamp(3) WHERE "id" = $2 AND "clicks" < $3`,
        values: [pgTime(at), linkId, maxClicks],
      });
      return (res.rowCount ?? 0) > 0;
    },
    async hasClicksLeft(linkId, maxClicks) {
      const res = await pool.query({ name: "pennant-clicks-left", text: `SELECT 1 FROM "Link" WHERE "id" = $1 AND "clicks" < $2`, values: [linkId, maxClicks] });
      return (res.rowCount ?? 0) > 0;
    },
    async close() {
      await pool.end();
    },
  };
}

export function openLinkStore(databaseUrl: string | undefined): LinkStore {
  const target = resolveDatabase(databaseUrl);
  return target.provider === "postgres" ? postgresStore(target.url) : sqliteStore(target.url);
}
