import { describe, expect, it } from "vitest";
import { linkStatus } from "./link-status";

const base = { archived: false, disabled: false, expiresAt: null, maxClicks: null, clicks: 0 };
const now = new Date("2026-06-01T12:00:00Z");

describe("linkStatus", () => {
  it("is active by default", () => expect(linkStatus(base, now)).toBe("active"));
  it("is expired after the expiry time or at the click limit", () => {
    expect(linkStatus({ ...base, expiresAt: "2026-06-01T11:59:00Z" }, now)).toBe("expired");
    expect(linkStatus({ ...base, expiresAt: "2026-06-01T12:01:00Z" }, now)).toBe("active");
    expect(linkStatus({ ...base, maxClicks: 10, clicks: 10 }, now)).toBe("expired");
    expect(linkStatus({ ...base, maxClicks: 10, clicks: 9 }, now)).toBe("active");
  });
  it("archived wins over disabled, disabled over expired", () => {
    expect(linkStatus({ ...base, archived: true, disabled: true }, now)).toBe("archived");
    expect(linkStatus({ ...base, disabled: true, maxClicks: 1, clicks: 5 }, now)).toBe("disabled");
  });
});
