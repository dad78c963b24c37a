import { existsSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { Redis } from "ioredis";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startRedirectServer, type RunningServer } from "@/tests/redirect-server";
import { eventually, HUMAN, redirectTestbed } from "@/tests/redirect-testbed";

// Instance A's port names the links' domain; instance B answers for the same domain.
const bed = await redirectTestbed();
const { port: portA, get: getOn } = bed;
const { db } = await import("@/lib/db/client");
const { createLink } = await import("@/lib/links/create-link");
const { updateLink } = await import("@/lib/links/update-link");
const { addDomain, setDomainRedirects } = await import("@/lib/domains/manage-domains");
const { startChangeFeed, stopChangeFeed } = await import("@/lib/redirect/change-feed");
const { getOnHost } = await import("@/tests/redirect-server");

const REDIS_URL = process.env.TEST_REDIS_URL || "redis://127.0.0.1:6379";

/** A GET with the Host header of the links' domain, to any instance. */
const get = (port: number, path: string) => getOn(path, port);

const clickCount = (linkId: string) => db().click.count({ where: { linkId } });
let access: Awaited<ReturnType<typeof bed.workspace>>;

beforeAll(async () => {
  access = await bed.workspace("Lifecycle");
});

describe("the redirect server's lifecycle", () => {
  it("writes every buffered click when stopped with SIGTERM", async () => {
    const server = await startRedirectServer({}, portA);
    const link = await createLink(access, { url: "https://example.com/flush" });
    const answers = await Promise.all(Array.from({ length: 40 }, () => get(server.port, `/${link.slug}`)));
    expect(answers.every((a) => a.status === 302)).toBe(true);
    expect(await server.stop("SIGTERM")).toBe(0);
    expect(await clickCount(link.id)).toBe(40);
    expect((await db().link.findUniqueOrThrow({ where: { id: link.id } })).clicks).toBe(40);
  }, 60_000);

  describe("two instances sharing Redis", () => {
    let a: RunningServer;
    let b: RunningServer;
    let publisher: Redis;
    beforeAll(async () => {
      a = await startRedirectServer({ REDIS_URL }, portA);
      b = await startRedirectServer({ REDIS_URL, APP_URL: `http://localhost:${portA}` });
      // This process plays the dashboard of instance A: its edits publish invalidations.
      publisher = new Redis(REDIS_URL);
      startChangeFeed({ redis: publisher, databaseUrl: process.env.DATABASE_URL });
    });
    afterAll(async () => {
      await stopChangeFeed();
      await Promise.all([a.stop(), b.stop()]);
      publisher.disconnect();
    });

    it("sees an edit made elsewhere without waiting for its cache to expire", async () => {
      const link = await createLink(access, { url: "https://example.com/before" });
      expect((await get(b.port, `/${link.slug}`)).location).toBe("https://example.com/before");
      expect((await get(a.port, `/${link.slug}`)).location).toBe("https://example.com/before");
      await updateLink(access, link.id, { url: "https://example.com/after" });
      // With Redis, entries are cached for a minute: seeing the change within 2 s proves the invalidation.
      const onB = await eventually(() => get(b.port, `/${link.slug}`), (r) => r.location === "https://example.com/after", 2000);
      expect(onB.location).toBe("https://example.com/after");
      expect((await get(a.port, `/${link.slug}`)).location).toBe("https://example.com/after");
    }, 60_000);
  });

  describe("two instances without Redis", () => {
    let a: RunningServer;
    let b: RunningServer;
    beforeAll(async () => {
      // Each learns of the other's writes from the database itself (LISTEN/NOTIFY, or SQLite's data_version).
      a = await startRedirectServer({}, portA);
      b = await startRedirectServer({ APP_URL: `http://localhost:${portA}` });
    });
    afterAll(async () => {
      await Promise.all([a.stop(), b.stop()]);
    });

    it("redirects to a link's new destination on B promptly after it is changed through A", async () => {
      // This process writes as instance A's dashboard does, without a feed of its own:
      // the change is announced through the database after the commit.
      const link = await createLink(access, { url: "https://example.com/v1" });
      expect((await get(b.port, `/${link.slug}`)).location).toBe("https://example.com/v1");
      expect((await get(a.port, `/${link.slug}`)).location).toBe("https://example.com/v1");
      for (const version of ["v2", "v3"]) {
        await updateLink(access, link.id, { url: `https://example.com/${version}` });
        // Without a time limit on cached links, only the notice can bring the change.
        for (const server of [b, a]) {
          const seen = await eventually(() => get(server.port, `/${link.slug}`), (r) => r.location === `https://example.com/${version}`, 2000);
          expect(seen.location).toBe(`https://example.com/${version}`);
        }
      }
      // Disabled through A: both stop at once.
      await updateLink(access, link.id, { disabled: true });
      expect((await eventually(() => get(b.port, `/${link.slug}`), (r) => r.status === 404, 2000)).status).toBe(404);
      // An address visited before the link existed (cached as missing) works once it is made.
      const taken = `late-${Date.now().toString(36)}`;
      expect((await get(b.port, `/${taken}`)).status).toBe(404);
      await createLink(access, { url: "https://example.com/late", slug: taken });
      expect((await eventually(() => get(b.port, `/${taken}`), (r) => r.status === 302, 2000)).location).toBe("https://example.com/late");
    }, 60_000);

    it("serves a branded domain's new fallback on B after it is set through A", async () => {
      const hostname = `go-${Date.now().toString(36)}.example.com`;
      const domain = await addDomain(access, { hostname });
      expect((await getOnHost(b.port, hostname, "/", "Mozilla/5.0")).status).toBe(404);
      await setDomainRedirects(access, domain.id, { rootUrl: "https://brand.example/", notFoundUrl: null });
      const root = await eventually(() => getOnHost(b.port, hostname, "/", "Mozilla/5.0"), (r) => r.status === 302, 2000);
      expect(root.location).toBe("https://brand.example/");
    }, 60_000);
  });

  it("keeps redirecting from its cache while the database is away, and keeps the clicks", async () => {
    const server = await startRedirectServer({}, portA);
    const link = await createLink(access, { url: "https://example.com/outage" });
    expect((await get(server.port, `/${link.slug}`)).status).toBe(302);
    const outage = await takeDatabaseAway();
    try {
      for (let i = 0; i < 3; i++) {
        const res = await get(server.port, `/${link.slug}`);
        expect(res).toMatchObject({ status: 302, location: "https://example.com/outage" });
      }
    } finally {
      await outage.restore();
    }
    const stored = await eventually(() => clickCount(link.id), (n) => n === 4);
    expect(stored).toBe(4);
    await server.stop();
  }, 60_000);

  it("answers 503 with Retry-After, revealing nothing, for a link it has not cached while the database is away", async () => {
    const server = await startRedirectServer({}, portA);
    const link = await createLink(access, { url: "https://example.com/cold-outage" });
    const outage = await takeDatabaseAway();
    try {
      const res = await fetch(`${server.url}/${link.slug}`, { redirect: "manual", headers: { "user-agent": HUMAN } });
      expect(res.status).toBe(503);
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(res.headers.get("location")).toBeNull();
      const page = await res.text();
      expect(page).toContain("Please try again in a moment");
      expect(page).not.toContain("cold-outage");
    } finally {
      await outage.restore();
    }
    expect((await eventually(() => get(server.port, `/${link.slug}`), (r) => r.status === 302)).location).toBe("https://example.com/cold-outage");
    await server.stop();
  }, 60_000);

  it("keeps clicks on disk through an outage, a shutdown and a killed restart, and writes them when the database is back", async () => {
    const spillFile = path.join(os.tmpdir(), `pennant-spill-crash-${portA}-${Date.now()}.jsonl`);
    const onDisk = () => readdirSync(path.dirname(spillFile)).filter((f) => f.startsWith(path.basename(spillFile)));
    const first = await startRedirectServer({ CLICK_SPILL_FILE: spillFile }, portA);
    const link = await createLink(access, { url: "https://example.com/crash" });
    expect((await get(first.port, `/${link.slug}`)).status).toBe(302);
    expect(await eventually(() => clickCount(link.id), (n) => n === 1)).toBe(1);

    const outage = await takeDatabaseAway();
    try {
      for (let i = 0; i < 3; i++) expect((await get(first.port, `/${link.slug}`)).status).toBe(302);
      // SIGTERM with the database away: the three clicks go to the spill file.
      expect(await first.stop("SIGTERM")).toBe(0);
      expect(existsSync(spillFile)).toBe(true);
      // The next instance picks the file up at once (no visitor needed), fails to
      // write it, and is killed before the database is back.
      const second = await startRedirectServer({ CLICK_SPILL_FILE: spillFile }, portA);
      await eventually(async () => onDisk(), (files) => files.some((f) => f.endsWith(".draining")));
      await second.stop("SIGKILL");
      expect(onDisk().some((f) => f.endsWith(".draining"))).toBe(true);
    } finally {
      await outage.restore();
    }

    const third = await startRedirectServer({ CLICK_SPILL_FILE: spillFile }, portA);
    expect(await eventually(() => clickCount(link.id), (n) => n === 4)).toBe(4);
    expect((await db().link.findUniqueOrThrow({ where: { id: link.id } })).clicks).toBe(4);
    expect(await eventually(async () => onDisk(), (files) => files.length === 0)).toEqual([]);
    await third.stop();
  }, 120_000);
});

/** Makes the test database refuse the server: an exclusive lock (SQLite) or no connections (PostgreSQL). */
async function takeDatabaseAway(): Promise<{ restore: () => Promise<void> }> {
  const url = inject("databaseUrl");
  if (inject("databaseProvider") === "sqlite") {
    const conn = new Database(url.replace(/^file:/, ""), { timeout: 5000 });
    conn.exec("BEGIN EXCLUSIVE");
    return {
      restore: async () => {
        conn.exec("COMMIT");
        conn.close();
      },
    };
  }
  const name = new URL(url).pathname.slice(1);
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres" });
  await admin.connect();
  await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
  // Until none is left: a connection that was starting when connections were refused can still come up after one pass.
  for (let i = 0; i < 50; i++) {
    const { rows } = await admin.query<{ n: number }>(`SELECT COUNT(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [name]);
    if (!rows[0]?.n) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    restore: async () => {
      await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`);
      await admin.end();
    },
  };
}
