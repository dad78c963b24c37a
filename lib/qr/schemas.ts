import { z } from "zod";
import { cleanString } from "@/lib/text/clean-text";
import { QR_CORNER_STYLES, QR_DOT_STYLES, QR_FRAMES, QR_LEVELS } from "./design-schema";

/**
 * Query options of GET /links/{id}/qr: each overrides the saved design.
 * Strings in, checked here; the merged design is validated again by
 * qrDesignSchema and the guard.
 */
export const qrImageQuerySchema = z.object({
  format: z.enum(["png", "svg"]).default("png").describe("`png` (default) or `svg` (vector, logo embedded)."),
  size: z.coerce.number().int().optional().describe("Width in pixels, 128 to 4096 (PNG; the SVG's nominal size)."),
  fg: z.string().optional().describe("Foreground hex colour, e.g. `111827` or `#111827`."),
  bg: z.string().optional().describe("Background hex colour, or `transparent`."),
  level: z.enum(QR_LEVELS).optional().describe("Error correction: `L`, `M`, `Q`, `H` (raised automatically when a logo is drawn)."),
  margin: z.coerce.number().int().optional().describe("Quiet zone in modules, 1 to 16 (4 is the standard); 0 only inside a frame."),
  logo: z
    .enum(["true", "false", "own", "workspace"])
    .optional()
    .describe("`false` draws no logo; `own` the link's own logo; `workspace` the workspace's; `true` the saved choice, else the link's own, else the workspace's."),
  logoSize: z.coerce.number().optional().describe("The logo's width as a fraction of the code's, 0.1 to 0.3."),
  dots: z.enum(QR_DOT_STYLES).optional().describe("Module style."),
  corners: z.enum(QR_CORNER_STYLES).optional().describe("Corner marker style."),
  frame: z.enum(QR_FRAMES).optional().describe("A frame with the call to action under the code."),
  cta: z.string().optional().describe("The frame's call to action, at most 24 characters."),
});

export const qrPresetNameSchema = cleanString().trim().min(1, "Name the preset.").max(40, "Use at most 40 characters for the preset's name.");

export const listQrCodesQuerySchema = z.object({
  cursor: z.string().max(40).optional(),
  q: cleanString().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(24),
});
export type ListQrCodesQuery = z.input<typeof listQrCodesQuerySchema>;
