import "server-only";
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import type { WorkspaceAccess } from "@/lib/auth/access";
import { AppError } from "@/lib/errors";
import { slugTaken } from "./create-link";
import { hostOf, resolveLinkDomain } from "./domains";
import { findLinkRow } from "./get-link";
import { toLinkColumns } from "./link-data";
import { checkLinkRefs, setLinkTags } from "./link-refs";
import { linkInclude, presentLink } from "./present-link";
import { EXPIRY_IN_PAST, updateLinkSchema, type UpdateLinkInput } from "./schemas";
import { assertNoShortLinkDestination, assertNotSelfLink } from "./self-link";
import { invalidateLinks } from "@/lib/redirect/redirect-cache";

/**
 * Changes any subset of a link's fields. The short URL (and every printed QR
 * code) keeps working and leads to the new destination.
 */
export async function updateLink(access: WorkspaceAccess, id: string, input: UpdateLinkInput) {
  const fields = updateLinkSchema.parse(input);
  const workspaceId = access.workspace.id;
  // Before the transaction: hashing a password takes a while (see insert-link.ts).
  const columns = await toLinkColumns(fields);
  try {
    const row = await db().$transaction(async (tx) => {
      const current = await findLinkRow(tx, workspaceId, id);
      const domain = fields.domain !== undefined ? await resolveLinkDomain(tx, workspaceId, fields.domain) : current.domain;
      const slug = fields.slug ?? current.slug;
      assertNotSelfLink(fields.url ?? current.url, hostOf(domain), slug);
      await assertNoShortLinkDestination(tx, fields);
      if (fields.expiresAt && fields.expiresAt.getTime() !== current.expiresAt?.getTime() && fields.expiresAt.getTime() <= Date.now()) {
        throw new AppError("validation_failed", `expiresAt: ${EXPIRY_IN_PAST}`, { fields: { expiresAt: EXPIRY_IN_PAST } });
      }
      await checkLinkRefs(tx, workspaceId, fields);
      await tx.link.update({
        where: { id: current.id },
        data: {
          ...columns,
          domain,
          slug,
          ...(fields.campaignId !== undefined ? { campaignId: fields.campaignId } : {}),
          ...(fields.channelId !== undefined ? { channelId: fields.channelId } : {}),
        },
      });
      if (fields.tags) await setLinkTags(tx, workspaceId, current.id, fields.tags);
      const updated = await tx.link.findUniqueOrThrow({ where: { id: current.id }, include: linkInclude });
      return { updated, previous: { domain: current.domain, slug: current.slug } };
    });
    // The short URL leads to the new destination at once (and the old slug stops, if it changed).
    await invalidateLinks([row.previous, { domain: row.updated.domain, slug: row.updated.slug }]);
    return presentLink(row.updated);
  } catch (err) {
    if (isUniqueViolation(err)) throw slugTaken(fields.domain ?? "this domain", fields.slug ?? "");
    throw err;
  }
}
