import { describe, expect, it } from "vitest";
import { clickId } from "./click-id";

describe("click ids", () => {
  it("are UUIDv7: unique, and ordered by the time they carry", () => {
    const t = Date.UTC(2026, 10, 25, 12);
    const a = clickId(t);
    const b = clickId(t + 1);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(a.replace(/-/g, "").slice(0, 12), 16)).toBe(t);
    expect(a < b).toBe(true);
    expect(new Set(Array.from({ length: 1000 }, () => clickId(t))).size).toBe(1000);
  });
});
