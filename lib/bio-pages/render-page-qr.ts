import "server-only";
import type { WorkspaceAccess } from "@/lib/auth/access";
import { db } from "@/lib/db/client";
import { DEFAULT_QR_DESIGN, qrDesignSchema, qrTarget } from "@/lib/qr/design-schema";
import { workspaceLogo } from "@/lib/qr/link-qr";
import { pngDataUri } from "@/lib/qr/logo";
import type { QrImage } from "@/lib/qr/render-link-qr";
import { renderQrPng } from "@/lib/qr/render-png";
import { renderQrSvg } from "@/lib/qr/render-svg";
import { qrImageQuerySchema } from "@/lib/qr/schemas";
import { assertScannable, storedDesign } from "@/lib/qr/stored-design";
import { findBioPageRow } from "./get-bio-page";
import { publicUrlOf } from "./present-bio-page";

/**
 * The page's QR code, drawn by the QR designer's renderer: `/@handle?qr=1`,
 * so scans count as views with trigger `qr`. Its saved design (QrDesign with
 * bioPageId) or the default, with the same query options as a link's code;
 * the logo is the workspace's (`logo=workspace`) or none.
 */
export async function renderBioPageQr(access: WorkspaceAccess, pageId: string, query: URLSearchParams): Promise<QrImage> {
  const params = qrImageQuerySchema.parse(Object.fromEntries([...query].filter(([k]) => k in qrImageQuerySchema.shape)));
  const workspaceId = access.workspace.id;
  const page = await findBioPageRow(db(), workspaceId, pageId);
  const saved = await db().qrDesign.findFirst({ where: { bioPageId: pageId, workspaceId }, select: { options: true } });
  const { format, logo: logoParam, ...overrides } = params;
  const wsLogo = logoParam === "workspace" || logoParam === "true" ? await workspaceLogo(db(), workspaceId) : null;
  const design = qrDesignSchema.parse({
    ...(saved ? storedDesign(saved.options) : DEFAULT_QR_DESIGN),
    ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)),
    logo: wsLogo ? "workspace" : "none",
  });
  assertScannable(design, wsLogo !== null);
  const url = publicUrlOf(page.handle);
  const svg = renderQrSvg({ text: qrTarget(url), design, logoDataUri: wsLogo ? pngDataUri(wsLogo) : null, title: `QR code for ${url}` });
  const base = `qr-bio-${page.handle}`.replace(/[^A-Za-z0-9._-]+/g, "-");
  if (format === "svg") return { body: svg, contentType: "image/svg+xml", filename: `${base}.svg` };
  return { body: await renderQrPng(svg, design.size), contentType: "image/png", filename: `${base}.png` };
}
