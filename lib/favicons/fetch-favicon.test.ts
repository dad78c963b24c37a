import { describe, expect, it } from "vitest";
import { faviconHost, fetchFavicon, isPublicAddress, publicLookup } from "./fetch-favicon";

describe("favicons", () => {
  it("asks only DNS names, never IP literals or single labels", () => {
    expect(faviconHost("Example.COM.")).toBe("example.com");
    expect(faviconHost("shop.example.co.uk")).toBe("shop.example.co.uk");
    for (const bad of ["127.0.0.1", "[::1]", "localhost", "intranet", "exa mple.com", "example.com/x", "", "a..b.com"]) expect(faviconHost(bad), bad).toBeNull();
  });

  it("treats loopback, private, link-local, shared and documentation ranges as not public", () => {
    for (const a of ["127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "fd00::1", "fe80::1", "::ffff:10.0.0.1", "::ffff:127.0.0.1"]) {
      expect(isPublicAddress(a), a).toBe(false);
    }
    for (const a of ["93.184.216.34", "1.1.1.1", "2606:4700:4700::1111"]) expect(isPublicAddress(a), a).toBe(true);
  });

  it("refuses to connect to a name that resolves to a private address", async () => {
    const err = await new Promise<Error | null>((resolve) => publicLookup("localhost", {}, (e) => resolve(e)));
    expect(err?.message).toMatch(/not a public address/);
  });

  it("answers null, without a request, for hosts it will not ask", async () => {
    expect(await fetchFavicon("127.0.0.1")).toBeNull();
    expect(await fetchFavicon("localhost")).toBeNull();
  });
});
