import "server-only";
import type { z } from "zod";
import type { Tx } from "@/lib/db/client";
import type { WorkspaceAccess } from "@/lib/auth/access";
import { hostOf, resolveLinkDomain } from "./domains";
import { checkLinkRefs, setLinkTags } from "./link-refs";
import { toLinkColumns, toUtmColumns } from "./link-data";
import { UTM_FIELDS, utmOf, type UtmColumn } from "./link-fields";
import type { createLinkSchema } from "./schemas";
import { assertNoShortLinkDestination, assertNotSelfLink } from "./self-link";

export type LinkFields = z.output<typeof createLinkSchema>;

const UTM_SELECT = Object.fromEntries(UTM_FIELDS.map(([column]) => [column, true])) as Record<UtmColumn, true>;

/**
 * The in-transaction part of creating a link (domain resolved, refs checked,
 * campaign UTM defaults inherited, tags created as needed), so that callers
 * can create one link (createLink) or many at once (CSV import) in the
 * transaction they own. Returns the new link's id. After the commit, callers
 * call invalidateLinks for the new short links: a visit just before may have
 * cached "no such link" for the slug.
 */
export async function insertLink(tx: Tx, access: WorkspaceAccess, fields: LinkFields, slug: string): Promise<string> {
  const workspaceId = access.workspace.id;
  // First, before any read: hashing a password takes a while, and on SQLite a
  // transaction that has read cannot write once another process has committed
  // meanwhile (a click batch, say): keep its read-to-write window short.
  const columns = await toLinkColumns(fields);
  const domain = await resolveLinkDomain(tx, workspaceId, fields.domain);
  assertNotSelfLink(fields.url, hostOf(domain), slug);
  await assertNoShortLinkDestination(tx, fields);
  await checkLinkRefs(tx, workspaceId, fields);
  const campaign = fields.campaignId ? await tx.campaign.findUnique({ where: { id: fields.campaignId }, select: UTM_SELECT }) : null;
  const link = await tx.link.create({
    data: {
      // Campaign defaults first; the link's own UTM values win.
      ...(campaign ? toUtmColumns(utmOf(campaign)) : {}),
      ...columns,
      url: fields.url,
      workspaceId,
      domain,
      slug,
      campaignId: fields.campaignId ?? null,
      channelId: fields.channelId ?? null,
      createdById: access.userId,
    },
    select: { id: true },
  });
  if (fields.tags?.length) await setLinkTags(tx, workspaceId, link.id, fields.tags);
  return link.id;
}
