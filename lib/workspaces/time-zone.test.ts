import { describe, expect, it } from "vitest";
import { timeZoneSchema } from "./time-zone";

describe("workspace time zone", () => {
  it("accepts IANA names and UTC, in their canonical spelling", () => {
    expect(timeZoneSchema.parse("Europe/Berlin")).toBe("Europe/Berlin");
    expect(timeZoneSchema.parse("Asia/Kathmandu")).toBe("Asia/Kathmandu");
    expect(timeZoneSchema.parse("UTC")).toBe("UTC");
    expect(timeZoneSchema.parse(" europe/berlin ")).toBe("Europe/Berlin");
  });

  it("refuses made-up zones and offsets with a message naming the value", () => {
    const r = timeZoneSchema.safeParse("Mars/Olympus_Mons");
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toContain("Mars/Olympus_Mons");
    expect(timeZoneSchema.safeParse("").success).toBe(false);
  });
});
