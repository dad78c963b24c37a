import { describe, expect, it } from "vitest";
import { DEFAULT_QR_DESIGN, qrDesignSchema, qrTarget } from "./design-schema";

describe("qrDesignSchema", () => {
  it("fills every field with its default", () => {
    expect(DEFAULT_QR_DESIGN).toEqual({
      fg: "#111827",
      bg: "#ffffff",
      level: "M",
      margin: 4,
      size: 1024,
      dots: "square",
      corners: "square",
      logo: "none",
      logoSize: 0.2,
      frame: "none",
      cta: "Scan me",
    });
  });

  it("normalises colours and accepts a transparent background", () => {
    const d = qrDesignSchema.parse({ fg: "#ABC", bg: "Transparent" });
    expect(d.fg).toBe("#aabbcc");
    expect(d.bg).toBe("transparent");
    expect(qrDesignSchema.parse({ bg: "FFEEDD" }).bg).toBe("#ffeedd");
  });

  it("refuses what it cannot draw", () => {
    for (const bad of [{ fg: "red" }, { fg: "transparent" }, { level: "Z" }, { size: 99999 }, { size: 64 }, { margin: 17 }, { logoSize: 0.5 }, { dots: "hearts" }, { cta: "x".repeat(25) }]) {
      expect(qrDesignSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it("trims the call to action", () => {
    expect(qrDesignSchema.parse({ cta: "  Scan me!  " }).cta).toBe("Scan me!");
  });
});

describe("qrTarget", () => {
  it("adds the QR marker to the short URL", () => {
    expect(qrTarget("https://pnt.example/spring")).toBe("https://pnt.example/spring?qr=1");
    expect(qrTarget("http://localhost:3000/abc")).toBe("http://localhost:3000/abc?qr=1");
  });
});
