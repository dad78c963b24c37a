import { describe, expect, it } from "vitest";
import { visitorHash } from "./visitor";

const DAY = 86_400_000;
const noon = Date.UTC(2026, 10, 26, 12);
const ua = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X)";

describe("visitorHash", () => {
  it("is the same for one visitor all UTC day and new the next day", () => {
    const h = visitorHash("s3cret", "203.0.113.7", ua, noon);
    expect(visitorHash("s3cret", "203.0.113.7", ua, noon - 12 * 3600_000)).toBe(h);
    expect(visitorHash("s3cret", "203.0.113.7", ua, noon + 12 * 3600_000 - 1)).toBe(h);
    expect(visitorHash("s3cret", "203.0.113.7", ua, noon + DAY)).not.toBe(h);
    // Back to the first day: the key depends on the day, not on what was cached.
    expect(visitorHash("s3cret", "203.0.113.7", ua, noon)).toBe(h);
  });

  it("tells visitors apart by address and browser, and servers apart by secret", () => {
    const h = visitorHash("s3cret", "203.0.113.7", ua, noon);
    expect(visitorHash("s3cret", "203.0.113.8", ua, noon)).not.toBe(h);
    expect(visitorHash("s3cret", "203.0.113.7", "curl/8", noon)).not.toBe(h);
    expect(visitorHash("other", "203.0.113.7", ua, noon)).not.toBe(h);
  });

  it("keeps nothing of the address", () => {
    const h = visitorHash("s3cret", "203.0.113.7", ua, noon);
    expect(h).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(h).not.toContain("203");
  });
});
