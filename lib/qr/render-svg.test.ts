import { describe, expect, it } from "vitest";
import { DEFAULT_QR_DESIGN, type QrDesign } from "./design-schema";
import { logoClearance, renderQrSvg } from "./render-svg";

const text = "https://pnt.example/spring?qr=1";
const design = (over: Partial<QrDesign>): QrDesign => ({ ...DEFAULT_QR_DESIGN, ...over });
// 1×1 transparent PNG.
const PIXEL = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

describe("renderQrSvg", () => {
  it("is a standalone SVG document of the asked pixel size, viewBox in modules", () => {
    const svg = renderQrSvg({ text, design: design({ size: 512, margin: 4 }) });
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toMatch(/width="512" height="512"/);
    // Version 3 (29 modules) at level M, plus 4 modules of quiet zone on each side.
    expect(svg).toContain('viewBox="0 0 37 37"');
    expect(svg).toContain('fill="#111827"');
    expect(svg).toContain('<rect width="37" height="37" fill="#ffffff"/>');
  });

  it("draws no background when it is transparent", () => {
    expect(renderQrSvg({ text, design: design({ bg: "transparent" }) })).not.toContain("<rect");
  });

  it("escapes the title", () => {
    const svg = renderQrSvg({ text, design: DEFAULT_QR_DESIGN, title: `<script>alert("x")</script>` });
    expect(svg).toContain("<title>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</title>");
    expect(svg).not.toContain("<script>");
  });

  it("embeds the logo as a data URI, only when the design asks for one", () => {
    expect(renderQrSvg({ text, design: design({ logo: "own" }), logoDataUri: PIXEL })).toContain(`href="${PIXEL}"`);
    expect(renderQrSvg({ text, design: design({ logo: "none" }), logoDataUri: PIXEL })).not.toContain("<image");
    // Anything but an inline PNG/JPEG/WebP is never linked.
    const linked = renderQrSvg({ text, design: design({ logo: "own" }), logoDataUri: "https://evil.example/x.png" });
    expect(linked).not.toContain("<image");
    expect(linked).not.toContain("evil.example");
  });

  it("draws the frame's call to action as paths, never as text", () => {
    const svg = renderQrSvg({ text, design: design({ frame: "rounded", cta: "Scan <me>" }) });
    expect(svg).not.toContain("<text");
    expect(svg).not.toContain("<me>");
    expect(svg).toMatch(/<g fill="#ffffff" transform="translate\([\d.]+ [\d.]+\) scale\([\d.]+\)">(<path transform="translate\(\d+\)" d="[^"]*"\/>)+<\/g>/);
    // The frame adds a band under the code: taller than wide.
    const [, w, h] = /width="(\d+)" height="(\d+)"/.exec(svg) ?? [];
    expect(Number(h)).toBeGreaterThan(Number(w));
  });

  it("clears a square of whole modules around the logo, centred on the grid", () => {
    expect(logoClearance(29, 0.2)).toBe(7);
    expect(logoClearance(29, 0.3)).toBe(11);
    expect(logoClearance(30, 0.2)).toBe(8);
  });
});
