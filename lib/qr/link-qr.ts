import "server-only";
import type { WorkspaceAccess } from "@/lib/auth/access";
import { db, type Tx } from "@/lib/db/client";
import { scansByLink } from "@/lib/analytics/click-sql";
import { notFound } from "@/lib/errors";
import { hostOf, shortUrlOf } from "@/lib/links/domains";
import { DEFAULT_QR_DESIGN, qrDesignSchema, type QrDesign } from "./design-schema";
import { pngDataUri, processLogoUpload } from "./logo";
import { assertScannable, chosenLogo, requireLogoAvailable, storedDesign } from "./stored-design";

const linkSelect = { id: true, domain: true, slug: true, title: true, qrDesign: { select: { options: true, logo: true } } } as const;

/** A link of this workspace with its saved design; another workspace's id is "not found", like a missing one. */
export async function findQrLink(tx: Tx, workspaceId: string, linkId: string) {
  const link = await tx.link.findFirst({ where: { id: linkId, workspaceId }, select: linkSelect });
  if (!link) throw notFound("Link not found");
  return link;
}

export async function workspaceLogo(tx: Tx, workspaceId: string): Promise<Uint8Array | null> {
  const ws = await tx.workspace.findUnique({ where: { id: workspaceId }, select: { qrLogo: true } });
  return ws?.qrLogo ?? null;
}

/** QR scans of links: human clicks with trigger "qr", read by the analytics (its hourly rollup). */
export async function qrScansOf(workspaceId: string, linkIds: string[]): Promise<Map<string, number>> {
  return scansByLink(workspaceId, linkIds);
}

/** Everything the designer needs for one link: its short URL, the saved design (or the default), logos and scans. */
export async function getLinkQr(access: WorkspaceAccess, linkId: string) {
  const workspaceId = access.workspace.id;
  const link = await findQrLink(db(), workspaceId, linkId);
  const wsLogo = await workspaceLogo(db(), workspaceId);
  const design = link.qrDesign ? storedDesign(link.qrDesign.options) : DEFAULT_QR_DESIGN;
  const own = link.qrDesign?.logo ?? null;
  const logo = chosenLogo(design, own, wsLogo);
  const scans = (await qrScansOf(workspaceId, [link.id])).get(link.id) ?? 0;
  return {
    link: { id: link.id, shortUrl: shortUrlOf(link.domain, link.slug), title: link.title, slug: link.slug, domain: hostOf(link.domain) },
    design,
    hasOwnLogo: own !== null,
    logoDataUri: logo ? pngDataUri(logo) : null,
    ownLogoDataUri: own ? pngDataUri(own) : null,
    workspaceLogoDataUri: wsLogo ? pngDataUri(wsLogo) : null,
    scans,
  };
}

/**
 * Saves a link's design after the schema and the scannability guard accept
 * it (422 otherwise). Answers the saved design, the level it is drawn with and
 * the guard's warnings.
 */
export async function saveLinkQrDesign(access: WorkspaceAccess, linkId: string, input: unknown) {
  const design: QrDesign = qrDesignSchema.parse(input);
  const workspaceId = access.workspace.id;
  return db().$transaction(async (tx) => {
    const link = await findQrLink(tx, workspaceId, linkId);
    const own = link.qrDesign?.logo ?? null;
    const wsLogo = await workspaceLogo(tx, workspaceId);
    requireLogoAvailable(design, own, wsLogo);
    const check = assertScannable(design, chosenLogo(design, own, wsLogo) !== null);
    await tx.qrDesign.upsert({ where: { linkId: link.id }, create: { workspaceId, linkId: link.id, options: design }, update: { options: design } });
    return { design, level: check.level, warnings: check.warnings };
  });
}

/** Stores a logo for this link's code (re-encoded PNG). The design draws it once its `logo` is "own". */
export async function setLinkQrLogo(access: WorkspaceAccess, linkId: string, bytes: Uint8Array, type?: string) {
  const png = await processLogoUpload(bytes, type);
  const workspaceId = access.workspace.id;
  const logo = new Uint8Array(png);
  await db().$transaction(async (tx) => {
    const link = await findQrLink(tx, workspaceId, linkId);
    await tx.qrDesign.upsert({ where: { linkId: link.id }, create: { workspaceId, linkId: link.id, options: DEFAULT_QR_DESIGN, logo }, update: { logo } });
  });
  return { logoDataUri: pngDataUri(png) };
}

/** Removes the link's own logo; a design that drew it draws no logo from now on. */
export async function removeLinkQrLogo(access: WorkspaceAccess, linkId: string) {
  const workspaceId = access.workspace.id;
  await db().$transaction(async (tx) => {
    const link = await findQrLink(tx, workspaceId, linkId);
    if (!link.qrDesign) return;
    const design = storedDesign(link.qrDesign.options);
    const options = design.logo === "own" ? { ...design, logo: "none" as const } : design;
    await tx.qrDesign.update({ where: { linkId: link.id }, data: { logo: null, options } });
  });
}

/** The workspace's default logo, used by every design whose `logo` is "workspace". */
export async function setWorkspaceQrLogo(access: WorkspaceAccess, bytes: Uint8Array, type?: string) {
  const png = await processLogoUpload(bytes, type);
  await db().workspace.update({ where: { id: access.workspace.id }, data: { qrLogo: new Uint8Array(png) } });
  return { logoDataUri: pngDataUri(png) };
}

export async function removeWorkspaceQrLogo(access: WorkspaceAccess) {
  await db().workspace.update({ where: { id: access.workspace.id }, data: { qrLogo: null } });
}

export async function getWorkspaceQrLogo(access: WorkspaceAccess): Promise<string | null> {
  const logo = await workspaceLogo(db(), access.workspace.id);
  return logo ? pngDataUri(logo) : null;
}
