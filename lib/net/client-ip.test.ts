import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { clientIpResolver } from "./client-ip";

/** Just what the resolver reads from a request: the headers and the socket's peer. */
function request(peer: string | undefined, forwardedFor?: string): IncomingMessage {
  const headers = forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor };
  return { headers, socket: { remoteAddress: peer } } as unknown as IncomingMessage;
}

describe("clientIpResolver", () => {
  it("ignores X-Forwarded-For when no proxy is trusted", () => {
    for (const setting of [undefined, "", " , "]) {
      expect(clientIpResolver(setting)(request("127.0.0.1", "203.0.113.7"))).toBe("127.0.0.1");
    }
    expect(clientIpResolver("")(request("198.51.100.20"))).toBe("198.51.100.20");
  });

  it("takes the forwarded client when the peer is a trusted loopback proxy", () => {
    const ip = clientIpResolver("loopback");
    expect(ip(request("127.0.0.1", "203.0.113.7"))).toBe("203.0.113.7");
    expect(ip(request("::1", "203.0.113.7"))).toBe("203.0.113.7");
    expect(ip(request("::ffff:127.0.0.1", "2001:db8::5"))).toBe("2001:db8::5");
  });

  it("skips an address the visitor made up, taking the one the proxy added", () => {
    expect(clientIpResolver("loopback")(request("127.0.0.1", "1.1.1.1, 203.0.113.7"))).toBe("203.0.113.7");
  });

  it("ignores X-Forwarded-For from a peer that is not a trusted proxy", () => {
    expect(clientIpResolver("loopback")(request("198.51.100.20", "203.0.113.7"))).toBe("198.51.100.20");
  });

  it("walks back through a chain of trusted proxies given as a list of ranges", () => {
    const ip = clientIpResolver("loopback, 10.0.0.0/8");
    expect(ip(request("127.0.0.1", "203.0.113.7, 10.1.2.3"))).toBe("203.0.113.7");
    expect(ip(request("10.9.9.9", "203.0.113.7"))).toBe("203.0.113.7");
  });

  it("answers the peer when a trusted proxy sends no X-Forwarded-For", () => {
    expect(clientIpResolver("loopback")(request("127.0.0.1"))).toBe("127.0.0.1");
  });

  it("answers unknown when the socket has no peer address (closed connection)", () => {
    expect(clientIpResolver("")(request(undefined))).toBe("unknown");
    expect(clientIpResolver("loopback")(request(undefined, "203.0.113.7"))).toBe("unknown");
  });

  it("treats an IPv4 address written as IPv6 as the IPv4 address", () => {
    expect(clientIpResolver("")(request("::ffff:198.51.100.20"))).toBe("198.51.100.20");
    expect(clientIpResolver("10.0.0.0/8")(request("::ffff:10.1.1.1", "203.0.113.7"))).toBe("203.0.113.7");
    expect(clientIpResolver("loopback")(request("127.0.0.1", "::ffff:203.0.113.7"))).toBe("203.0.113.7");
  });

  it("trusts IPv6 ranges and single addresses", () => {
    const ip = clientIpResolver("2001:db8::/32, 198.51.100.1");
    expect(ip(request("2001:db8::1", "203.0.113.7"))).toBe("203.0.113.7");
    expect(ip(request("198.51.100.1", "203.0.113.7"))).toBe("203.0.113.7");
    expect(ip(request("198.51.100.2", "203.0.113.7"))).toBe("198.51.100.2");
    expect(ip(request("2001:db9::1", "203.0.113.7"))).toBe("2001:db9::1");
  });

  it("stops at a hop that is not an address, keeping the last address a trusted proxy gave", () => {
    const ip = clientIpResolver("loopback, uniquelocal");
    expect(ip(request("127.0.0.1", "not-an-ip, 10.0.0.9"))).toBe("10.0.0.9");
    expect(ip(request("127.0.0.1", "203.0.113.7 , , 10.0.0.9"))).toBe("10.0.0.9");
    expect(ip(request("127.0.0.1", ""))).toBe("127.0.0.1");
  });

  it("refuses a TRUSTED_PROXIES entry that is not an address or range", () => {
    expect(() => clientIpResolver("loopback, not-an-ip")).toThrow(/not-an-ip/);
    for (const bad of ["10.0.0.0/33", "10.0.0.0/", "10.0.0.0/8/8", "::1/129", "10.0.0.0/x"]) {
      expect(() => clientIpResolver(bad), bad).toThrow(/TRUSTED_PROXIES/);
    }
  });
});
