import { describe, expect, it } from "vitest";
import { bucketStarts, isoInZone, parseInstant, presetRange, QUARTER_MIDNIGHTS, zonedInstant } from "./time-range";

const iso = (ms: number) => new Date(ms).toISOString();

describe("buckets in a time zone", () => {
  it("has a 23-hour and a 25-hour day across Berlin's daylight-saving changes", () => {
    const from = Date.parse("2026-03-28T23:00:00Z");
    const days = bucketStarts(from, Date.parse("2026-03-31T22:00:00Z"), "day", "Europe/Berlin")!;
    expect(days.map(iso)).toEqual(["2026-03-28T23:00:00.000Z", "2026-03-29T22:00:00.000Z", "2026-03-30T22:00:00.000Z"]);
    const autumn = bucketStarts(Date.parse("2026-10-24T22:00:00Z"), Date.parse("2026-10-26T23:00:00Z"), "day", "Europe/Berlin")!;
    expect(autumn.map(iso)).toEqual(["2026-10-24T22:00:00.000Z", "2026-10-25T23:00:00.000Z"]);
  });
  it("puts midnight at :30 and :45 past the UTC hour in Kolkata and Kathmandu", () => {
    expect(iso(zonedInstant({ y: 2026, mo: 1, d: 15, h: 0, mi: 0 }, "Asia/Kolkata"))).toBe("2026-01-14T18:30:00.000Z");
    expect(iso(zonedInstant({ y: 2026, mo: 1, d: 15, h: 0, mi: 0 }, "Asia/Kathmandu"))).toBe("2026-01-14T18:15:00.000Z");
    const hours = bucketStarts(Date.parse("2026-01-14T18:20:00Z"), Date.parse("2026-01-14T20:00:00Z"), "hour", "Asia/Kathmandu")!;
    expect(hours.map(iso)).toEqual(["2026-01-14T18:15:00.000Z", "2026-01-14T19:15:00.000Z"]);
  });
  it("starts weeks on Monday and months on the 1st, in the zone", () => {
    const weeks = bucketStarts(Date.parse("2026-03-04T12:00:00Z"), Date.parse("2026-03-10T00:00:00Z"), "week", "America/New_York")!;
    expect(weeks.map(iso)).toEqual(["2026-03-02T05:00:00.000Z", "2026-03-09T04:00:00.000Z"]);
    const months = bucketStarts(Date.parse("2026-02-10T00:00:00Z"), Date.parse("2026-03-02T00:00:00Z"), "month", "Asia/Kolkata")!;
    expect(months.map(iso)).toEqual(["2026-01-31T18:30:00.000Z", "2026-02-28T18:30:00.000Z"]);
  });
  it("lists every zone's midnight that falls inside a UTC hour", () => {
    const cuts = new Set<number>();
    for (const zone of Intl.supportedValuesOf("timeZone")) {
      for (let mo = 1; mo <= 12; mo++) {
        const midnight = zonedInstant({ y: 2026, mo, d: 15, h: 0, mi: 0 }, zone);
        const minute = (midnight % 86_400_000) / 60_000;
        if (minute % 60) cuts.add(minute);
      }
    }
    expect([...cuts].sort((a, b) => a - b)).toEqual(QUARTER_MIDNIGHTS);
    expect(cuts).toContain(18 * 60 + 30);
  });
  it("refuses more than the bucket limit", () => {
    expect(bucketStarts(0, 2000 * 3_600_000, "hour", "UTC")).toBeNull();
  });
});

describe("ranges", () => {
  it("ends the last 7 days at the zone's next midnight", () => {
    const r = presetRange("7d", Date.parse("2026-03-30T01:00:00Z"), "Europe/Berlin", 0);
    expect(iso(r.from)).toBe("2026-03-23T23:00:00.000Z");
    expect(iso(r.to)).toBe("2026-03-30T22:00:00.000Z");
  });
  it("reads dates as local midnights and writes offsets", () => {
    expect(iso(parseInstant("2026-03-01", "Asia/Kathmandu"))).toBe("2026-02-28T18:15:00.000Z");
    expect(iso(parseInstant("2026-03-01", "UTC", true))).toBe("2026-03-02T00:00:00.000Z");
    expect(parseInstant("yesterday", "UTC")).toBeNaN();
    expect(isoInZone(Date.parse("2026-01-14T18:15:00Z"), "Asia/Kathmandu")).toBe("2026-01-15T00:00:00+05:45");
    expect(isoInZone(Date.parse("2026-07-01T04:00:00Z"), "America/New_York")).toBe("2026-07-01T00:00:00-04:00");
  });
});
