import { describe, expect, it } from "vitest";
import { formatDay, formatMoment } from "./format-date";

describe("dates in the workspace's time zone", () => {
  const late = "2026-11-29T23:30:00Z";
  it("names the day as the workspace sees it", () => {
    expect(formatDay(late, "UTC")).toBe("Nov 29, 2026");
    expect(formatDay(late, "Asia/Tokyo")).toBe("Nov 30, 2026");
    expect(formatDay(new Date(late), "America/Los_Angeles")).toBe("Nov 29, 2026");
  });
  it("gives a moment with its zone named", () => {
    expect(formatMoment(late, "UTC")).toBe("Nov 29, 2026, 11:30 PM UTC");
    expect(formatMoment(late, "Asia/Tokyo")).toBe("Nov 30, 2026, 8:30 AM GMT+9");
    expect(formatMoment("2026-07-01T12:00:00Z", "Europe/Berlin")).toBe("Jul 1, 2026, 2:00 PM GMT+2");
  });
});
