import { describe, expect, it } from "vitest";
import { formatBucket, formatPeriod, lastDayOf } from "./format";

// ICU puts thin and narrow no-break spaces in ranges and times; a reader sees spaces.
const plain = (s: string) => s.replace(/\s/g, " ");

describe("analytics dates on the workspace's clocks", () => {
  it("names a period by the days it covers in the workspace's zone, whatever zone the server runs in", () => {
    // Los Angeles, March 2026: the period starts before and ends after the daylight-saving change.
    expect(plain(formatPeriod("2026-03-01T00:00:00-08:00", "2026-04-01T00:00:00-07:00", "en"))).toBe("Mar 1 – 31, 2026");
    expect(plain(formatPeriod("2026-11-29T00:00:00+09:00", "2026-11-30T00:00:00+09:00", "en"))).toBe("Nov 29, 2026");
  });

  it("labels a bucket with its own wall time, not UTC's", () => {
    expect(plain(formatBucket("2026-03-29T00:00:00+01:00", "day", "en"))).toBe("Mar 29");
    expect(plain(formatBucket("2026-11-29T23:00:00-08:00", "hour", "en"))).toBe("Nov 29, 11:00 PM");
  });

  it("shows the last day included in a custom range's date input", () => {
    expect(lastDayOf("2026-04-01T00:00:00-07:00")).toBe("2026-03-31");
    expect(lastDayOf("2026-03-01T00:00:00+09:00")).toBe("2026-02-28");
    expect(lastDayOf("2026-03-15T13:20:00+01:00")).toBe("2026-03-15");
  });
});
