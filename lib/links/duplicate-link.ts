import "server-only";
import type { Link } from "@/generated/sqlite/client";
import type { WorkspaceAccess } from "@/lib/auth/access";
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError, notFound } from "@/lib/errors";
import { invalidateLinks } from "@/lib/redirect/redirect-cache";
import { LINK_COLUMNS, type LinkColumn } from "./link-fields";
import { linkInclude, presentLink } from "./present-link";
import { randomSlug } from "./slug";

const RANDOM_SLUG_ATTEMPTS = 5;

/** The columns a person set (LINK_FIELDS), without Pennant's own (identity, counters, dates). */
function pickColumns(row: Link): Pick<Link, LinkColumn> {
  return Object.fromEntries(LINK_COLUMNS.map((c) => [c, row[c]])) as Pick<Link, LinkColumn>;
}

/**
 * A copy of the link under a new random slug, written in one create: every
 * column a person set comes along (password hash included, and any column
 * added later), but not the link's identity, counters or dates.
 */
export async function duplicateLink(access: WorkspaceAccess, id: string) {
  const workspaceId = access.workspace.id;
  for (let attempt = 0; ; attempt++) {
    try {
      const copy = await db().$transaction(async (tx) => {
        const source = await tx.link.findFirst({ where: { id, workspaceId }, include: { tags: { select: { tagId: true } } } });
        if (!source) throw notFound("Link not found");
        const { title, geo, expiresAt, ...columns } = pickColumns(source);
        return tx.link.create({
          data: {
            ...columns,
            workspaceId,
            ...(geo === null ? {} : { geo }),
            slug: randomSlug(),
            title: title ? `${title} (copy)` : null,
            // A copy is a new link: an expiry that has passed is not carried over.
            expiresAt: expiresAt && expiresAt.getTime() > Date.now() ? expiresAt : null,
            createdById: access.userId,
            tags: { create: source.tags.map((t) => ({ tagId: t.tagId })) },
          },
          include: linkInclude,
        });
      });
      // A visit just before may have cached "no such link" for the new slug.
      await invalidateLinks([{ domain: copy.domain, slug: copy.slug }]);
      return presentLink(copy);
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      if (attempt + 1 >= RANDOM_SLUG_ATTEMPTS) throw new AppError("conflict", "Could not find a free random slug; try again.");
    }
  }
}
