import { describe, expect, it } from "vitest";
import { lifetimeWith } from "./redirect-cache";

const feed = (live: boolean, guaranteed: boolean) => ({ live: () => live, guaranteed: () => guaranteed });

describe("how long a cached link or page is served", () => {
  it("has no time limit while the database's feed carries every change, with or without Redis beside it", () => {
    expect(lifetimeWith(feed(true, true))).toBe(0);
  });

  it("lasts a minute while Redis alone carries changes: its messages may be lost", () => {
    expect(lifetimeWith(feed(true, false))).toBe(60_000);
  });

  it("lasts 3 seconds while nothing carries changes, or before any feed has started", () => {
    expect(lifetimeWith(feed(false, false))).toBe(3_000);
    expect(lifetimeWith(null)).toBe(3_000);
  });
});
