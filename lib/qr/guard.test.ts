import { describe, expect, it } from "vitest";
import { DEFAULT_QR_DESIGN, type QrDesign } from "./design-schema";
import { checkQrDesign, contrastRatio } from "./guard";

const design = (over: Partial<QrDesign>): QrDesign => ({ ...DEFAULT_QR_DESIGN, ...over });
const codes = (issues: { code: string }[]) => issues.map((i) => i.code);

describe("contrastRatio", () => {
  it("follows WCAG", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#ffffff")).toBe(1);
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
  });
});

describe("checkQrDesign", () => {
  it("passes the default design with nothing to say", () => {
    expect(checkQrDesign(DEFAULT_QR_DESIGN, { hasLogo: false })).toEqual({ level: "M", errors: [], warnings: [] });
  });

  it("refuses white on white", () => {
    const r = checkQrDesign(design({ fg: "#ffffff", bg: "#ffffff" }), { hasLogo: false });
    expect(codes(r.errors)).toEqual(["contrast_too_low"]);
    expect(r.errors[0]?.message).toMatch(/too close/);
  });

  it("refuses white on a transparent background (printed on white paper)", () => {
    expect(codes(checkQrDesign(design({ fg: "#ffffff", bg: "transparent" }), { hasLogo: false }).errors)).toEqual(["contrast_too_low"]);
  });

  it("refuses inverted colours", () => {
    const r = checkQrDesign(design({ fg: "#ffffff", bg: "#111827" }), { hasLogo: false });
    expect(codes(r.errors)).toEqual(["inverted"]);
    expect(r.errors[0]?.message).toMatch(/swap/);
  });

  it("warns about low contrast, refuses very low contrast", () => {
    const low = checkQrDesign(design({ fg: "#ff3c3c", bg: "#ffffff" }), { hasLogo: false });
    expect(low.errors).toEqual([]);
    expect(codes(low.warnings)).toEqual(["contrast_low"]);
    expect(low.warnings[0]?.message).toMatch(/3\.5:1/);
    expect(codes(checkQrDesign(design({ fg: "#cccccc", bg: "#ffffff" }), { hasLogo: false }).errors)).toEqual(["contrast_too_low"]);
  });

  it("refuses a foreground too light for scanners to read as dark, even above 2:1", () => {
    // Mid grey on white (2.9:1): scanners binarise it as paper in flat areas.
    const grey = checkQrDesign(design({ fg: "#999999", bg: "#ffffff" }), { hasLogo: false });
    expect(codes(grey.errors)).toEqual(["contrast_too_low"]);
    expect(grey.errors[0]?.message).toMatch(/too light to scan/);
    // Amber on white is just over the line; a darker orange is fine.
    expect(codes(checkQrDesign(design({ fg: "#d97706" }), { hasLogo: false }).errors)).toEqual(["contrast_too_low"]);
    expect(checkQrDesign(design({ fg: "#c2410c" }), { hasLogo: false }).errors).toEqual([]);
  });

  it("accepts brand colours with enough contrast", () => {
    const r = checkQrDesign(design({ fg: "#1d4ed8", bg: "#fef3c7" }), { hasLogo: false });
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
  });

  it("warns about a transparent background", () => {
    expect(codes(checkQrDesign(design({ bg: "transparent" }), { hasLogo: false }).warnings)).toEqual(["transparent_background"]);
  });

  it("raises the level when a logo is drawn: Q for small logos, H for large ones", () => {
    expect(checkQrDesign(design({ level: "L", logoSize: 0.15 }), { hasLogo: true }).level).toBe("Q");
    expect(checkQrDesign(design({ level: "M", logoSize: 0.25 }), { hasLogo: true }).level).toBe("H");
    expect(checkQrDesign(design({ level: "H", logoSize: 0.1 }), { hasLogo: true }).level).toBe("H");
    // Without a logo drawn, the level asked for is kept.
    expect(checkQrDesign(design({ level: "L", logoSize: 0.3 }), { hasLogo: false }).level).toBe("L");
  });

  it("refuses a logo that is too big, warns near the limit", () => {
    expect(codes(checkQrDesign(design({ logoSize: 0.35 }), { hasLogo: true }).errors)).toEqual(["logo_too_big"]);
    const near = checkQrDesign(design({ logoSize: 0.28 }), { hasLogo: true });
    expect(near.errors).toEqual([]);
    expect(codes(near.warnings)).toEqual(["logo_large"]);
    // The size only matters when a logo is drawn.
    expect(checkQrDesign(design({ logoSize: 0.35 }), { hasLogo: false }).errors).toEqual([]);
  });

  it("refuses a code with no quiet zone, unless a frame keeps one", () => {
    expect(codes(checkQrDesign(design({ margin: 0 }), { hasLogo: false }).errors)).toEqual(["margin_missing"]);
    const framed = checkQrDesign(design({ margin: 0, frame: "box" }), { hasLogo: false });
    expect(framed.errors).toEqual([]);
    expect(codes(framed.warnings)).toEqual(["margin_small"]);
  });

  it("warns about a narrow quiet zone", () => {
    expect(codes(checkQrDesign(design({ margin: 1 }), { hasLogo: false }).warnings)).toEqual(["margin_small"]);
    expect(checkQrDesign(design({ margin: 2 }), { hasLogo: false }).warnings).toEqual([]);
  });

  it("refuses a call to action with characters the frame cannot draw", () => {
    const r = checkQrDesign(design({ frame: "box", cta: "扫描 me" }), { hasLogo: false });
    expect(codes(r.errors)).toEqual(["cta_unsupported"]);
    expect(checkQrDesign(design({ frame: "box", cta: "Jetzt scannen – Größe €5" }), { hasLogo: false }).errors).toEqual([]);
  });
});
