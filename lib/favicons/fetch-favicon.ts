import "server-only";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { request as httpsRequest } from "node:https";
import type { LookupFunction } from "node:net";
import { LRUCache } from "lru-cache";
import { parseRange, rangeChecker } from "@/lib/net/ip-ranges";

/**
 * The favicon of a link's destination, fetched by Pennant so that visitors'
 * browsers never call third parties from the dashboard. Only public addresses
 * are contacted: the check runs on the address actually connected to (a DNS
 * answer that changes between check and connect cannot reach the network
 * Pennant runs in). Answers, found or not, are cached for a day.
 */

const NOT_PUBLIC = [
  "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24",
  "192.0.2.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/3",
  "::/127", "::ffff:0:0/96", "64:ff9b::/96", "100::/64", "2001:db8::/32", "fc00::/7", "fe80::/10", "ff00::/8",
].map((r) => parseRange(r)!);

export const isPublicAddress = (() => {
  const inside = rangeChecker(NOT_PUBLIC);
  return (address: string) => !inside(address);
})();

const HOST = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/;

/** A host name worth asking: a public DNS name, never an IP literal or a single label. */
export function faviconHost(raw: string): string | null {
  const host = raw.trim().toLowerCase().replace(/\.$/, "");
  return HOST.test(host) ? host : null;
}

export interface Favicon {
  type: string;
  body: Buffer;
}

const MAX_BYTES = 100_000;
const TIMEOUT_MS = 3_000;
const IMAGE = /^image\/(x-icon|vnd\.microsoft\.icon|png|gif|jpeg|webp|svg\+xml)$/;

/** dns.lookup that fails for any name with a non-public address among its answers. */
export const publicLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
    if (err) return callback(err, "", 4);
    const blocked = addresses.find((a) => !isPublicAddress(a.address));
    if (blocked || addresses.length === 0) return callback(new Error(`${hostname} is not a public address`), "", 4);
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
    const first = addresses[0]!;
    callback(null, first.address, first.family);
  });
};

function get(url: URL, hops: number): Promise<Favicon | null> {
  return new Promise((resolve) => {
    const req = httpsRequest(url, { method: "GET", lookup: publicLookup, timeout: TIMEOUT_MS, headers: { accept: "image/*", "user-agent": "Pennant favicon fetcher" } }, (res) => {
      const status = res.statusCode ?? 0;
      const location = res.headers.location;
      if (status >= 300 && status < 400 && location && hops > 0) {
        res.resume();
        const next = new URL(location, url);
        return void (next.protocol === "https:" && faviconHost(next.hostname) ? get(next, hops - 1).then(resolve) : resolve(null));
      }
      const type = String(res.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
      if (status !== 200 || !IMAGE.test(type)) return void (res.resume(), resolve(null));
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BYTES) return void (req.destroy(), resolve(null));
        chunks.push(chunk);
      });
      res.on("end", () => resolve(size > 0 ? { type, body: Buffer.concat(chunks) } : null));
      res.on("error", () => resolve(null));
    });
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve(null));
    // The socket timeout does not cover a slow DNS answer: bound the whole request.
    setTimeout(() => {
      req.destroy();
      resolve(null);
    }, TIMEOUT_MS + 500).unref();
    req.end();
  });
}

const cache = new LRUCache<string, { icon: Favicon | null }>({ max: 2_000, ttl: 24 * 60 * 60 * 1000 });
const inFlight = new Map<string, Promise<Favicon | null>>();

/** The host's /favicon.ico over HTTPS (following up to 3 redirects), or null. */
export async function fetchFavicon(host: string): Promise<Favicon | null> {
  const name = faviconHost(host);
  if (!name) return null;
  const hit = cache.get(name);
  if (hit) return hit.icon;
  let pending = inFlight.get(name);
  if (!pending) {
    pending = get(new URL(`https://${name}/favicon.ico`), 3).finally(() => inFlight.delete(name));
    inFlight.set(name, pending);
  }
  const icon = await pending;
  cache.set(name, { icon });
  return icon;
}
