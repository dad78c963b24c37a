import { CTA_GLYPHS } from "./cta-glyphs";
import type { QrDesign } from "./design-schema";
import { QR_LEVELS, QR_MAX_LOGO_SIZE, type QrLevel } from "./design-limits";

/**
 * The scannability guard: what the designer shows beside the preview and what
 * the server enforces before saving or rendering. Errors refuse the design;
 * warnings are shown but allowed.
 */
export interface QrIssue {
  code: string;
  message: string;
}

export interface QrCheck {
  /** The error-correction level the code is drawn with (raised when a logo is drawn). */
  level: QrLevel;
  errors: QrIssue[];
  warnings: QrIssue[];
}

/** Below this contrast the code is refused (white on white, pale grey on white). */
export const QR_MIN_CONTRAST = 2;
/**
 * Phone scanners (ZXing's hybrid binariser, jsQR) treat flat areas as paper
 * unless they are darker than about half the background's brightness: a
 * foreground lighter than this fraction of the background's luma is refused.
 */
export const QR_MAX_LUMA_RATIO = 0.44;
/** Below this contrast the designer warns: dim light, glossy paper and old phones struggle. */
export const QR_SAFE_CONTRAST = 4;
/** A logo wider than this fraction of the code (at level H) is refused. */
export const QR_LOGO_LIMIT = QR_MAX_LOGO_SIZE;
/** From this logo size on the designer warns that it is near the limit. */
export const QR_LOGO_WARN = 0.26;
/** A logo above this size needs level H; smaller ones at least Q. */
export const QR_LOGO_NEEDS_H = 0.2;
/** Without a frame, a quiet zone narrower than this (in modules) is refused; a frame keeps one module inside it. */
export const QR_MIN_MARGIN = 1;
/** A quiet zone narrower than this (in modules) is warned about. */
export const QR_SAFE_MARGIN = 2;

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of `#rrggbb`; "transparent" counts as white paper. */
export function relativeLuminance(hex: string): number {
  if (hex === "transparent") return 1;
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return 1;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h ?? "ff", 16));
  return 0.2126 * channel(r ?? 255) + 0.7152 * channel(g ?? 255) + 0.0722 * channel(b ?? 255);
}

/** Brightness as scanners binarise it: Rec. 709 weights on the gamma-encoded sRGB values, 0 to 255. */
export function scannerLuma(hex: string): number {
  if (hex === "transparent") return 255;
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return 255;
  return 0.2126 * parseInt(m[1] ?? "ff", 16) + 0.7152 * parseInt(m[2] ?? "ff", 16) + 0.0722 * parseInt(m[3] ?? "ff", 16);
}

/** WCAG contrast ratio (1 to 21) between two colours, order-independent. */
export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

function maxLevel(a: QrLevel, b: QrLevel): QrLevel {
  return QR_LEVELS.indexOf(a) >= QR_LEVELS.indexOf(b) ? a : b;
}

/** The level a code is drawn with: the one asked for, raised to Q (H for larger logos) when a logo covers modules. */
export function effectiveLevel(design: Pick<QrDesign, "level" | "logoSize">, hasLogo: boolean): QrLevel {
  if (!hasLogo) return design.level;
  return maxLevel(design.level, design.logoSize > QR_LOGO_NEEDS_H ? "H" : "Q");
}

/** Characters of `text` that the frame cannot draw. */
export function unsupportedCtaChars(text: string): string[] {
  return [...new Set([...text].filter((ch) => !(ch in CTA_GLYPHS)))];
}

export function checkQrDesign(design: QrDesign, opts: { hasLogo: boolean }): QrCheck {
  const errors: QrIssue[] = [];
  const warnings: QrIssue[] = [];
  const paper = design.bg === "transparent" ? "#ffffff" : design.bg;
  const ratio = contrastRatio(design.fg, paper);
  const shown = `${ratio.toFixed(1)}:1`;

  if (relativeLuminance(design.fg) > relativeLuminance(paper) && ratio >= QR_MIN_CONTRAST) {
    errors.push({
      code: "inverted",
      message: "The foreground is lighter than the background. Many scanners only read dark modules on a light background: swap the colours.",
    });
  } else if (ratio < QR_MIN_CONTRAST) {
    errors.push({
      code: "contrast_too_low",
      message: `The colours are too close (contrast ${shown}; at least ${QR_MIN_CONTRAST}:1 is needed). Darken the foreground or lighten the background.`,
    });
  } else if (scannerLuma(design.fg) > QR_MAX_LUMA_RATIO * scannerLuma(paper)) {
    errors.push({
      code: "contrast_too_low",
      message: `The foreground is too light to scan (contrast ${shown}): scanners read modules lighter than about half the background's brightness as paper. Darken the foreground.`,
    });
  } else if (ratio < QR_SAFE_CONTRAST) {
    warnings.push({
      code: "contrast_low",
      message: `Low contrast (${shown}). Below ${QR_SAFE_CONTRAST}:1 some phones fail in dim light: a darker foreground scans more reliably.`,
    });
  }

  if (design.bg === "transparent") {
    warnings.push({
      code: "transparent_background",
      message: "Transparent background: print it only on a light, plain surface, or the code will not scan.",
    });
  }

  if (opts.hasLogo) {
    if (design.logoSize > QR_LOGO_LIMIT) {
      errors.push({
        code: "logo_too_big",
        message: `The logo covers too much of the code (${Math.round(design.logoSize * 100)}% of its width; at most ${Math.round(QR_LOGO_LIMIT * 100)}%). Make it smaller.`,
      });
    } else if (design.logoSize >= QR_LOGO_WARN) {
      warnings.push({
        code: "logo_large",
        message: `The logo is near the limit (${Math.round(design.logoSize * 100)}% of the code's width). Test-scan the printed code, or make the logo smaller.`,
      });
    }
  }

  if (design.margin < QR_MIN_MARGIN && design.frame === "none") {
    errors.push({
      code: "margin_missing",
      message: `A code needs a quiet zone: keep at least ${QR_MIN_MARGIN} module of background around it (4 is the standard), or the scanner cannot find its edges.`,
    });
  } else if (design.margin < QR_SAFE_MARGIN) {
    warnings.push({
      code: "margin_small",
      message: `A quiet zone of ${design.margin} module${design.margin === 1 ? "" : "s"} is narrow: keep at least ${QR_SAFE_MARGIN} (4 is the standard) so that scanners find the code.`,
    });
  }

  if (design.frame !== "none") {
    const bad = unsupportedCtaChars(design.cta);
    if (bad.length > 0) {
      errors.push({
        code: "cta_unsupported",
        message: `The call to action cannot draw ${bad.map((c) => `“${c}”`).join(", ")}. Use Latin letters, digits and common punctuation.`,
      });
    }
  }

  return { level: effectiveLevel(design, opts.hasLogo), errors, warnings };
}
