import { create as createQr } from "qrcode";
import { CTA_CAP_HEIGHT, CTA_GLYPHS } from "./cta-glyphs";
import type { QrDesign } from "./design-schema";
import { checkQrDesign } from "./guard";

/**
 * Draws a QR code as a standalone SVG document. The same function renders the
 * designer's live preview, the downloads and the API's images, so what is
 * previewed is exactly what gets printed. Units of the viewBox are modules.
 */
export interface QrSvgInput {
  /** What the code encodes: `qrTarget(shortUrl)`. */
  text: string;
  design: QrDesign;
  /** `data:image/png|jpeg|webp;base64,…`; drawn only when `design.logo` is not "none". */
  logoDataUri?: string | null;
  title?: string;
}

/** Radius of a module drawn as a dot, in modules: large enough that decoders sampling module centres see it. */
export const QR_DOT_RADIUS = 0.45;
/** The modules cleared around a logo reach this far beyond it, in modules. */
export const QR_LOGO_PADDING = 0.5;

const LOGO_DATA_URI = /^data:image\/(?:png|jpeg|webp);base64,[A-Za-z0-9+/]+={0,2}$/;

export function isLogoDataUri(value: unknown): value is string {
  return typeof value === "string" && LOGO_DATA_URI.test(value);
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);
}

/** Numbers in path data: at most 3 decimals, no trailing zeros. */
function n(v: number): string {
  return String(Math.round(v * 1000) / 1000);
}

/** A rounded rectangle, clockwise, corners `[tl, tr, br, bl]` with their radii. */
function roundedRect(x: number, y: number, w: number, h: number, r: readonly [number, number, number, number]): string {
  const [tl, tr, br, bl] = r;
  const arc = (rad: number, dx: number, dy: number) => (rad > 0 ? `a${n(rad)} ${n(rad)} 0 0 1 ${n(dx)} ${n(dy)}` : "");
  return (
    `M${n(x + tl)} ${n(y)}h${n(w - tl - tr)}${arc(tr, tr, tr)}` +
    `v${n(h - tr - br)}${arc(br, -br, br)}` +
    `h${n(-(w - br - bl))}${arc(bl, -bl, -bl)}` +
    `v${n(-(h - bl - tl))}${arc(tl, tl, -tl)}z`
  );
}

function circle(cx: number, cy: number, r: number): string {
  return `M${n(cx - r)} ${n(cy)}a${n(r)} ${n(r)} 0 1 0 ${n(2 * r)} 0a${n(r)} ${n(r)} 0 1 0 ${n(-2 * r)} 0z`;
}

/** The three 7×7 finder patterns ("corners"), drawn whole in the chosen style (fill-rule evenodd). */
function finderPath(x: number, y: number, style: QrDesign["corners"]): string {
  if (style === "dots") return circle(x + 3.5, y + 3.5, 3.5) + circle(x + 3.5, y + 3.5, 2.5) + circle(x + 3.5, y + 3.5, 1.5);
  if (style === "rounded") {
    return (
      roundedRect(x, y, 7, 7, [2, 2, 2, 2]) + roundedRect(x + 1, y + 1, 5, 5, [1.2, 1.2, 1.2, 1.2]) + roundedRect(x + 2, y + 2, 3, 3, [0.9, 0.9, 0.9, 0.9])
    );
  }
  return `M${x} ${y}h7v7h-7z` + `M${x + 1} ${y + 1}h5v5h-5z` + `M${x + 2} ${y + 2}h3v3h-3z`;
}

/** Centres of the alignment patterns of a QR version (ISO/IEC 18004 table E.1, as a formula). */
export function alignmentCentres(version: number): Array<[number, number]> {
  if (version < 2) return [];
  const size = version * 4 + 17;
  const count = Math.floor(version / 7) + 2;
  const step = size === 145 ? 26 : Math.ceil((size - 13) / (2 * count - 2)) * 2;
  const coords = [size - 7];
  for (let i = 1; i < count - 1; i++) coords.push((coords[i - 1] ?? 0) - step);
  coords.push(6);
  coords.reverse();
  const out: Array<[number, number]> = [];
  for (const r of coords) {
    for (const c of coords) {
      const onFinder = (r === 6 && c === 6) || (r === 6 && c === size - 7) || (r === size - 7 && c === 6);
      if (!onFinder) out.push([r, c]);
    }
  }
  return out;
}

/** A 5×5 alignment pattern in the corner style, so that decoders find it whatever the module style. */
function alignmentPath(x: number, y: number, style: QrDesign["corners"]): string {
  if (style === "dots") return circle(x + 2.5, y + 2.5, 2.5) + circle(x + 2.5, y + 2.5, 1.5) + circle(x + 2.5, y + 2.5, 0.5);
  if (style === "rounded") return roundedRect(x, y, 5, 5, [1.4, 1.4, 1.4, 1.4]) + roundedRect(x + 1, y + 1, 3, 3, [0.8, 0.8, 0.8, 0.8]) + roundedRect(x + 2, y + 2, 1, 1, [0.4, 0.4, 0.4, 0.4]);
  return `M${x} ${y}h5v5h-5z` + `M${x + 1} ${y + 1}h3v3h-3z` + `M${x + 2} ${y + 2}h1v1h-1z`;
}

function inFinder(row: number, col: number, size: number): boolean {
  return (row < 7 && col < 7) || (row < 7 && col >= size - 7) || (row >= size - 7 && col < 7);
}

/** The side, in whole modules, of the square cleared for a logo: centred on the module grid. */
export function logoClearance(symbolSize: number, logoSize: number): number {
  let k = Math.ceil(logoSize * symbolSize + 2 * QR_LOGO_PADDING);
  if (k % 2 !== symbolSize % 2) k += 1;
  return Math.min(k, symbolSize);
}

function modulesPath(dark: (r: number, c: number) => boolean, size: number, style: QrDesign["dots"], ox: number, oy: number): string {
  const parts: string[] = [];
  for (let r = 0; r < size; r++) {
    if (style === "square") {
      // Horizontal runs: fewer path segments, no seams between neighbours.
      let c = 0;
      while (c < size) {
        if (!dark(r, c)) {
          c++;
          continue;
        }
        const start = c;
        while (c < size && dark(r, c)) c++;
        parts.push(`M${n(ox + start)} ${n(oy + r)}h${c - start}v1h${-(c - start)}z`);
      }
      continue;
    }
    for (let c = 0; c < size; c++) {
      if (!dark(r, c)) continue;
      const x = ox + c;
      const y = oy + r;
      if (style === "dots") {
        parts.push(circle(x + 0.5, y + 0.5, QR_DOT_RADIUS));
        continue;
      }
      // Rounded: a corner is rounded only where neither neighbour on that side is dark, so runs stay joined.
      const up = dark(r - 1, c);
      const down = dark(r + 1, c);
      const left = dark(r, c - 1);
      const right = dark(r, c + 1);
      const rad = 0.5;
      parts.push(roundedRect(x, y, 1, 1, [!up && !left ? rad : 0, !up && !right ? rad : 0, !down && !right ? rad : 0, !down && !left ? rad : 0]));
    }
  }
  return parts.join("");
}

/** The call to action as glyph paths, centred in the box, in `fill`. */
function ctaText(text: string, box: { x: number; y: number; w: number; h: number }, fill: string): string {
  const glyphs = [...text].map((ch): readonly [number, string] => CTA_GLYPHS[ch] ?? CTA_GLYPHS["?"] ?? [0, ""]);
  const advance = glyphs.reduce((sum, [adv]) => sum + adv, 0);
  if (advance === 0) return "";
  // Cap height about 45% of the band, narrower if the text would not fit.
  const scale = Math.min((box.h * 0.45) / CTA_CAP_HEIGHT, (box.w * 0.9) / advance);
  const x0 = box.x + (box.w - advance * scale) / 2;
  const baseline = box.y + box.h / 2 + (CTA_CAP_HEIGHT * scale) / 2;
  let pen = 0;
  const paths: string[] = [];
  for (const [adv, d] of glyphs) {
    if (d) paths.push(`<path transform="translate(${pen})" d="${d}"/>`);
    pen += adv;
  }
  return `<g fill="${escapeXml(fill)}" transform="translate(${n(x0)} ${n(baseline)}) scale(${scale.toPrecision(6)})">${paths.join("")}</g>`;
}

export function renderQrSvg(input: QrSvgInput): string {
  const { design } = input;
  const logo = design.logo !== "none" && isLogoDataUri(input.logoDataUri) ? input.logoDataUri : null;
  const { level } = checkQrDesign(design, { hasLogo: logo !== null });
  const qr = createQr(input.text, { errorCorrectionLevel: level });
  const size = qr.modules.size;
  const bits = qr.modules.data;

  const framed = design.frame !== "none";
  // A frame drawn against the finder patterns would hide them: keep at least one module of quiet zone inside it.
  const quiet = framed ? Math.max(design.margin, 1) : design.margin;
  const border = framed ? 1 : 0;
  const inner = size + 2 * quiet;
  const cta = framed ? design.cta.trim() : "";
  const band = cta ? Math.max(6, Math.round(inner * 0.2)) : 0;
  const width = inner + 2 * border;
  const height = inner + 2 * border + (band > 0 ? band - border : 0);
  const ox = border + quiet;
  const oy = border + quiet;

  const clear = logo ? logoClearance(size, design.logoSize) : 0;
  const clearFrom = (size - clear) / 2;
  const cleared = (r: number, c: number) => clear > 0 && r >= clearFrom && r < clearFrom + clear && c >= clearFrom && c < clearFrom + clear;
  const aligns = alignmentCentres(qr.version).filter(([r, c]) => !cleared(r, c));
  const inAlign = (r: number, c: number) => aligns.some(([ar, ac]) => Math.abs(r - ar) <= 2 && Math.abs(c - ac) <= 2);
  const dark = (r: number, c: number) =>
    r >= 0 && c >= 0 && r < size && c < size && bits[r * size + c] === 1 && !inFinder(r, c, size) && !inAlign(r, c) && !cleared(r, c);

  const fg = escapeXml(design.fg);
  const paper = design.bg === "transparent" ? null : escapeXml(design.bg);
  const pxWidth = design.size;
  const pxHeight = Math.round((design.size * height) / width);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" viewBox="0 0 ${width} ${height}" width="${pxWidth}" height="${pxHeight}">`,
  ];
  if (input.title) out.push(`<title>${escapeXml(input.title)}</title>`);

  if (framed) {
    const outerR = design.frame === "rounded" ? 2.5 : 0;
    const innerR = design.frame === "rounded" ? 1.5 : 0;
    if (paper) {
      // Paper outside the rounded corners too, so the image is one solid rectangle.
      out.push(`<rect width="${width}" height="${height}" fill="${paper}"/>`);
    }
    const hole = roundedRect(border, border, inner, inner, [innerR, innerR, band > 0 ? 0 : innerR, band > 0 ? 0 : innerR]);
    out.push(`<path fill="${fg}" fill-rule="evenodd" d="${roundedRect(0, 0, width, height, [outerR, outerR, outerR, outerR])}${hole}"/>`);
    if (paper) out.push(`<path fill="${paper}" d="${hole}"/>`);
    if (band > 0) out.push(ctaText(cta, { x: border, y: border + inner, w: inner, h: band - border }, paper ?? "#ffffff"));
  } else if (paper) {
    out.push(`<rect width="${width}" height="${height}" fill="${paper}"/>`);
  }

  out.push(`<path fill="${fg}" d="${modulesPath(dark, size, design.dots, ox, oy)}"/>`);
  const finders = finderPath(ox, oy, design.corners) + finderPath(ox + size - 7, oy, design.corners) + finderPath(ox, oy + size - 7, design.corners);
  const alignPaths = aligns.map(([r, c]) => alignmentPath(ox + c - 2, oy + r - 2, design.corners)).join("");
  out.push(`<path fill="${fg}" fill-rule="evenodd" d="${finders}${alignPaths}"/>`);

  if (logo) {
    const side = design.logoSize * size;
    const at = (size - side) / 2;
    out.push(
      `<image x="${n(ox + at)}" y="${n(oy + at)}" width="${n(side)}" height="${n(side)}" preserveAspectRatio="xMidYMid meet" href="${escapeXml(logo)}"/>`,
    );
  }
  out.push("</svg>");
  return out.join("");
}
