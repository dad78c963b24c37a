import { LRUCache } from "lru-cache";
import { cacheLifetime, fetchFresh } from "@/lib/redirect/redirect-cache";
import { changeFeed, onChange, publishChanges } from "@/lib/redirect/change-feed";
import type { LoadedHandle } from "./live-page";

/**
 * The public pages in memory, by handle, rendered once and served as bytes.
 * Like the redirect's link cache it lives on globalThis, so the custom server
 * and Next's bundled copy share it: a publish clears the entry at once on
 * this instance, and on the others through the redirect's change feed (with
 * the same lifetimes: lib/redirect/redirect-cache.ts).
 */
const BIO_CACHE_TTL_MS = { withoutFeed: 3_000, missing: 2_000 } as const;
/** Keys of branded domains' bare addresses; handles never hold a ":". */
const DOMAIN_KEY = "domain:";
export const domainRootKey = (hostname: string) => DOMAIN_KEY + hostname.toLowerCase();

export interface CachedPage {
  loaded: LoadedHandle;
  /** The answer, rendered from `loaded` (see serve-public.ts); null until first served. */
  rendered: unknown;
  /** When a scheduled block changes: render again from `loaded` then (no database read). */
  renderUntil: number;
  /** The generated preview image (PNG), drawn on first request. */
  socialImage: Promise<Buffer> | null;
}

interface State {
  lru: LRUCache<string, CachedPage>;
  loader: ((handle: string) => Promise<LoadedHandle>) | null;
  domainLoader: ((hostname: string) => Promise<LoadedHandle>) | null;
}

const g = globalThis as unknown as { pennantBioCache?: State };

function state(): State {
  if (g.pennantBioCache) return g.pennantBioCache;
  g.pennantBioCache = {
    lru: new LRUCache<string, CachedPage>({
      max: 20_000,
      ttl: BIO_CACHE_TTL_MS.withoutFeed,
      allowStaleOnFetchRejection: true,
      noDeleteOnFetchRejection: true,
      noDeleteOnStaleGet: true,
      fetchMethod: async (handle, _stale, { options }) => {
        const s = g.pennantBioCache!;
        if (!s.loader || !s.domainLoader) throw new Error("bio page cache has no loader");
        const loaded = handle.startsWith(DOMAIN_KEY) ? await s.domainLoader(handle.slice(DOMAIN_KEY.length)) : await s.loader(handle);
        // "No such page" is remembered briefly, set here so a stale entry served meanwhile never extends it.
        if (loaded.kind === "missing") options.ttl = BIO_CACHE_TTL_MS.missing;
        return { loaded, rendered: null, renderUntil: 0, socialImage: null };
      },
    }),
    loader: null,
    domainLoader: null,
  };
  const lru = g.pennantBioCache.lru;
  onChange((change) => {
    if (!change) lru.clear();
    else if (change.kind === "bio") lru.delete(change.key);
  });
  return g.pennantBioCache;
}

export function configureBioCache(opts: { loader: (handle: string) => Promise<LoadedHandle>; domainLoader: (hostname: string) => Promise<LoadedHandle> }) {
  const s = state();
  s.loader = opts.loader;
  s.domainLoader = opts.domainLoader;
}

/** The cached entry for a handle, or for a domain's bare address by `domainRootKey` (loaded when missing or stale; stale ones are served while re-read). */
export async function getCachedBioPage(handle: string): Promise<CachedPage> {
  const s = state();
  changeFeed()?.poll();
  const hit = s.lru.get(handle);
  if (hit) return hit;
  return fetchFresh(s.lru, handle, cacheLifetime(), "bio page store");
}

/** Forgets these handles (or `domainRootKey`s) here at once, and on every other instance. Call after the write commits. */
export async function invalidateBioPages(handles: string[]): Promise<void> {
  state();
  await publishChanges("bio", [...new Set(handles.map((h) => h.toLowerCase()))]);
}
