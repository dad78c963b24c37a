import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./callback-url";

const APP = "https://go.example.com";

describe("safeCallbackUrl", () => {
  it("keeps paths on our own origin, with query and hash", () => {
    expect(safeCallbackUrl("/w/acme/links?page=2#new", APP)).toBe("/w/acme/links?page=2#new");
    expect(safeCallbackUrl("https://go.example.com/settings", APP)).toBe("/settings");
  });

  it.each([
    ["//evil.com"],
    ["https://evil.com"],
    ["https://evil.com/dashboard"],
    ["javascript:alert(1)"],
    ["/\\evil.com"],
    ["\\\\evil.com"],
    ["/\t/evil.com"],
    [" //evil.com"],
    ["http://go.example.com/settings"],
    ["https://go.example.com.evil.com/"],
    ["data:text/html,<script>alert(1)</script>"],
  ])("sends %j to the dashboard", (raw) => {
    expect(safeCallbackUrl(raw, APP)).toBe("/dashboard");
  });

  // Known open-redirect payloads: whatever each becomes, a browser stays on our origin.
  it.each([
    // Dot-segments collapse after parsing: the result is checked, not the input.
    ["/.//evil.com"],
    ["/%2e//evil.com"],
    ["/%2E//evil.com"],
    ["/a/..//evil.com"],
    ["/a/%2e%2e//evil.com"],
    ["/./\\evil.com"],
    ["/../\\evil.com"],
    ["/.%2f/evil.com"],
    ["/..//evil.com/"],
    ["/x/../../..//evil.com"],
    ["/././/evil.com"],
    ["/%09/evil.com"],
    ["/\n/evil.com"],
    ["\t//evil.com"],
    ["///evil.com"],
    ["////evil.com"],
    ["/\\/evil.com"],
    ["\\/evil.com"],
    ["/\\evil.com/%2e%2e"],
    ["https:evil.com"],
    ["http:/evil.com"],
    ["https:/\\evil.com"],
    ["//evil.com@go.example.com"],
    ["https://go.example.com@evil.com/"],
    ["https://evil.com#https://go.example.com/"],
    ["https://evil.com?https://go.example.com/"],
    ["//go.example.com.evil.com"],
    ["//evil%E3%80%82com"],
    ["/%5C/evil.com"],
    ["/.\\evil.com"],
    ["javascript://go.example.com/%0aalert(1)"],
    ["JAVASCRIPT:alert(1)"],
    ["vbscript:msgbox(1)"],
    ["\u0000//evil.com"],
    ["/\u0000/evil.com"],
    ["ftp://go.example.com/"],
    ["//127.0.0.1"],
    ["//0x7f.1"],
    ["https://go.example.com:8443/"],
    ["http://[::1]/"],
    ["/\u3002/evil.com"],
  ])("keeps %j on our own origin", (raw) => {
    for (const absolute of [false, true]) {
      const result = safeCallbackUrl(raw, APP, { absolute });
      const path = absolute ? result.slice("https://go.example.com".length) : result;
      expect(path).toMatch(/^\/(?![/\\])/);
      expect(new URL(result, "https://go.example.com").origin).toBe("https://go.example.com");
    }
  });

  it("never answers a path a browser would read as another host", () => {
    for (const raw of ["/.//evil.com", "/%2e//evil.com", "/a/..//evil.com"]) {
      const absolute = safeCallbackUrl(raw, APP, { absolute: true });
      expect(new URL(absolute).origin).toBe("https://go.example.com");
      expect(new URL(safeCallbackUrl(raw, APP), "https://go.example.com").host).toBe("go.example.com");
    }
  });

  it("uses the dashboard when there is no callback", () => {
    expect(safeCallbackUrl(null, APP)).toBe("/dashboard");
    expect(safeCallbackUrl(undefined, APP)).toBe("/dashboard");
    expect(safeCallbackUrl("", APP)).toBe("/dashboard");
  });

  it("answers an absolute URL on our origin when asked", () => {
    expect(safeCallbackUrl("/links", `${APP}/`, { absolute: true })).toBe("https://go.example.com/links");
    expect(safeCallbackUrl("//evil.com", APP, { absolute: true })).toBe("https://go.example.com/dashboard");
  });
});
