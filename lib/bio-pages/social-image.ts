import "server-only";
import { CTA_CAP_HEIGHT, CTA_GLYPHS } from "@/lib/qr/cta-glyphs";
import { renderQrPng } from "@/lib/qr/render-png";
import { escapeXml } from "@/lib/qr/render-svg";
import { SOCIAL_IMAGE, type SocialCard } from "./social-card";

// Characters the shipped glyphs lack (CJK, emoji…) are left out rather than drawn as "?".
const glyphOf = (ch: string) => CTA_GLYPHS[ch] ?? ([0, ""] as const);
const drawable = (text: string) => [...text].filter((ch) => ch in CTA_GLYPHS).join("").replace(/\s+/g, " ").trim();
const widthOf = (text: string) => [...text].reduce((sum, ch) => sum + glyphOf(ch)[0], 0);

/** Text as glyph paths (Inter SemiBold, shipped with the QR renderer): no system fonts needed to draw it. */
function textPaths(text: string, x: number, baseline: number, capHeight: number, fill: string, anchor: "start" | "middle" = "start"): string {
  const scale = capHeight / CTA_CAP_HEIGHT;
  const x0 = anchor === "middle" ? x - (widthOf(text) * scale) / 2 : x;
  let pen = 0;
  const paths: string[] = [];
  for (const ch of text) {
    const [adv, d] = glyphOf(ch);
    if (d) paths.push(`<path transform="translate(${pen})" d="${d}"/>`);
    pen += adv;
  }
  return `<g fill="${escapeXml(fill)}" transform="translate(${x0.toFixed(1)} ${baseline.toFixed(1)}) scale(${scale.toPrecision(6)})">${paths.join("")}</g>`;
}

/** Breaks the title into at most `lines` lines that fit `maxWidth` font units; the last one ends in "…" when cut. */
function wrap(text: string, maxWidth: number, lines: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const out: string[] = [];
  let line = "";
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (widthOf(next) <= maxWidth) {
      line = next;
      continue;
    }
    if (line) out.push(line);
    line = word;
    if (out.length === lines) break;
  }
  if (line && out.length < lines) out.push(line);
  const cut = out.length === lines && out.join(" ").length < words.join(" ").length;
  return out.slice(0, lines).map((l, i) => {
    let s = l;
    const last = i === lines - 1 && cut;
    while (widthOf(last ? `${s}…` : s) > maxWidth && s.length > 1) s = s.slice(0, -1);
    return last || s !== l ? `${s.trimEnd()}…` : s;
  });
}

/** The generated preview image (1200×630) of a page without an avatar, in the page's colours. */
function socialImageSvg(card: SocialCard): string {
  const { width: W, height: H } = SOCIAL_IMAGE;
  const t = card.theme;
  const bg = t.background;
  const fill =
    bg.kind === "gradient"
      ? (() => {
          const rad = ((bg.angle - 90) * Math.PI) / 180;
          const [dx, dy] = [Math.cos(rad) / 2, Math.sin(rad) / 2];
          return `<defs><linearGradient id="g" x1="${0.5 - dx}" y1="${0.5 - dy}" x2="${0.5 + dx}" y2="${0.5 + dy}"><stop offset="0" stop-color="${bg.color}"/><stop offset="1" stop-color="${bg.to}"/></linearGradient></defs><rect width="${W}" height="${H}" fill="url(#g)"/>`;
        })()
      : `<rect width="${W}" height="${H}" fill="${bg.color}"/>`;
  const title = drawable(card.title);
  const initial = [...title.toUpperCase()].find((ch) => /\p{L}|\p{N}/u.test(ch) && ch in CTA_GLYPHS) ?? card.handle[0]!.toUpperCase();
  const disc = t.buttonStyle === "outline" ? t.text : t.buttonColor;
  const discText = t.buttonStyle === "outline" ? bg.color : t.buttonText;
  const cap = 64;
  const titleLines = wrap(title, (1040 * CTA_CAP_HEIGHT) / cap, 2);
  const lineGap = 92;
  const top = 330 - ((titleLines.length - 1) * lineGap) / 2;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">`,
    fill,
    `<circle cx="${W / 2}" cy="150" r="78" fill="${disc}"/>`,
    textPaths(initial, W / 2, 150 + 36, 72, discText, "middle"),
    ...titleLines.map((line, i) => textPaths(line, W / 2, top + i * lineGap + cap, cap, t.text, "middle")),
    textPaths(`@${card.handle}`, W / 2, top + (titleLines.length - 1) * lineGap + cap + 80, 36, t.text, "middle"),
    `<rect x="${W / 2 - 40}" y="${H - 40}" width="80" height="6" rx="3" fill="${disc}"/>`,
    `</svg>`,
  ].join("");
}

/** The PNG a link preview shows (through the same encoder as the QR codes' PNGs). */
export async function renderSocialImage(card: SocialCard): Promise<Buffer> {
  return renderQrPng(socialImageSvg(card), SOCIAL_IMAGE.width);
}
