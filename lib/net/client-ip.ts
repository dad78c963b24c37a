import type { IncomingMessage } from "node:http";
import { isIP } from "node:net";
import { parseRange, rangeChecker, unmapped } from "./ip-ranges";

/** The header the server sets (always overwriting) with the visitor's address. */
export const CLIENT_IP_HEADER = "x-pennant-client-ip";

/** Named ranges (the names Express's "trust proxy" setting uses) where load balancers usually sit. */
const NAMED_RANGES: Record<string, string[]> = {
  loopback: ["127.0.0.0/8", "::1/128"],
  linklocal: ["169.254.0.0/16", "fe80::/10"],
  uniquelocal: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"],
};

function trustChecker(entries: string[]): (address: string, knownFamily?: 4 | 6) => boolean {
  return rangeChecker(
    entries.flatMap((entry) =>
      (NAMED_RANGES[entry.toLowerCase()] ?? [entry]).map((range) => {
        const parsed = parseRange(range);
        if (!parsed) throw new Error(`TRUSTED_PROXIES: "${entry}" is not an address, a CIDR range, or one of ${Object.keys(NAMED_RANGES).join(", ")}`);
        return parsed;
      }),
    ),
  );
}

/** What is wrong with a TRUSTED_PROXIES value, or null when it is usable (checked at startup). */
export function trustedProxiesProblem(value: string | undefined): string | null {
  try {
    clientIpResolver(value);
    return null;
  } catch (err) {
    return (err as Error).message.replace(/^TRUSTED_PROXIES: /, "");
  }
}

/**
 * `TRUSTED_PROXIES` is a comma-separated list of addresses, CIDR ranges or the
 * names loopback, linklocal and uniquelocal. Empty trusts no proxy, so
 * X-Forwarded-For is ignored and the socket's peer is the visitor. Otherwise
 * the chain is walked from the peer back through X-Forwarded-For (right to
 * left) while each hop is a trusted proxy; the first one that is not is the
 * visitor. Addresses to the left of it were written by the visitor and are
 * never believed.
 */
export function clientIpResolver(trustedProxies: string | undefined): (req: IncomingMessage) => string {
  const entries = (trustedProxies ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  // Trusting no proxy: the socket's peer is the visitor; nothing to parse.
  if (entries.length === 0) return (req) => (req.socket.remoteAddress ? unmapped(req.socket.remoteAddress) : "unknown");
  const trusted = trustChecker(entries);
  return (req) => {
    const peer = req.socket.remoteAddress;
    // A socket already closed has no peer address, and a forwarded address
    // cannot be trusted without knowing who forwarded it.
    if (!peer) return "unknown";
    let client = unmapped(peer);
    const header = req.headers["x-forwarded-for"];
    if (!header || !trusted(client)) return client;
    const hops = (Array.isArray(header) ? header.join(",") : header).split(",");
    for (let i = hops.length - 1; i >= 0; i--) {
      const hop = unmapped(hops[i]!.trim());
      const family = isIP(hop);
      // Not an address: nothing a proxy of ours wrote; the last address known stands.
      if (family !== 4 && family !== 6) return client;
      client = hop;
      if (!trusted(client, family)) return client;
    }
    return client;
  };
}
