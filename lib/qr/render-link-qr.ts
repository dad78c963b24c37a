import "server-only";
import type { WorkspaceAccess } from "@/lib/auth/access";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { hostOf, shortUrlOf } from "@/lib/links/domains";
import { DEFAULT_QR_DESIGN, qrDesignSchema, qrTarget, type QrDesign } from "./design-schema";
import { findQrLink, workspaceLogo } from "./link-qr";
import { pngDataUri } from "./logo";
import { renderQrPng } from "./render-png";
import { renderQrSvg } from "./render-svg";
import { qrImageQuerySchema } from "./schemas";
import { assertScannable, chosenLogo, storedDesign } from "./stored-design";

export interface QrImage {
  body: Buffer | string;
  contentType: "image/png" | "image/svg+xml";
  filename: string;
}

/** Which logo `logo=true` draws: the saved choice, else the link's own, else the workspace's. */
function logoFor(saved: QrDesign["logo"], wanted: string | undefined, own: Uint8Array | null, ws: Uint8Array | null): QrDesign["logo"] {
  if (wanted === "false") return "none";
  if (wanted === "own" || wanted === "workspace") {
    if ((wanted === "own" ? own : ws) === null) {
      throw new AppError("unprocessable", wanted === "own" ? "This link has no logo of its own yet: upload one in the QR designer." : "The workspace has no logo yet: set one in the QR designer.", {
        fields: { logo: "No logo uploaded." },
      });
    }
    return wanted;
  }
  if (wanted !== "true") return saved;
  if (saved !== "none") return saved;
  if (own) return "own";
  if (ws) return "workspace";
  throw new AppError("unprocessable", "This link has no logo to draw: upload one in the QR designer, or set the workspace's logo.", {
    fields: { logo: "No logo uploaded." },
  });
}

/**
 * The link's QR code as an image: its saved design (or the default) with the
 * query's options on top. Options that are invalid, or that would make the
 * code unreadable (white on white, say), answer 422 with the reason.
 */
export async function renderLinkQr(access: WorkspaceAccess, linkId: string, query: URLSearchParams): Promise<QrImage> {
  const params = qrImageQuerySchema.parse(Object.fromEntries([...query].filter(([k]) => k in qrImageQuerySchema.shape)));
  const workspaceId = access.workspace.id;
  const link = await findQrLink(db(), workspaceId, linkId);
  const own = link.qrDesign?.logo ?? null;
  const ws = await workspaceLogo(db(), workspaceId);
  const saved = link.qrDesign ? storedDesign(link.qrDesign.options) : DEFAULT_QR_DESIGN;

  const { format, logo: logoParam, ...overrides } = params;
  const merged = { ...saved, ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)), logo: logoFor(saved.logo, logoParam, own, ws) };
  const design = qrDesignSchema.parse(merged);
  const logo = chosenLogo(design, own, ws);
  assertScannable(design, logo !== null);

  const shortUrl = shortUrlOf(link.domain, link.slug);
  const svg = renderQrSvg({ text: qrTarget(shortUrl), design, logoDataUri: logo ? pngDataUri(logo) : null, title: `QR code for ${shortUrl}` });
  const base = `qr-${hostOf(link.domain)}-${link.slug}`.replace(/[^A-Za-z0-9._-]+/g, "-");
  if (format === "svg") return { body: svg, contentType: "image/svg+xml", filename: `${base}.svg` };
  return { body: await renderQrPng(svg, design.size), contentType: "image/png", filename: `${base}.png` };
}
