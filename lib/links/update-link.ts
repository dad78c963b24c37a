import "server-only";
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import type { WorkspaceAccess } from "@/lib/auth/access";
import { slugTaken } from "./create-link";
import { resolveLinkDomain } from "./domains";
import { findLinkRow } from "./get-link";
import { toLinkColumns } from "./link-data";
import { checkLinkRefs, setLinkTags } from "./link-refs";
import { linkInclude, presentLink } from "./present-link";
import { updateLinkSchema, type UpdateLinkInput } from "./schemas";
import { assertNotSelfLink } from "./self-link";

/**
 * Changes any subset of a link's fields. The short URL (and every printed QR
 * code) keeps working and leads to the new destination.
 */
export async function updateLink(access: WorkspaceAccess, id: string, input: UpdateLinkInput) {
  const fields = updateLinkSchema.parse(input);
  const workspaceId = access.workspace.id;
  try {
    const row = await db().$transaction(async (tx) => {
      const current = await findLinkRow(tx, workspaceId, id);
      const domain = fields.domain !== undefined ? await resolveLinkDomain(tx, workspaceId, fields.domain) : current.domain;
      const slug = fields.slug ?? current.slug;
      assertNotSelfLink(fields.url ?? current.url, domain, slug);
      await checkLinkRefs(tx, workspaceId, fields);
      const columns = await toLinkColumns(fields);
      await tx.link.update({
        where: { id: current.id },
        data: {
          ...columns,
          domain,
          slug,
          ...(fields.campaignId !== undefined ? { campaignId: fields.campaignId } : {}),
          ...(fields.channelId !== undefined ? { channelId: fields.channelId } : {}),
        } as never,
      });
      if (fields.tags) await setLinkTags(tx, workspaceId, current.id, fields.tags);
      return tx.link.findUniqueOrThrow({ where: { id: current.id }, include: linkInclude });
    });
    return presentLink(row);
  } catch (err) {
    if (isUniqueViolation(err)) throw slugTaken(fields.domain ?? "this domain", fields.slug ?? "");
    throw err;
  }
}
