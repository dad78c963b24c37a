import type { IncomingMessage } from "node:http";
import { BlockList, isIP } from "node:net";

/** The header the server sets (always overwriting) with the visitor's address. */
export const CLIENT_IP_HEADER = "x-pennant-client-ip";

/** Named ranges (the names Express's "trust proxy" setting uses) where load balancers usually sit. */
const NAMED_RANGES: Record<string, string[]> = {
  loopback: ["127.0.0.0/8", "::1/128"],
  linklocal: ["169.254.0.0/16", "fe80::/10"],
  uniquelocal: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"],
};

/** An IPv4 address written as IPv6 ("::ffff:10.0.0.1") is the IPv4 address. */
function unmapped(address: string): string {
  return address.startsWith("::ffff:") && address.includes(".") ? address.slice(7) : address;
}

function trustList(entries: string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    for (const range of NAMED_RANGES[entry.toLowerCase()] ?? [entry]) {
      const [address = "", bits, extra] = range.split("/");
      const family = isIP(unmapped(address));
      const prefix = bits === undefined ? null : Number(bits);
      const max = family === 4 ? 32 : 128;
      if (!family || extra !== undefined || (prefix !== null && !(Number.isInteger(prefix) && prefix >= 0 && prefix <= max && bits !== ""))) {
        throw new Error(`TRUSTED_PROXIES: "${entry}" is not an address, a CIDR range, or one of ${Object.keys(NAMED_RANGES).join(", ")}`);
      }
      const type = family === 4 ? "ipv4" : "ipv6";
      if (prefix === null) list.addAddress(unmapped(address), type);
      else list.addSubnet(unmapped(address), prefix, type);
    }
  }
  return list;
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
  const list = trustList(entries);
  const trusted = (address: string) => {
    const family = isIP(address);
    return family !== 0 && list.check(address, family === 4 ? "ipv4" : "ipv6");
  };
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
      // Not an address: nothing a proxy of ours wrote; the last address known stands.
      if (!isIP(hop)) return client;
      client = hop;
      if (!trusted(client)) return client;
    }
    return client;
  };
}
