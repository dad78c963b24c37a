import { LRUCache } from "lru-cache";
import type { Redis } from "ioredis";
import type { RedirectLink } from "./link-record";

/**
 * The redirect's cache of links by "domain/slug". It lives on globalThis so
 * the custom server and Next's bundled copy of this module share one cache:
 * an edit made in the dashboard clears the entry at once on this instance.
 * Other instances hear of edits through Redis (pub/sub) within a second;
 * without Redis their entries live only a few seconds.
 */
export const INVALIDATE_CHANNEL = "pennant:links:invalidate";

type Entry = { link: RedirectLink | null };
export type LinkLoader = (domain: string, slug: string) => Promise<RedirectLink | null>;

/** Where a branded domain sends visitors who do not open one of its links. */
export interface DomainRedirects {
  rootUrl: string | null;
  notFoundUrl: string | null;
}
export type DomainLoader = (hostname: string) => Promise<DomainRedirects | null>;
/** Invalidation messages for domains; link keys always hold a "/", these never do. */
const DOMAIN_KEY = "domain ";

interface CacheState {
  lru: LRUCache<string, Entry>;
  domains: LRUCache<string, { redirects: DomainRedirects | null }>;
  loader: LinkLoader | null;
  domainLoader: DomainLoader | null;
  publisher: Redis | null;
  subscribed: boolean;
  hits: number;
  misses: number;
}

export const CACHE_TTL_MS = { withRedis: 60_000, withoutRedis: 3_000, missing: 2_000 } as const;

const g = globalThis as unknown as { pennantLinkCache?: CacheState };

export function linkCache(): CacheState {
  g.pennantLinkCache ??= {
    lru: new LRUCache<string, Entry>({
      max: 100_000,
      ttl: CACHE_TTL_MS.withoutRedis,
      // If the database is unreachable, keep serving what we had.
      allowStaleOnFetchRejection: true,
      noDeleteOnFetchRejection: true,
      noDeleteOnStaleGet: true,
      fetchMethod: async (key) => {
        const state = g.pennantLinkCache!;
        if (!state.loader) throw new Error("link cache has no loader");
        const [domain, slug] = splitKey(key);
        return { link: await state.loader(domain, slug) };
      },
    }),
    domains: new LRUCache({ max: 10_000, ttl: CACHE_TTL_MS.withoutRedis }),
    loader: null,
    domainLoader: null,
    publisher: null,
    subscribed: false,
    hits: 0,
    misses: 0,
  };
  return g.pennantLinkCache;
}

export const cacheKey = (domain: string, slug: string) => `${domain.toLowerCase()}/${slug.toLowerCase()}`;
function splitKey(key: string): [string, string] {
  const i = key.indexOf("/");
  return [key.slice(0, i), key.slice(i + 1)];
}

/** Sets how links are loaded and, with Redis, listens for other instances' edits. */
export function configureLinkCache(opts: { loader: LinkLoader; domainLoader?: DomainLoader; publisher?: Redis | null; subscriber?: Redis | null }) {
  const state = linkCache();
  state.loader = opts.loader;
  state.domainLoader = opts.domainLoader ?? null;
  state.publisher = opts.publisher ?? null;
  if (opts.subscriber && !state.subscribed) {
    state.subscribed = true;
    opts.subscriber.subscribe(INVALIDATE_CHANNEL).catch(() => undefined);
    // Invalidations sent while Redis was away were missed: forget everything once it is back.
    let lost = false;
    opts.subscriber.on("error", () => (lost = true));
    opts.subscriber.on("ready", () => {
      if (!lost) return;
      lost = false;
      state.lru.clear();
      state.domains.clear();
    });
    opts.subscriber.on("message", (channel: string, key: string) => {
      if (channel !== INVALIDATE_CHANNEL) return;
      if (key.startsWith(DOMAIN_KEY)) state.domains.delete(key.slice(DOMAIN_KEY.length));
      else state.lru.delete(key);
    });
  }
}

/** The link for domain/slug (null when none), from memory when fresh enough. */
export async function getCachedLink(domain: string, slug: string): Promise<RedirectLink | null> {
  const state = linkCache();
  const key = cacheKey(domain, slug);
  const hit = state.lru.get(key);
  if (hit) {
    state.hits++;
    return hit.link;
  }
  state.misses++;
  // The long lifetime only while Redis is there to carry invalidations.
  const ttl = state.publisher?.status === "ready" ? CACHE_TTL_MS.withRedis : CACHE_TTL_MS.withoutRedis;
  // Past its freshness an entry is still served once while it is re-read in the
  // background (stale-while-revalidate): no visitor waits for the database then.
  const entry = await state.lru.fetch(key, { ttl, allowStale: true });
  // No answer and nothing stale to fall back on: the database is away (503, not 404).
  if (!entry) throw new Error("link store unavailable");
  if (!entry.link) state.lru.set(key, entry, { ttl: CACHE_TTL_MS.missing });
  return entry.link;
}

/** Forgets these short links here at once, and on every other instance through Redis. */
export async function invalidateLinks(keys: { domain: string; slug: string }[]): Promise<void> {
  const state = linkCache();
  for (const { domain, slug } of keys) {
    const key = cacheKey(domain, slug);
    state.lru.delete(key);
    publish(state, key);
  }
}

/**
 * Tells other instances, without waiting: callers may be inside a database
 * transaction, and Redis being slow or away must never hold one open.
 */
function publish(state: CacheState, message: string): void {
  if (state.publisher?.status === "ready") state.publisher.publish(INVALIDATE_CHANNEL, message).catch(() => undefined);
}

/**
 * A branded domain's redirects (null for a host that is no branded domain).
 * Off the hot path: asked only for a bare address or a link that does not
 * exist. A database that does not answer means none (Pennant's own pages).
 */
export async function getCachedDomain(hostname: string): Promise<DomainRedirects | null> {
  const state = linkCache();
  const host = hostname.toLowerCase();
  const hit = state.domains.get(host);
  if (hit) return hit.redirects;
  if (!state.domainLoader) return null;
  try {
    const redirects = await state.domainLoader(host);
    state.domains.set(host, { redirects }, { ttl: state.publisher?.status === "ready" ? CACHE_TTL_MS.withRedis : CACHE_TTL_MS.withoutRedis });
    return redirects;
  } catch {
    return null;
  }
}

/** Forgets a domain's redirects here at once, and on every other instance through Redis. */
export async function invalidateDomain(hostname: string): Promise<void> {
  const state = linkCache();
  const host = hostname.toLowerCase();
  state.domains.delete(host);
  publish(state, DOMAIN_KEY + host);
}
