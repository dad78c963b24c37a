import "server-only";
import type { WorkspaceAccess } from "@/lib/auth/access";
import { pageQrScans } from "@/lib/analytics/view-days";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { DEFAULT_QR_DESIGN, qrDesignSchema, type QrDesign } from "@/lib/qr/design-schema";
import { workspaceLogo } from "@/lib/qr/link-qr";
import { pngDataUri } from "@/lib/qr/logo";
import { assertScannable, storedDesign } from "@/lib/qr/stored-design";
import { findBioPageRow } from "./get-bio-page";
import { publicUrlOf } from "./present-bio-page";

/**
 * What the QR designer needs for a bio page's code: the page's address (the
 * code encodes it with the QR marker), its saved design or the default, the
 * workspace logo, and its scans (views with trigger `qr`, people only).
 */
export async function getBioPageQr(access: WorkspaceAccess, pageId: string) {
  const workspaceId = access.workspace.id;
  const page = await findBioPageRow(db(), workspaceId, pageId);
  const [saved, wsLogo, scans] = await Promise.all([
    db().qrDesign.findFirst({ where: { bioPageId: page.id, workspaceId }, select: { options: true } }),
    workspaceLogo(db(), workspaceId),
    pageQrScans(workspaceId, page.id),
  ]);
  return {
    page: { id: page.id, handle: page.handle, url: publicUrlOf(page.handle), title: page.title },
    design: saved ? storedDesign(saved.options) : DEFAULT_QR_DESIGN,
    workspaceLogoDataUri: wsLogo ? pngDataUri(wsLogo) : null,
    scans,
  };
}

/**
 * Saves the page's QR design after the schema and the scannability guard
 * accept it (422 otherwise). A page's code draws the workspace logo or none:
 * it has no logo of its own.
 */
export async function saveBioPageQrDesign(access: WorkspaceAccess, pageId: string, input: unknown): Promise<QrDesign> {
  const design = qrDesignSchema.parse(input);
  const workspaceId = access.workspace.id;
  if (design.logo === "own") throw new AppError("unprocessable", "A page's QR code can show the workspace logo or none.", { fields: { logo: "Choose Workspace or None." } });
  return db().$transaction(async (tx) => {
    const page = await findBioPageRow(tx, workspaceId, pageId);
    const wsLogo = design.logo === "workspace" ? await workspaceLogo(tx, workspaceId) : null;
    if (design.logo === "workspace" && !wsLogo) throw new AppError("unprocessable", "The workspace has no logo yet: upload one, or choose None.", { fields: { logo: "No workspace logo yet." } });
    assertScannable(design, wsLogo !== null);
    await tx.qrDesign.upsert({ where: { bioPageId: page.id }, create: { workspaceId, bioPageId: page.id, options: design }, update: { options: design } });
    return design;
  });
}
