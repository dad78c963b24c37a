import { describe, expect, it } from "vitest";
import { normalizeHex } from "./colour";
import { fileNameFrom, qrImageUrl, savedQrImageUrl } from "./design-query";

const design = {
  fg: "#1e3a8a",
  bg: "transparent",
  level: "Q",
  margin: 2,
  size: 2048,
  dots: "dots",
  corners: "rounded",
  logo: "workspace",
  logoSize: 0.25,
  frame: "box",
  cta: "Scan & win",
} as const;
const plain = { ...design, bg: "#ffffff", logo: "none", logoSize: 0.2 } as const;

describe("qrImageUrl", () => {
  it("puts every option of the design in the query, so an unsaved design downloads as previewed", () => {
    const url = new URL(qrImageUrl("acme", "lnk_1", design, "png"), "http://x");
    expect(url.pathname).toBe("/api/v1/links/lnk_1/qr");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      workspace: "acme",
      format: "png",
      size: "2048",
      fg: "#1e3a8a",
      bg: "transparent",
      level: "Q",
      margin: "2",
      logo: "workspace",
      logoSize: "0.25",
      dots: "dots",
      corners: "rounded",
      frame: "box",
      cta: "Scan & win",
    });
  });
  it("asks for the saved design with only a format for thumbnails", () => {
    expect(savedQrImageUrl("acme", "a/b", "svg")).toBe("/api/v1/links/a%2Fb/qr?workspace=acme&format=svg");
  });
});

describe("qrImageUrl logos", () => {
  it("asks for no logo, or exactly the designer's logo choice", () => {
    expect(new URL(qrImageUrl("acme", "l", plain, "svg"), "http://x").searchParams.get("logo")).toBe("false");
    expect(new URL(qrImageUrl("acme", "l", { ...design, logo: "own" }, "svg"), "http://x").searchParams.get("logo")).toBe("own");
  });
});

describe("fileNameFrom", () => {
  it("reads the plain and the UTF-8 file name", () => {
    expect(fileNameFrom('attachment; filename="qr-abc.png"', "x.png")).toBe("qr-abc.png");
    expect(fileNameFrom("attachment; filename*=UTF-8''qr-%C3%A9t%C3%A9.svg", "x.svg")).toBe("qr-été.svg");
    expect(fileNameFrom(null, "x.svg")).toBe("x.svg");
  });
});

describe("normalizeHex", () => {
  it("accepts six and three digits, with or without #, in any case", () => {
    expect(normalizeHex("#1E3A8A")).toBe("#1e3a8a");
    expect(normalizeHex("fff")).toBe("#ffffff");
    expect(normalizeHex(" #abc ")).toBe("#aabbcc");
  });
  it("refuses half-typed and foreign values", () => {
    expect(normalizeHex("#12")).toBeNull();
    expect(normalizeHex("red")).toBeNull();
    expect(normalizeHex("#1234567")).toBeNull();
  });
});
