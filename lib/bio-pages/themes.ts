import { z } from "zod";

/** Fonts shipped with the app (Inter from @fontsource-variable) or the visitor's own system faces. */
export const BIO_FONTS = {
  inter: { label: "Inter", stack: "'Inter Variable', system-ui, sans-serif" },
  system: { label: "System", stack: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" },
  serif: { label: "Serif", stack: "Georgia, 'Times New Roman', serif" },
  mono: { label: "Monospace", stack: "ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace" },
} as const;
export type BioFont = keyof typeof BIO_FONTS;

const hex = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^#[0-9a-f]{6}$/, "Use a colour like #1a2b3c.");

/** Every value ends up in CSS: only hex colours, numbers and names from fixed lists get through. */
export const themeSchema = z.strictObject({
  preset: z.string().trim().max(30).regex(/^[a-z0-9-]*$/, "Unknown theme.").default("paper"),
  background: z.discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("color"), color: hex }),
    z.strictObject({ kind: z.literal("gradient"), color: hex, to: hex, angle: z.number().int().min(0).max(360).default(180) }),
    // `color` is drawn over the image at 85%: the text is read against it.
    z.strictObject({ kind: z.literal("image"), color: hex, imageId: z.string().regex(/^[a-f0-9]{64}$/, "Upload the background image again.") }),
  ]),
  text: hex,
  buttonColor: hex,
  buttonText: hex,
  buttonStyle: z.enum(["fill", "outline", "shadow"]),
  radius: z.number().int().min(0).max(32),
  font: z.enum(Object.keys(BIO_FONTS) as [BioFont, ...BioFont[]]),
});
export type BioTheme = z.output<typeof themeSchema>;

type Preset = { label: string; dark: boolean } & Omit<BioTheme, "preset">;

/** The curated gallery; each pair meets WCAG AA (checked by themes.test.ts). */
export const THEME_PRESETS: Record<string, Preset> = {
  paper: { label: "Paper", dark: false, background: { kind: "color", color: "#f7f5f0" }, text: "#1c1917", buttonColor: "#1c1917", buttonText: "#ffffff", buttonStyle: "fill", radius: 12, font: "inter" },
  midnight: { label: "Midnight", dark: true, background: { kind: "color", color: "#0f172a" }, text: "#f1f5f9", buttonColor: "#38bdf8", buttonText: "#0f172a", buttonStyle: "fill", radius: 12, font: "inter" },
  sunset: { label: "Sunset", dark: false, background: { kind: "gradient", color: "#fde68a", to: "#fbcfe8", angle: 160 }, text: "#3b0764", buttonColor: "#7e22ce", buttonText: "#ffffff", buttonStyle: "shadow", radius: 24, font: "inter" },
  forest: { label: "Forest", dark: true, background: { kind: "gradient", color: "#052e16", to: "#14532d", angle: 180 }, text: "#ecfdf5", buttonColor: "#ecfdf5", buttonText: "#052e16", buttonStyle: "outline", radius: 8, font: "serif" },
  ocean: { label: "Ocean", dark: false, background: { kind: "color", color: "#e0f2fe" }, text: "#0c4a6e", buttonColor: "#0369a1", buttonText: "#ffffff", buttonStyle: "fill", radius: 32, font: "system" },
  mono: { label: "Mono", dark: false, background: { kind: "color", color: "#ffffff" }, text: "#111111", buttonColor: "#111111", buttonText: "#111111", buttonStyle: "outline", radius: 0, font: "mono" },
  neon: { label: "Neon", dark: true, background: { kind: "color", color: "#18181b" }, text: "#fafafa", buttonColor: "#a3e635", buttonText: "#18181b", buttonStyle: "shadow", radius: 16, font: "mono" },
  blush: { label: "Blush", dark: false, background: { kind: "gradient", color: "#fff1f2", to: "#ffe4e6", angle: 180 }, text: "#881337", buttonColor: "#be123c", buttonText: "#ffffff", buttonStyle: "fill", radius: 20, font: "serif" },
  graphite: { label: "Graphite", dark: true, background: { kind: "gradient", color: "#27272a", to: "#09090b", angle: 200 }, text: "#f4f4f5", buttonColor: "#3f3f46", buttonText: "#fafafa", buttonStyle: "fill", radius: 10, font: "system" },
};

export function presetTheme(name: string): BioTheme {
  const p = THEME_PRESETS[name] ?? THEME_PRESETS.paper!;
  const { label: _l, dark: _d, ...theme } = p;
  return { preset: THEME_PRESETS[name] ? name : "paper", ...structuredClone(theme) };
}

function luminance(color: string): number {
  const n = parseInt(color.slice(1), 16);
  const ch = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * ch[0]! + 0.7152 * ch[1]! + 0.0722 * ch[2]!;
}

/** WCAG 2.x contrast ratio of two #rrggbb colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}

const AA = 4.5;

/**
 * The colour pairs of a theme that fail WCAG AA (4.5:1), by field, in words
 * shown next to the field. Text is read against each background colour (both
 * ends of a gradient); a button's label against its fill, or, outlined,
 * against the page.
 */
export function themeContrastErrors(theme: BioTheme): Record<string, string> {
  const errors: Record<string, string> = {};
  const backs = theme.background.kind === "gradient" ? [theme.background.color, theme.background.to] : [theme.background.color];
  const worst = (fg: string) => Math.min(...backs.map((b) => contrastRatio(fg, b)));
  const say = (r: number) => `Contrast ${r.toFixed(1)}:1 is below the 4.5:1 that WCAG AA asks for.`;
  const text = worst(theme.text);
  if (text < AA) errors["theme.text"] = say(text);
  if (theme.buttonStyle === "outline") {
    const r = worst(theme.buttonColor);
    if (r < AA) errors["theme.buttonColor"] = say(r);
  } else {
    const r = contrastRatio(theme.buttonText, theme.buttonColor);
    if (r < AA) errors["theme.buttonText"] = say(r);
  }
  return errors;
}
