import type { IncomingMessage } from "node:http";
import proxyaddr from "proxy-addr";

/** The header the server sets (always overwriting) with the visitor's address. */
export const CLIENT_IP_HEADER = "x-pennant-client-ip";

/**
 * `TRUSTED_PROXIES` is a comma-separated list of addresses, CIDR ranges or the
 * names proxy-addr knows (loopback, linklocal, uniquelocal). Empty trusts no
 * proxy, so X-Forwarded-For is ignored and the socket's peer is the visitor.
 */
export function clientIpResolver(trustedProxies: string | undefined): (req: IncomingMessage) => string {
  const list = (trustedProxies ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  // Trusting no proxy: the socket's peer is the visitor; nothing to parse.
  if (list.length === 0) return (req) => req.socket.remoteAddress ?? "unknown";
  const trust = proxyaddr.compile(list);
  return (req) => {
    const peer = req.socket.remoteAddress;
    // A socket already closed has no peer address; proxy-addr would then return
    // undefined, and a forwarded address cannot be trusted without knowing the peer.
    if (!peer) return "unknown";
    try {
      return proxyaddr(req, trust);
    } catch {
      return peer;
    }
  };
}
