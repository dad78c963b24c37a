import { LRUCache } from "lru-cache";
import { changeFeed, onChange, publishChanges } from "./change-feed";
import type { RedirectLink } from "./link-record";

/**
 * The redirect's caches: links by "domain/slug", and branded domains' own
 * redirects (their bare address, their "not found") by host name. They live
 * on globalThis so the custom server and Next's bundled copy of this module
 * share them: an edit made in the dashboard clears the entry at once on this
 * instance.
 * Other instances hear of edits through the change feed (./change-feed.ts:
 * Redis pub/sub beside PostgreSQL LISTEN/NOTIFY or SQLite's data_version).
 * While the database's feed is live, entries have no time limit; while Redis
 * alone carries changes, a minute (its messages may be lost); while nothing
 * does, a few seconds.
 */
type Entry = { link: RedirectLink | null };
export type LinkLoader = (domain: string, slug: string) => Promise<RedirectLink | null>;

/** Where a branded domain sends visitors who do not open one of its links. */
export interface DomainRedirects {
  rootUrl: string | null;
  notFoundUrl: string | null;
}
export type DomainLoader = (hostname: string) => Promise<DomainRedirects | null>;

interface CacheState {
  links: LRUCache<string, Entry>;
  domains: LRUCache<string, { redirects: DomainRedirects | null }>;
  loader: LinkLoader | null;
  domainLoader: DomainLoader | null;
  hits: number;
  misses: number;
}

/** 0: no time limit (every change is heard). "missing" stays short: it also guards against a change heard late. */
const CACHE_TTL_MS = { withFeed: 0, withRedisOnly: 60_000, withoutFeed: 3_000, missing: 2_000 } as const;

/** How long a freshly read entry may be served: by what carries changes to this instance now. */
export function cacheLifetime(): number {
  return lifetimeWith(changeFeed());
}

/** How long an entry may be served, given what carries changes now (0: no time limit). */
export function lifetimeWith(feed: { live(): boolean; guaranteed(): boolean } | null): number {
  if (!feed?.live()) return CACHE_TTL_MS.withoutFeed;
  // Redis alone: its messages are not promised to arrive.
  return feed.guaranteed() ? CACHE_TTL_MS.withFeed : CACHE_TTL_MS.withRedisOnly;
}

const g = globalThis as unknown as { pennantRedirectCache?: CacheState };

function redirectCache(): CacheState {
  if (g.pennantRedirectCache) return g.pennantRedirectCache;
  const state: CacheState = {
    links: new LRUCache<string, Entry>({
      max: 100_000,
      ttl: CACHE_TTL_MS.withoutFeed,
      // If the database is unreachable, keep serving what we had.
      allowStaleOnFetchRejection: true,
      noDeleteOnFetchRejection: true,
      noDeleteOnStaleGet: true,
      fetchMethod: async (key, _stale, { options }) => {
        if (!state.loader) throw new Error("redirect cache has no link loader");
        const [domain, slug] = splitKey(key);
        const link = await state.loader(domain, slug);
        // "No such link" is remembered briefly, set here so that a stale entry
        // served meanwhile never has its lifetime renewed.
        if (!link) options.ttl = CACHE_TTL_MS.missing;
        return { link };
      },
    }),
    domains: new LRUCache({ max: 10_000, ttl: CACHE_TTL_MS.withoutFeed }),
    loader: null,
    domainLoader: null,
    hits: 0,
    misses: 0,
  };
  g.pennantRedirectCache = state;
  onChange((change) => {
    if (!change) {
      state.links.clear();
      state.domains.clear();
    } else if (change.kind === "link") state.links.delete(change.key);
    else if (change.kind === "domain") state.domains.delete(change.key);
  });
  return state;
}

export const cacheKey = (domain: string, slug: string) => `${domain.toLowerCase()}/${slug.toLowerCase()}`;
function splitKey(key: string): [string, string] {
  const i = key.indexOf("/");
  return [key.slice(0, i), key.slice(i + 1)];
}

/** Sets how links and domains are loaded (the change feed is started separately, see start-redirects.ts). */
export function configureRedirectCache(opts: { loader: LinkLoader; domainLoader?: DomainLoader }) {
  const state = redirectCache();
  state.loader = opts.loader;
  state.domainLoader = opts.domainLoader ?? null;
}

/**
 * Reads `key` through the cache's loader. A change heard while the read is in
 * flight (the new link's own announcement, often) deletes the key, which aborts
 * the read: its row may predate the change. That read, and every visitor who
 * joined it, get no value; they read again, a few times at most. A loader that
 * fails with nothing stale to fall back on means the database is away (a 503,
 * not a 404), with its reason.
 */
export async function fetchFresh<V extends object>(cache: LRUCache<string, V>, key: string, ttl: number, what: string): Promise<V> {
  for (let attempt = 1; ; attempt++) {
    const status: LRUCache.Status<string, V> = {};
    const entry = await cache.fetch(key, { ttl, allowStale: true, status });
    if (entry) return entry;
    const failed = status.fetchError && !status.fetchAborted ? status.fetchError : null;
    if (failed || attempt === 3) throw new Error(`${what} unavailable: ${failed?.message ?? "no answer"}`);
  }
}

/** The link for domain/slug (null when none), from memory when fresh enough. */
export async function getCachedLink(domain: string, slug: string): Promise<RedirectLink | null> {
  const state = redirectCache();
  changeFeed()?.poll();
  const key = cacheKey(domain, slug);
  const hit = state.links.get(key);
  if (hit) {
    state.hits++;
    return hit.link;
  }
  state.misses++;
  const ttl = cacheLifetime();
  // Past its freshness an entry is still served once while it is re-read in the
  // background (stale-while-revalidate): no visitor waits for the database then.
  return (await fetchFresh(state.links, key, ttl, "link store")).link;
}

/** Forgets these short links here at once, and on every other instance. Call after the write commits. */
export async function invalidateLinks(keys: { domain: string; slug: string }[]): Promise<void> {
  await publishChanges("link", [...new Set(keys.map(({ domain, slug }) => cacheKey(domain, slug)))]);
}

/**
 * A branded domain's redirects (null for a host that is no branded domain).
 * Off the hot path: asked only for a bare address or a link that does not
 * exist. A database that does not answer means none (Pennant's own pages).
 */
export async function getCachedDomain(hostname: string): Promise<DomainRedirects | null> {
  const state = redirectCache();
  changeFeed()?.poll();
  const host = hostname.toLowerCase();
  const hit = state.domains.get(host);
  if (hit) return hit.redirects;
  if (!state.domainLoader) return null;
  try {
    const redirects = await state.domainLoader(host);
    state.domains.set(host, { redirects }, { ttl: cacheLifetime() });
    return redirects;
  } catch {
    return null;
  }
}

/** Forgets a domain's redirects here at once, and on every other instance. Call after the write commits. */
export async function invalidateDomain(hostname: string): Promise<void> {
  redirectCache();
  await publishChanges("domain", [hostname.toLowerCase()]);
}
