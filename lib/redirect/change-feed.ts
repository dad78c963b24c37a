import Database from "better-sqlite3";
import type { Redis } from "ioredis";
import pg from "pg";
import { resolveDatabase, type DatabaseTarget } from "../db/url";
import { tellServerOfChanges } from "../http/next-process";
import { redis, watchState } from "../redis";

/**
 * How every instance hears that a link, a branded domain or a bio page
 * changed, so that its caches (lib/redirect/redirect-cache.ts,
 * lib/bio-pages/page-cache.ts) can keep entries with no time limit:
 *
 * - with Redis: pub/sub on one channel, and the database's feed (below)
 *   beside it, both told of every change and both heard. An instance whose
 *   own Redis is away (down for it alone, or for all) still hears every edit,
 *   from instances whose Redis is fine too, through the database; losing the
 *   subscriber forgets everything once (messages may have been missed), as
 *   its return does;
 * - PostgreSQL without Redis: LISTEN/NOTIFY on a dedicated connection, which
 *   reconnects (and then forgets everything, as notices may have been missed);
 * - SQLite without Redis: the writer changes `PRAGMA user_version`; readers
 *   look at `PRAGMA data_version` (does anyone else have committed since?) at
 *   most every CHECK_EVERY_MS before serving from cache, and forget everything
 *   when user_version moved. Click writes move data_version only, so they cost
 *   one extra pragma read, not the cache.
 *
 * A message is "<kind> <key>", e.g. "link example.com/abc", "domain example.com",
 * "bio handle". Writers publish after their transaction commits, through
 * publishChanges (the one write path); the writer's own caches forget at once.
 */
type ChangeKind = "link" | "domain" | "bio";
/** A change, or null: forget everything (changes may have been missed). */
type ChangeHandler = (change: { kind: ChangeKind; key: string } | null) => void;

interface ChangeFeed {
  /** Whether changes elsewhere reach this instance now; when not, caches fall back to a short lifetime. */
  live(): boolean;
  /**
   * Whether a feed that misses no change carries them now: the database's
   * (beside Redis or alone). Redis's messages are not promised to arrive, so
   * while it alone carries changes, cached entries live a minute; while the
   * database's does, they need no time limit.
   */
  guaranteed(): boolean;
  /** Looks for changes elsewhere when the feed has to ask (SQLite); cheap, and at most every CHECK_EVERY_MS. */
  poll(): void;
  publish(messages: string[]): Promise<void>;
  close(): Promise<void>;
}

const CHANGE_CHANNEL = "pennant:changes";
const PG_CHANNEL = "pennant_changes";
/** How often (at most) an SQLite reader looks whether another connection committed. */
const CHECK_EVERY_MS = 50;
/** PostgreSQL's limit on a NOTIFY payload is 8000 bytes; keep well under it. */
const NOTIFY_BYTES = 7000;

interface FeedState {
  feed: ChangeFeed | null;
  handlers: Set<ChangeHandler>;
  /** A publish-only feed for processes that never started one (the CLI, Next without the custom server). */
  fallback: ChangeFeed | null;
}
const g = globalThis as unknown as { pennantChangeFeed?: FeedState };
function state(): FeedState {
  g.pennantChangeFeed ??= { feed: null, handlers: new Set(), fallback: null };
  return g.pennantChangeFeed;
}

/** A cache's subscription: called for each change heard from any instance (this one included). */
export function onChange(handler: ChangeHandler): void {
  state().handlers.add(handler);
}
function deliver(change: { kind: ChangeKind; key: string } | null) {
  for (const h of state().handlers) h(change);
}
function deliverMessage(message: string) {
  const space = message.indexOf(" ");
  const kind = message.slice(0, space);
  if (kind === "link" || kind === "domain" || kind === "bio") deliver({ kind, key: message.slice(space + 1) });
}

/** Changes the app's own process published (lib/http/next-process.ts), heard by the server beside it. */
export function hearChanges(messages: string[]): void {
  for (const m of messages) deliverMessage(m);
}

/** The feed this process listens on (null before startChangeFeed: caches then use short lifetimes). */
export function changeFeed(): ChangeFeed | null {
  return state().feed;
}

/** Starts listening for changes (the server does this once, at start). */
export function startChangeFeed(opts: { redis: Redis | null; databaseUrl: string | undefined }): ChangeFeed {
  const s = state();
  void s.feed?.close();
  const target = resolveDatabase(opts.databaseUrl);
  s.feed = opts.redis ? redisWithDatabaseFeed(opts.redis, target) : databaseFeed(target);
  return s.feed;
}

export async function stopChangeFeed(): Promise<void> {
  const s = state();
  const feed = s.feed;
  s.feed = null;
  await feed?.close();
}

/**
 * Tells every instance (this one included) that these changed. Call after the
 * transaction commits: an instance told earlier could re-read the old row and
 * keep it. Never throws: the write itself has succeeded.
 */
export async function publishChanges(kind: ChangeKind, keys: string[]): Promise<void> {
  if (!keys.length) return;
  for (const key of keys) deliver({ kind, key });
  const messages = keys.map((k) => `${kind} ${k}`);
  // The app's pages in their own process (lib/http/next-process.ts): the server beside them, which answers the links, forgets at once too.
  tellServerOfChanges(messages);
  const s = state();
  const feed = s.feed ?? (s.fallback ??= publishOnlyFeed());
  await feed.publish(messages).catch((err: unknown) => {
    console.warn(`[pennant] could not announce a change to other instances: ${(err as Error).message}`);
  });
}

function publishOnlyFeed(): ChangeFeed {
  const client = redis();
  const target = resolveDatabase(process.env.DATABASE_URL);
  return client ? redisWithDatabaseFeed(client, target, { listen: false }) : databaseFeed(target, { listen: false });
}

function databaseFeed(target: DatabaseTarget, opts: { listen?: boolean } = {}): ChangeFeed {
  return target.provider === "postgres" ? postgresFeed(target.url, opts) : sqliteFeed(target, opts);
}

/**
 * Redis, with the database's feed always beside it: every change goes to both
 * and both are heard. Redis alone would not do: an instance that lost its own
 * Redis would miss the edits of those that still have theirs (for a cache
 * lifetime), and a message Redis takes is not promised to arrive. A change
 * heard twice only drops a cache entry twice. While the database's feed is
 * live, caches keep entries with no time limit (`guaranteed`), as without
 * Redis; while Redis alone carries changes, a minute; when neither does, the
 * short lifetime (`live`).
 */
function redisWithDatabaseFeed(client: Redis, target: DatabaseTarget, opts: { listen?: boolean } = {}): ChangeFeed {
  const viaRedis = redisFeed(client, opts);
  const viaDatabase = databaseFeed(target, opts);
  return {
    live: () => viaRedis.live() || viaDatabase.live(),
    guaranteed: () => viaDatabase.live(),
    poll: () => viaDatabase.poll(),
    publish: async (messages) => {
      // Never waited on: slow or away, Redis must not hold a request; the database carries the change anyway.
      if (client.status === "ready") for (const m of messages) client.publish(CHANGE_CHANNEL, m).catch(() => undefined);
      await viaDatabase.publish(messages);
    },
    close: async () => {
      await Promise.all([viaRedis.close(), viaDatabase.close()]);
    },
  };
}

/** The listening half of the Redis feed (publishing is redisWithDatabaseFeed's). */
function redisFeed(client: Redis, opts: { listen?: boolean } = {}): Pick<ChangeFeed, "live" | "close"> {
  let subscriber: Redis | null = null;
  let listening = false;
  if (opts.listen !== false) {
    // A subscriber must queue its SUBSCRIBE until connected (the shared client does not queue).
    subscriber = client.duplicate({ enableOfflineQueue: true, commandTimeout: undefined });
    watchState(subscriber, "redis subscriber");
    subscriber.subscribe(CHANGE_CHANNEL).catch(() => undefined);
    let lost = false;
    // A closed connection may have missed messages, even when it comes back at the first retry (no error seen).
    const drop = () => {
      // Messages in flight when the connection broke may be lost: forget once (the database feed carries what follows).
      if (!lost) deliver(null);
      lost = true;
      listening = false;
    };
    subscriber.on("error", drop);
    subscriber.on("close", drop);
    subscriber.on("end", drop);
    subscriber.on("ready", () => {
      listening = true;
      // Messages sent while Redis was away were missed: forget everything once it is back.
      if (lost) deliver(null);
      lost = false;
    });
    subscriber.on("message", (channel: string, message: string) => {
      if (channel === CHANGE_CHANNEL) deliverMessage(message);
    });
  }
  return {
    live: () => listening && client.status === "ready",
    close: async () => subscriber?.disconnect(),
  };
}

function postgresFeed(url: string, opts: { listen?: boolean } = {}): ChangeFeed {
  const pool = new pg.Pool({ connectionString: url, max: 1, idleTimeoutMillis: 10_000 });
  pool.on("error", () => undefined);
  let client: pg.Client | null = null;
  let listening = false;
  let closed = false;
  let retryMs = 200;
  let timer: NodeJS.Timeout | null = null;
  let everListened = false;

  const connect = async () => {
    if (closed) return;
    const c = new pg.Client({ connectionString: url });
    const lost = () => {
      if (client !== c) return;
      client = null;
      listening = false;
      c.end().catch(() => undefined);
      schedule();
    };
    c.on("error", lost);
    c.on("end", lost);
    c.on("notification", (n) => {
      if (n.channel === PG_CHANNEL && n.payload) for (const m of n.payload.split("\n")) deliverMessage(m);
    });
    client = c;
    try {
      await c.connect();
      await c.query(`LISTEN ${PG_CHANNEL}`);
      if (closed) return void c.end().catch(() => undefined);
      listening = true;
      retryMs = 200;
      // Notices sent while not listening were missed.
      if (everListened) {
        console.log("[pennant] change feed (postgres): listening again");
        deliver(null);
      }
      everListened = true;
    } catch {
      lost();
    }
  };
  const schedule = () => {
    if (closed || timer) return;
    if (everListened && retryMs === 200) console.warn("[pennant] change feed (postgres): connection lost; caches use short lifetimes until it is back");
    timer = setTimeout(() => {
      timer = null;
      void connect();
    }, retryMs);
    timer.unref();
    retryMs = Math.min(retryMs * 2, 2000);
  };
  if (opts.listen !== false) void connect();

  return {
    live: () => listening,
    guaranteed: () => listening,
    poll: () => undefined,
    publish: async (messages) => {
      for (const payload of chunk(messages)) await pool.query("SELECT pg_notify($1, $2)", [PG_CHANNEL, payload]);
    },
    close: async () => {
      closed = true;
      if (timer) clearTimeout(timer);
      const c = client;
      client = null;
      listening = false;
      await Promise.all([c?.end().catch(() => undefined), pool.end().catch(() => undefined)]);
    },
  };
}

/** Messages joined by newlines into payloads under NOTIFY's size limit. */
function chunk(messages: string[]): string[] {
  const out: string[] = [];
  let current = "";
  for (const m of messages) {
    if (current && Buffer.byteLength(current) + Buffer.byteLength(m) + 1 > NOTIFY_BYTES) {
      out.push(current);
      current = "";
    }
    current = current ? `${current}\n${m}` : m;
  }
  if (current) out.push(current);
  return out;
}

function sqliteFeed(target: DatabaseTarget, opts: { listen?: boolean } = {}): ChangeFeed {
  // The reader's own connection never waits for a lock: a check that meets a
  // writer's commit is simply made again on the next request.
  let reader: Database.Database | null = null;
  let writer: Database.Database | null = null;
  let dataVersion: number | null = null;
  let userVersion: number | null = null;
  let checkedAt = 0;
  let live = false;
  let closed = false;
  /** A bump still waiting for the lock: publishes meanwhile join it (one new value tells readers of all of them). */
  let waiting: Promise<void> | null = null;

  /**
   * Any new user_version tells every reader "something changed"; a random one
   * cannot collide with another writer's the way an increment could. The
   * pragma is synchronous, so it must never wait for a lock on the event loop
   * (a click writer's commit would hold every visitor for as long): busy
   * timeout 0, and when the file is locked, tries again on a timer (backing
   * off to 100 ms) until it succeeds. Callers wait only on the promise.
   */
  const tryBump = (): boolean => {
    try {
      writer ??= new Database(target.url, { timeout: 0 });
      writer.pragma(`user_version = ${1 + Math.floor(Math.random() * 0x7ffffffe)}`);
      return true;
    } catch (err) {
      const code = (err as { code?: string }).code ?? "";
      if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) return false;
      throw err;
    }
  };
  const bumpLater = async (): Promise<void> => {
    const started = Date.now();
    let warned = false;
    for (let delay = 2; !closed; delay = Math.min(delay * 2, 100)) {
      await new Promise((r) => setTimeout(r, delay));
      if (closed) break;
      if (!warned && Date.now() - started > 2000) {
        warned = true;
        console.warn("[pennant] change feed (sqlite): the database has been locked for 2 s; the change is announced once it is free");
      }
      try {
        if (tryBump()) break;
      } catch (err) {
        waiting = null;
        throw err;
      }
    }
    // Set here, synchronously after the bump: a publish from now on needs a bump of its own.
    waiting = null;
  };
  const check = () => {
    reader ??= new Database(target.url, { timeout: 0 });
    const dv = reader.pragma("data_version", { simple: true }) as number;
    if (dv === dataVersion) return;
    const uv = reader.pragma("user_version", { simple: true }) as number;
    // The first look only learns where things stand (the cache is empty then).
    if (userVersion !== null && uv !== userVersion) deliver(null);
    dataVersion = dv;
    userVersion = uv;
    live = true;
  };
  return {
    live: () => live,
    guaranteed: () => live,
    poll: () => {
      if (opts.listen === false) return;
      const now = Date.now();
      if (now - checkedAt < CHECK_EVERY_MS) return;
      checkedAt = now;
      try {
        check();
      } catch {
        // Locked by a writer, or the file is away: keep serving what we have; look again soon.
      }
    },
    publish: async () => {
      if (waiting) return waiting;
      if (tryBump()) return;
      waiting = bumpLater();
      return waiting;
    },
    close: async () => {
      closed = true;
      reader?.close();
      writer?.close();
      reader = writer = null;
    },
  };
}
