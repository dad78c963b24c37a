import { describe, expect, it } from "vitest";
import { dayToIso, formatCampaignDates, isoToDay } from "./format";

describe("campaign dates in the workspace's time zone", () => {
  it("stores the days entered as that zone's first and last moments", () => {
    expect(dayToIso("2026-03-01", false, "UTC")).toBe("2026-03-01T00:00:00.000Z");
    expect(dayToIso("2026-03-31", true, "UTC")).toBe("2026-03-31T23:59:59.000Z");
    expect(dayToIso("2026-03-01", false, "America/Los_Angeles")).toBe("2026-03-01T08:00:00.000Z");
    expect(dayToIso("2026-03-31", true, "America/Los_Angeles")).toBe("2026-04-01T06:59:59.000Z");
    expect(dayToIso("2026-03-01", false, "Asia/Tokyo")).toBe("2026-02-28T15:00:00.000Z");
    expect(dayToIso("", false, "UTC")).toBeNull();
  });

  it("shows the days a marketer entered, in any zone, across a daylight-saving change", () => {
    for (const zone of ["UTC", "America/Los_Angeles", "Asia/Tokyo", "Europe/Berlin", "Asia/Kathmandu"]) {
      const starts = dayToIso("2026-03-01", false, zone);
      const ends = dayToIso("2026-03-31", true, zone);
      expect(formatCampaignDates(starts, ends, zone)).toBe("Mar 1, 2026 – Mar 31, 2026");
      expect(isoToDay(starts, zone)).toBe("2026-03-01");
      expect(isoToDay(ends, zone)).toBe("2026-03-31");
    }
  });

  it("names the day as the workspace sees it, not as UTC does", () => {
    // 23:30 UTC on Mar 31 is already Apr 1 in Tokyo and still Mar 31 in Los Angeles.
    expect(formatCampaignDates(null, "2026-03-31T23:30:00Z", "Asia/Tokyo")).toBe("Until Apr 1, 2026");
    expect(formatCampaignDates("2026-03-31T23:30:00Z", null, "America/Los_Angeles")).toBe("From Mar 31, 2026");
    expect(formatCampaignDates(null, null, "Asia/Tokyo")).toBe("No dates");
  });

  it("reads a campaign saved before dates followed the zone (UTC midnight and 23:59:59) as the days entered then", () => {
    for (const zone of ["America/Los_Angeles", "Asia/Tokyo", "UTC"]) {
      expect(formatCampaignDates("2026-03-01T00:00:00Z", "2026-03-31T23:59:59Z", zone)).toBe("Mar 1, 2026 – Mar 31, 2026");
      expect(isoToDay("2026-03-01T00:00:00.000Z", zone)).toBe("2026-03-01");
      expect(isoToDay("2026-03-31T23:59:59.000Z", zone)).toBe("2026-03-31");
    }
  });
});
