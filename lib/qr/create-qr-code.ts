import "server-only";
import { z } from "zod";
import type { WorkspaceAccess } from "@/lib/auth/access";
import { db } from "@/lib/db/client";
import { createLink } from "@/lib/links/create-link";
import { DEFAULT_QR_DESIGN } from "./design-schema";
import { findQrLink } from "./link-qr";

/** A pasted URL (checked as a link's destination, errors on "url") or an existing link's id. */
export const createQrCodeSchema = z.object({ url: z.string().max(4096).optional(), linkId: z.string().min(1).max(40).optional() });
export type CreateQrCodeInput = { url: string } | { linkId: string };

/**
 * A QR code straight from the QR codes section: for a pasted URL (a new short
 * link is made for it, since every code encodes a short link) or for an
 * existing link. The code starts with the default design, which the guard
 * always accepts; a link that has a design keeps it. Answers the link's id.
 */
export async function createQrCode(access: WorkspaceAccess, input: CreateQrCodeInput): Promise<{ linkId: string }> {
  const parsed = createQrCodeSchema.parse(input);
  const workspaceId = access.workspace.id;
  const linkId = parsed.linkId ?? (await createLink(access, { url: parsed.url ?? "" })).id;
  await db().$transaction(async (tx) => {
    const link = await findQrLink(tx, workspaceId, linkId);
    await tx.qrDesign.upsert({ where: { linkId: link.id }, create: { workspaceId, linkId: link.id, options: DEFAULT_QR_DESIGN }, update: {} });
  });
  return { linkId };
}
