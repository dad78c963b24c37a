import "server-only";
import { z } from "zod";
import type { WorkspaceAccess } from "@/lib/auth/access";
import { db } from "@/lib/db/client";
import { createLink } from "@/lib/links/create-link";
import { destinationSchema } from "@/lib/links/destination";
import { DEFAULT_QR_DESIGN } from "./design";
import { findQrLink } from "./link-qr";

export const createQrCodeSchema = z.union([z.object({ url: destinationSchema }), z.object({ linkId: z.string().min(1).max(40) })]);
export type CreateQrCodeInput = z.input<typeof createQrCodeSchema>;

/**
 * A QR code straight from the QR codes section: for a pasted URL (a new short
 * link is made for it, since every code encodes a short link) or for an
 * existing link. The code starts with the default design, which the guard
 * always accepts; a link that has a design keeps it. Answers the link's id.
 */
export async function createQrCode(access: WorkspaceAccess, input: CreateQrCodeInput): Promise<{ linkId: string }> {
  const parsed = createQrCodeSchema.parse(input);
  const workspaceId = access.workspace.id;
  const linkId = "url" in parsed ? (await createLink(access, { url: parsed.url })).id : parsed.linkId;
  await db().$transaction(async (tx) => {
    const link = await findQrLink(tx, workspaceId, linkId);
    await tx.qrDesign.upsert({ where: { linkId: link.id }, create: { workspaceId, linkId: link.id, options: DEFAULT_QR_DESIGN }, update: {} });
  });
  return { linkId };
}
