import jsQR from "jsqr";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { qrDesignSchema, qrTarget, type QrDesign, type QrDesignInput } from "./design-schema";
import { checkQrDesign } from "./guard";
import { pngDataUri, processLogoUpload } from "./logo";
import { renderQrPng } from "./render-png";
import { renderQrSvg } from "./render-svg";

/**
 * Every design the guard lets through must scan. Each case is rendered twice,
 * as the PNG download (renderQrPng) and as the SVG download rasterised by
 * sharp, composited on white paper (transparent backgrounds), and decoded with
 * a real QR decoder (jsQR, no inverted retry): the text must be exactly the
 * short URL with the QR marker.
 */

const SHORT_URLS = [
  "http://localhost:3000/abc1234",
  "https://go.brand.example/spring-sale-2026",
  // Long enough for version 7+, whose centre alignment pattern sits under the logo.
  `https://links.acme-marketing.example/${"campaign-autumn-newsletter-".repeat(2)}x9`,
];

const COLOURS: Array<Pick<QrDesign, "fg" | "bg">> = [
  { fg: "#111827", bg: "#ffffff" }, // the default
  { fg: "#000000", bg: "transparent" }, // composited on white paper
  { fg: "#1d4ed8", bg: "#fef3c7" }, // brand blue on cream
  { fg: "#7c2d12", bg: "#ffedd5" }, // brown on peach
  { fg: "#0f766e", bg: "#ffffff" }, // teal
  { fg: "#ff3c3c", bg: "#ffffff" }, // bright red: low contrast (3.5:1, warned, allowed)
  { fg: "#c2410c", bg: "#ffffff" }, // brand orange
];

const LOGOS = [null, 0.1, 0.2, 0.3] as const;
const LEVELS = ["L", "M", "Q", "H"] as const;
const DOTS = ["square", "rounded", "dots"] as const;
const CORNERS = ["square", "rounded", "dots"] as const;
const FRAMES = ["none", "box", "rounded"] as const;

let opaqueLogo = "";
let alphaLogo = "";

/** A generated logo: shapes only (no fonts on the machine), dark and busy, the hardest kind for a decoder. */
async function makeLogo(transparent: boolean): Promise<string> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="200" viewBox="0 0 300 200">
    ${transparent ? "" : '<rect width="300" height="200" rx="30" fill="#0b1f44"/>'}
    <circle cx="95" cy="100" r="70" fill="#f97316"/>
    <path d="M170 30 L280 100 L170 170 Z" fill="${transparent ? "#111827" : "#ffffff"}"/>
    <rect x="60" y="85" width="70" height="30" fill="#111827"/>
  </svg>`;
  const png = await sharp(Buffer.from(svg)).png().toBuffer();
  return pngDataUri(await processLogoUpload(png, "image/png"));
}

async function decode(image: Buffer): Promise<string | null> {
  const { data, info } = await sharp(image).flatten({ background: "#ffffff" }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const found = jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height, { inversionAttempts: "dontInvert" });
  return found?.data ?? null;
}

interface Case {
  name: string;
  text: string;
  design: QrDesign;
  logo: "opaque" | "alpha" | null;
}

/** The generated logo a case draws (made once, before the tests). */
const logoOf = (c: Case) => (c.logo === "opaque" ? opaqueLogo : c.logo === "alpha" ? alphaLogo : null);

function makeCase(i: number, over: QrDesignInput & { logoFraction: number | null; url?: string; transparentLogo?: boolean }): Case {
  const { logoFraction, url, transparentLogo, ...fields } = over;
  const design = qrDesignSchema.parse({ ...fields, logo: logoFraction ? "own" : "none", logoSize: logoFraction ?? 0.2 });
  const text = qrTarget(url ?? SHORT_URLS[i % SHORT_URLS.length]!);
  const name = `${design.size}px ${design.fg}/${design.bg} ${design.level} dots=${design.dots} corners=${design.corners} logo=${logoFraction ?? "none"} frame=${design.frame} margin=${design.margin} ${text.length}ch`;
  return { name, text, design, logo: logoFraction ? (transparentLogo ? "alpha" : "opaque") : null };
}

/** Module and corner styles × logo sizes × levels in full; colours, frames and URLs rotate through them. */
function styleMatrix(): Case[] {
  const cases: Case[] = [];
  let i = 0;
  for (const dots of DOTS)
    for (const corners of CORNERS)
      for (const logoFraction of LOGOS)
        for (const level of LEVELS) {
          const colours = COLOURS[i % COLOURS.length]!;
          cases.push(
            makeCase(i, { ...colours, dots, corners, level, logoFraction, transparentLogo: i % 2 === 1, frame: FRAMES[i % FRAMES.length], cta: "Scan me!", size: i % 2 ? 256 : 512, margin: i % 5 === 0 ? 1 : i % 7 === 0 ? 2 : 4 }),
          );
          i++;
        }
  return cases;
}

/** Large prints: 2048 px, every module style with the biggest logo and a frame. */
function largeMatrix(): Case[] {
  return DOTS.flatMap((dots, i) =>
    CORNERS.map((corners, j) => makeCase(i * 3 + j, { dots, corners, level: "M", logoFraction: j === 1 ? null : 0.3, frame: FRAMES[(i + j) % 3], size: 2048, ...COLOURS[(i + j) % COLOURS.length]! })),
  );
}

/** The edges the guard still allows: a 1-module quiet zone (or 0 inside a frame), the lightest colours, the smallest and largest sizes. */
function edgeMatrix(): Case[] {
  return [
    makeCase(0, { margin: 1, logoFraction: null, size: 128 }),
    makeCase(1, { margin: 1, logoFraction: 0.3, dots: "dots", corners: "dots", size: 2048 }),
    makeCase(2, { margin: 0, frame: "box", logoFraction: 0.2, size: 256 }),
    makeCase(0, { margin: 0, frame: "rounded", logoFraction: null, size: 2048, bg: "transparent" }),
    makeCase(1, { logoFraction: 0.3, level: "H", size: 4096, dots: "rounded", corners: "rounded", frame: "box" }),
    // Just inside the scanner-brightness limit (the lightest grey the guard allows), with a large logo.
    makeCase(0, { fg: "#707070", bg: "#ffffff", logoFraction: 0.25, dots: "rounded", size: 512 }),
    makeCase(1, { fg: "#c83cff", bg: "#ffffff", logoFraction: 0.3, dots: "dots", corners: "dots", size: 1024 }),
    makeCase(1, { fg: "#111827", bg: "#9ca3af", logoFraction: null, dots: "dots", corners: "rounded", size: 512 }),
    makeCase(2, { margin: 16, logoFraction: 0.1, size: 128, frame: "rounded", cta: "Jetzt scannen – Größe" }),
  ];
}

beforeAll(async () => {
  opaqueLogo = await makeLogo(false);
  alphaLogo = await makeLogo(true);
});

const MATRIX = [...styleMatrix(), ...largeMatrix(), ...edgeMatrix()];

/** Greys and eight hues in five shades, on three backgrounds: the ones the guard accepts with a logo on, and how many it refuses. */
const COLOUR_PAIRS = (() => {
  const hex = (v: number) => Math.round(v).toString(16).padStart(2, "0");
  const greys = Array.from({ length: 16 }, (_, i) => `#${hex(i * 17).repeat(3)}`);
  const hues = [[220, 38, 38], [234, 88, 12], [202, 138, 4], [22, 163, 74], [13, 148, 136], [37, 99, 235], [124, 58, 237], [219, 39, 119]];
  const shades = hues.flatMap(([r, g, b]) => [0.45, 0.7, 0.85, 1, 1.15].map((k) => `#${[r!, g!, b!].map((c) => hex(Math.min(255, c * k))).join("")}`));
  const candidates = ["#ffffff", "#fef3c7", "#e5e7eb"].flatMap((bg) => [...greys, ...shades].map((fg) => ({ fg, bg })));
  const accepted = candidates.filter((c) => checkQrDesign(qrDesignSchema.parse(c), { hasLogo: true }).errors.length === 0);
  return { accepted, refused: candidates.length - accepted.length };
})();

describe("QR decode matrix", () => {
  it("covers at least 150 designs, every one of which the guard accepts", () => {
    const accepted = MATRIX.filter((c) => checkQrDesign(c.design, { hasLogo: c.logo !== null }).errors.length === 0);
    // The matrix is about designs the guard lets through: all of these are meant to be.
    expect(accepted.map((c) => c.name)).toEqual(MATRIX.map((c) => c.name));
    expect(MATRIX.length).toBeGreaterThanOrEqual(150);
  });

  // One test per design, so a failure names it and each has its own time budget.
  it.each(MATRIX.map((c) => [c.name, c] as const))("decodes as PNG and as rasterised SVG: %s", async (_name, c) => {
    const svg = renderQrSvg({ text: c.text, design: c.design, logoDataUri: logoOf(c) });
    const png = await renderQrPng(svg, c.design.size);
    const meta = await sharp(png).metadata();
    expect(meta.width, "PNG width").toBe(c.design.size);
    expect(await decode(png), "decoded from the PNG").toBe(c.text);
    expect(await decode(Buffer.from(svg)), "decoded from the SVG").toBe(c.text);
  }, 120_000);

  it("tries colour pairs on both sides of the guard's line", () => {
    expect(COLOUR_PAIRS.accepted.length).toBeGreaterThan(60);
    expect(COLOUR_PAIRS.refused).toBeGreaterThan(30);
  });

  it.each(COLOUR_PAIRS.accepted.map((c, i) => [`${c.fg} on ${c.bg}`, c, i] as const))("decodes an accepted colour pair, right up to the limits: %s", async (_name, colours, i) => {
    const c = makeCase(i, { ...colours, logoFraction: 0.3, dots: DOTS[i % 3], corners: CORNERS[(i + 1) % 3], size: 600 });
    expect(await decode(Buffer.from(renderQrSvg({ text: c.text, design: c.design, logoDataUri: logoOf(c) })))).toBe(c.text);
  }, 60_000);

  it("draws the logo and the frame's call to action into the raster", async () => {
    const design = qrDesignSchema.parse({ frame: "box", cta: "Scan me", size: 400, logo: "own", logoSize: 0.3 });
    const svg = renderQrSvg({ text: qrTarget(SHORT_URLS[0]!), design, logoDataUri: opaqueLogo });
    const png = await renderQrPng(svg, 400);
    const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const px = (x: number, y: number) => {
      const o = (y * info.width + x) * 3;
      return [data[o]!, data[o + 1]!, data[o + 2]!];
    };
    // The band under the code is the foreground colour with light glyphs in its middle.
    const bandTop = info.width; // the code area is square; the band starts below it
    let light = 0;
    let dark = 0;
    for (let y = bandTop; y < info.height - 2; y++)
      for (let x = Math.round(info.width * 0.25); x < info.width * 0.75; x++) {
        const [r] = px(x, y);
        if (r! > 200) light++;
        else if (r! < 60) dark++;
      }
    expect(info.height).toBeGreaterThan(info.width);
    expect(light).toBeGreaterThan(500);
    expect(dark).toBeGreaterThan(light);
    // The logo's orange circle is at the centre of the code.
    const centre = Math.round(info.width / 2);
    const orange = [...Array(40).keys()].some((d) => {
      const [r, g, b] = px(centre - 20 + d, centre);
      return r! > 220 && g! > 90 && g! < 150 && b! < 60;
    });
    expect(orange).toBe(true);
  });
});
