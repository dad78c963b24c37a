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
