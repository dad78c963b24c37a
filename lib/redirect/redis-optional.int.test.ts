import type { ChildProcess } from "node:child_process";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRedirectServer, type RunningServer } from "@/tests/redirect-server";
import { eventually, OWN_REDIS_PORT, redirectTestbed, startOwnRedis, stopOwnRedis } from "@/tests/redirect-testbed";

// Redis is an option, not a dependency: with REDIS_URL pointing at nothing the
// redirect, its password limits and edits all work at once; a Redis of this
// test's own (never the shared one) stopped mid-run: edits still reach the server
// through the database's change feed; restarted: invalidation through Redis resumes.
const bed = await redirectTestbed();
const { port, get } = bed;
const { createLink } = await import("@/lib/links/create-link");
const { updateLink } = await import("@/lib/links/update-link");
const { startChangeFeed, stopChangeFeed } = await import("@/lib/redirect/change-feed");

const HUMAN = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const UNREACHABLE = "redis://127.0.0.1:1";

let access: Awaited<ReturnType<typeof bed.workspace>>;
beforeAll(async () => {
  access = await bed.workspace("Redis optional");
});

describe("with REDIS_URL pointing at nothing", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startRedirectServer({ REDIS_URL: UNREACHABLE, TRUSTED_PROXIES: "loopback" }, port);
  });
  afterAll(() => server.stop());

  it("redirects, takes edits, and limits password guesses on local state", async () => {
    const link = await createLink(access, { url: "https://example.com/no-redis" });
    expect(await get(`/${link.slug}`)).toMatchObject({ status: 302, location: "https://example.com/no-redis" });
    // An edit in the dashboard does not wait on Redis (it would have timed out inside the transaction).
    await updateLink(access, link.id, { url: "https://example.com/no-redis-2" });
    expect((await eventually(() => get(`/${link.slug}`), (r) => r.location === "https://example.com/no-redis-2")).location).toBe("https://example.com/no-redis-2");

    const locked = await createLink(access, { url: "https://example.com/pw", password: "right one" });
    const guess = () =>
      fetch(`${server.url}/${locked.slug}`, { method: "POST", redirect: "manual", headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": "203.0.113.77", "user-agent": HUMAN }, body: "password=wrong" }).then((r) => r.status);
    for (let i = 0; i < 10; i++) expect(await guess()).toBe(401);
    expect(await guess()).toBe(429);
    expect(server.output().match(/redis: unavailable/g)?.length ?? 0).toBeLessThanOrEqual(1);
    expect(server.output()).not.toMatch(/MaxRetriesPerRequestError|Unhandled/);
  }, 120_000);
});

/**
 * A Redis of the test's own, a redirect server using `serverRedis` (that one,
 * by default), and this process playing the dashboard: its edits publish
 * invalidations through the own Redis.
 */
function withOwnRedis(serverRedis?: string) {
  const bed = {} as { server: RunningServer; redisProc: ChildProcess; publisher: Redis };
  beforeAll(async () => {
    bed.redisProc = await startOwnRedis();
    const url = `redis://127.0.0.1:${OWN_REDIS_PORT}`;
    bed.server = await startRedirectServer({ REDIS_URL: serverRedis ?? url }, port);
    bed.publisher = new Redis(url, { maxRetriesPerRequest: 0, retryStrategy: () => 200 });
    bed.publisher.on("error", () => undefined);
    startChangeFeed({ redis: bed.publisher, databaseUrl: process.env.DATABASE_URL });
  });
  afterAll(async () => {
    await stopChangeFeed();
    await bed.server.stop();
    bed.publisher.disconnect();
    await stopOwnRedis(bed.redisProc);
  });
  return bed;
}

describe("with a Redis of its own, stopped mid-run and restarted", () => {
  const bed = withOwnRedis();

  it("keeps redirecting while Redis is away, and hears edits again once it is back", async () => {
    const link = await createLink(access, { url: "https://example.com/r1" });
    expect((await get(`/${link.slug}`)).location).toBe("https://example.com/r1");
    await eventually(async () => bed.publisher.status, (s) => s === "ready");
    await updateLink(access, link.id, { url: "https://example.com/r2" });
    // Cached with no time limit (both feeds live): seeing it at once proves the invalidation.
    expect((await eventually(() => get(`/${link.slug}`), (r) => r.location === "https://example.com/r2", 3000)).location).toBe("https://example.com/r2");

    await stopOwnRedis(bed.redisProc);
    // Once the server knows its subscriber is gone, it hears changes through the database.
    await eventually(async () => bed.server.output(), (out) => /redis subscriber: unavailable/.test(out));
    expect((await get(`/${link.slug}`)).location).toBe("https://example.com/r2");
    // Read again while degraded, so cached with no time limit (the database's feed is
    // live): an edit made now, while Redis is down, must reach the server through the
    // database, well within the 3 s that caches fall back to when nothing carries changes.
    expect((await get(`/${link.slug}`)).location).toBe("https://example.com/r2");
    await updateLink(access, link.id, { url: "https://example.com/r3" });
    expect((await eventually(() => get(`/${link.slug}`), (r) => r.location === "https://example.com/r3", 2000)).location).toBe("https://example.com/r3");

    bed.redisProc = await startOwnRedis();
    // Back: what was missed is dropped, and new edits are heard at once again.
    expect((await eventually(() => get(`/${link.slug}`), (r) => r.location === "https://example.com/r3")).location).toBe("https://example.com/r3");
    await eventually(async () => bed.publisher.status, (s) => s === "ready");
    // The server's own connections are back (each logged once per change of state)...
    const connected = (name: string) => bed.server.output().split("\n").filter((l) => l.endsWith(`${name}: connected`)).length;
    const back = await eventually(async () => [connected("redis"), connected("redis subscriber")], ([a, b]) => a! >= 2 && b! >= 2);
    expect(Math.min(...back), bed.server.output()).toBeGreaterThanOrEqual(2);
    // ...so this read is cached with no time limit, and only an invalidation can change it within 2 s.
    expect((await get(`/${link.slug}`)).location).toBe("https://example.com/r3");
    await updateLink(access, link.id, { url: "https://example.com/r4" });
    expect((await eventually(() => get(`/${link.slug}`), (r) => r.location === "https://example.com/r4", 2000)).location).toBe("https://example.com/r4");
    expect(bed.server.output()).toMatch(/redis: unavailable/);
    expect(bed.server.output()).not.toMatch(/MaxRetriesPerRequestError|Unhandled/);
  }, 120_000);
});

describe("an instance whose Redis is away, beside one whose Redis is fine", () => {
  // The server's Redis is away for it alone; this process (the dashboard) has a working one.
  const bed = withOwnRedis(UNREACHABLE);

  it("hears the other's edits at once, through the database", async () => {
    await eventually(async () => bed.publisher.status, (s) => s === "ready");
    const link = await createLink(access, { url: "https://example.com/split-1" });
    expect((await get(`/${link.slug}`)).location).toBe("https://example.com/split-1");
    // Cached with no time limit (the database's feed is live): only an announcement reaching this server changes it within 2 s.
    expect((await get(`/${link.slug}`)).location).toBe("https://example.com/split-1");
    await updateLink(access, link.id, { url: "https://example.com/split-2" });
    expect((await eventually(() => get(`/${link.slug}`), (r) => r.location === "https://example.com/split-2", 2000)).location).toBe("https://example.com/split-2");
    expect(bed.server.output()).not.toMatch(/MaxRetriesPerRequestError|Unhandled/);
  }, 120_000);
});
