import { describe, expect, it } from "vitest";
import { utcToZoned, zonedToUtc } from "./zoned-time";

describe("zoned time", () => {
  it("reads wall-clock times in the zone, on both sides of a daylight-saving change", () => {
    expect(zonedToUtc("2026-03-28T09:00", "Europe/Berlin")).toBe("2026-03-28T08:00:00.000Z");
    expect(zonedToUtc("2026-03-29T09:00", "Europe/Berlin")).toBe("2026-03-29T07:00:00.000Z");
    expect(zonedToUtc("2026-11-01T09:00", "America/New_York")).toBe("2026-11-01T14:00:00.000Z");
    expect(zonedToUtc("2026-10-31T09:00", "America/New_York")).toBe("2026-10-31T13:00:00.000Z");
    expect(zonedToUtc("2026-06-01T00:00", "UTC")).toBe("2026-06-01T00:00:00.000Z");
  });

  it("moves a skipped time past the gap and keeps the first of a repeated one", () => {
    expect(zonedToUtc("2026-03-29T02:30", "Europe/Berlin")).toBe("2026-03-29T01:30:00.000Z");
    expect(zonedToUtc("2026-10-25T02:30", "Europe/Berlin")).toBe("2026-10-25T00:30:00.000Z");
  });

  it("shows instants on the zone's clocks", () => {
    expect(utcToZoned("2026-03-29T07:00:00.000Z", "Europe/Berlin")).toBe("2026-03-29T09:00");
    expect(utcToZoned("2026-03-28T08:00:00.000Z", "Europe/Berlin")).toBe("2026-03-28T09:00");
    expect(utcToZoned("2026-12-01T08:00:00.000Z", "Asia/Kolkata")).toBe("2026-12-01T13:30");
  });
});
