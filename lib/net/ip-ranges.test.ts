import { describe, expect, it } from "vitest";
import { parseRange, rangeChecker } from "./ip-ranges";

function checker(...ranges: string[]) {
  return rangeChecker(ranges.map((r) => {
    const parsed = parseRange(r);
    if (!parsed) throw new Error(`bad range ${r}`);
    return parsed;
  }));
}

describe("IP ranges", () => {
  it("matches IPv4 addresses by prefix", () => {
    const inside = checker("10.0.0.0/8", "172.16.0.0/12", "198.51.100.7");
    for (const a of ["10.0.0.1", "10.255.255.255", "172.16.0.1", "172.31.255.254", "198.51.100.7"]) expect(inside(a), a).toBe(true);
    for (const a of ["11.0.0.1", "9.255.255.255", "172.15.255.255", "172.32.0.0", "198.51.100.8", "::1"]) expect(inside(a), a).toBe(false);
  });

  it("matches IPv6 addresses by prefix, with :: shorthand and zone ids", () => {
    const inside = checker("::1", "fc00::/7", "fe80::/10", "2001:db8::/32");
    for (const a of ["::1", "fc00::1", "fdff:ffff::1", "fe80::1%eth0", "febf::1", "2001:db8:ffff::5", "2001:0db8:0000:0000:0000:0000:0000:0001"]) {
      expect(inside(a), a).toBe(true);
    }
    for (const a of ["::2", "fe00::1", "fec0::1", "2001:db9::1", "2001:db7:ffff::1", "127.0.0.1"]) expect(inside(a), a).toBe(false);
  });

  it("treats IPv4 written as IPv6 as IPv4, in addresses and in ranges", () => {
    expect(checker("10.0.0.0/8")("::ffff:10.1.2.3")).toBe(true);
    expect(checker("::ffff:10.0.0.0/8")("10.1.2.3")).toBe(true);
    expect(checker("64:ff9b::/96")("64:ff9b::192.0.2.1")).toBe(true);
    expect(checker("64:ff9b::c000:201")("64:ff9b::192.0.2.1")).toBe(true);
  });

  it("takes /0 as every address of its family", () => {
    expect(checker("0.0.0.0/0")("203.0.113.9")).toBe(true);
    expect(checker("0.0.0.0/0")("2001:db8::1")).toBe(false);
    expect(checker("::/0")("2001:db8::1")).toBe(true);
  });

  it("keeps anything that is not an address outside", () => {
    const inside = checker("0.0.0.0/0", "::/0");
    for (const a of ["", "unknown", "10.0.0", "10.0.0.256", "1.2.3.4:80", "::g", "10.0.0.1 "]) expect(inside(a), a).toBe(false);
  });

  it("refuses ranges that are not an address or a CIDR range", () => {
    for (const r of ["not-an-ip", "10.0.0.0/33", "10.0.0.0/", "10.0.0.0/8/8", "::1/129", "10.0.0.0/x", "10.0.0.0/-1", "10.0.0.0/8.5", "10.0.0.0/ 8"]) {
      expect(parseRange(r), r).toBeNull();
    }
    expect(parseRange(" 10.0.0.0/8 ")).not.toBeNull();
  });
});
