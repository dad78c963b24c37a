import "server-only";
import { AppError } from "@/lib/errors";
import { DEFAULT_QR_DESIGN, qrDesignSchema, type QrDesign } from "./design-schema";
import { checkQrDesign, type QrIssue } from "./guard";

/** A design read back from the database: invalid or older fields fall back to their defaults, one by one. */
export function storedDesign(options: unknown): QrDesign {
  const whole = qrDesignSchema.safeParse(options);
  if (whole.success) return whole.data;
  const raw = typeof options === "object" && options !== null ? (options as Record<string, unknown>) : {};
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!(key in DEFAULT_QR_DESIGN)) continue;
    if (qrDesignSchema.safeParse({ [key]: value }).success) kept[key] = value;
  }
  return qrDesignSchema.parse(kept);
}

const FIELD_OF: Record<string, keyof QrDesign> = {
  inverted: "fg",
  contrast_too_low: "fg",
  logo_too_big: "logoSize",
  cta_unsupported: "cta",
  margin_missing: "margin",
};

/** Refuses (422) a design the guard refuses; answers its effective level and warnings otherwise. */
export function assertScannable(design: QrDesign, hasLogo: boolean) {
  const check = checkQrDesign(design, { hasLogo });
  const [first] = check.errors;
  if (first) {
    const fields: Record<string, string> = {};
    for (const e of check.errors) fields[FIELD_OF[e.code] ?? "_"] ??= e.message;
    throw new AppError("unprocessable", `This QR code would not scan reliably: ${first.message}`, { fields, issues: check.errors satisfies QrIssue[] });
  }
  return check;
}

/** The logo a design draws, given what is stored. */
export function chosenLogo(design: QrDesign, own: Uint8Array | null, workspace: Uint8Array | null): Uint8Array | null {
  if (design.logo === "own") return own;
  if (design.logo === "workspace") return workspace;
  return null;
}

export function requireLogoAvailable(design: QrDesign, own: Uint8Array | null, workspace: Uint8Array | null) {
  if (design.logo === "own" && !own) {
    throw new AppError("unprocessable", "This code has no logo of its own yet: upload one first, or choose the workspace logo.", { fields: { logo: "Upload a logo first." } });
  }
  if (design.logo === "workspace" && !workspace) {
    throw new AppError("unprocessable", "The workspace has no default logo yet: upload one first, or upload a logo for this code.", {
      fields: { logo: "The workspace has no logo." },
    });
  }
}
