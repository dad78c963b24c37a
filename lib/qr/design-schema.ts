import { z } from "zod";
import { cleanString } from "@/lib/text/clean-text";
import { QR_LEVELS, QR_DOT_STYLES, QR_CORNER_STYLES, QR_LOGO_SOURCES, QR_FRAMES, QR_MIN_SIZE, QR_MAX_SIZE, QR_MAX_MARGIN, QR_MIN_LOGO_SIZE, QR_MAX_LOGO_SIZE, QR_MAX_CTA_LENGTH, qrTarget } from "./design-limits";

export { QR_LEVELS, QR_DOT_STYLES, QR_CORNER_STYLES, QR_LOGO_SOURCES, QR_FRAMES, QR_MIN_SIZE, QR_MAX_SIZE, QR_MAX_MARGIN, QR_MIN_LOGO_SIZE, QR_MAX_LOGO_SIZE, QR_MAX_CTA_LENGTH, qrTarget };

/**
 * A QR code's design: what the designer edits, what is saved with a link or as
 * a workspace preset, and what the API's query options override. Isomorphic:
 * the live preview in the browser imports it too.
 */
const HEX = /^#[0-9a-f]{6}$/;

/** `#rgb`, `#rrggbb`, with or without `#`, any case → `#rrggbb`; anything else is left for the regex to refuse. */
export function normalizeHex(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const v = value.trim().toLowerCase().replace(/^#/, "");
  if (/^[0-9a-f]{3}$/.test(v)) return `#${v[0]}${v[0]}${v[1]}${v[1]}${v[2]}${v[2]}`;
  if (/^[0-9a-f]{6}$/.test(v)) return `#${v}`;
  return value;
}

const hexColor = z.preprocess(normalizeHex, z.string().regex(HEX, "Use a hex colour such as #111827."));
const bgColor = z.preprocess(
  (v) => (typeof v === "string" && v.trim().toLowerCase() === "transparent" ? "transparent" : normalizeHex(v)),
  z.union([z.literal("transparent"), z.string().regex(HEX, "Use a hex colour such as #ffffff, or transparent.")]),
);

export const qrDesignSchema = z.object({
  fg: hexColor.default("#111827"),
  bg: bgColor.default("#ffffff"),
  level: z.enum(QR_LEVELS).default("M"),
  margin: z
    .number()
    .int("Use a whole number of modules for the margin.")
    .min(0, "The margin cannot be negative.")
    .max(QR_MAX_MARGIN, `Use a margin of at most ${QR_MAX_MARGIN} modules.`)
    .default(4),
  size: z
    .number()
    .int("Use a whole number of pixels for the size.")
    .min(QR_MIN_SIZE, `Use a size of at least ${QR_MIN_SIZE} pixels: smaller codes blur when scanned.`)
    .max(QR_MAX_SIZE, `Use a size of at most ${QR_MAX_SIZE} pixels (enough for print: the SVG scales without limit).`)
    .default(1024),
  dots: z.enum(QR_DOT_STYLES).default("square"),
  corners: z.enum(QR_CORNER_STYLES).default("square"),
  logo: z.enum(QR_LOGO_SOURCES).default("none"),
  logoSize: z
    .number()
    .min(QR_MIN_LOGO_SIZE, `Make the logo at least ${QR_MIN_LOGO_SIZE * 100}% of the code's width.`)
    .max(QR_MAX_LOGO_SIZE, `The logo may cover at most ${QR_MAX_LOGO_SIZE * 100}% of the code's width.`)
    .default(0.2),
  frame: z.enum(QR_FRAMES).default("none"),
  cta: cleanString().trim().max(QR_MAX_CTA_LENGTH, `Keep the call to action to ${QR_MAX_CTA_LENGTH} characters.`).default("Scan me"),
});

export type QrDesign = z.infer<typeof qrDesignSchema>;
export type QrDesignInput = z.input<typeof qrDesignSchema>;

export const DEFAULT_QR_DESIGN: QrDesign = qrDesignSchema.parse({});
