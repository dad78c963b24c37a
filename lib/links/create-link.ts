import "server-only";
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";
import { invalidateLinks } from "@/lib/redirect/redirect-cache";
import type { WorkspaceAccess } from "@/lib/auth/access";
import { defaultDomain } from "./domains";
import { insertLink } from "./insert-link";
import { linkInclude, presentLink } from "./present-link";
import { createLinkSchema, type CreateLinkInput } from "./schemas";
import { randomSlug } from "./slug";

const RANDOM_SLUG_ATTEMPTS = 5;

export function slugTaken(domain: string, slug: string) {
  return new AppError("conflict", `The short link ${domain}/${slug} already exists. Pick another slug.`, { fields: { slug: "This slug is taken on this domain." } });
}

/**
 * Creates a short link in one transaction: destination validated, campaign
 * UTM defaults inherited, tags created as needed. Without a slug, a random
 * one is drawn (and drawn again on the rare collision).
 */
export async function createLink(access: WorkspaceAccess, input: CreateLinkInput) {
  const fields = createLinkSchema.parse(input);
  for (let attempt = 0; ; attempt++) {
    const slug = fields.slug ?? randomSlug();
    try {
      const row = await db().$transaction(async (tx) => {
        const id = await insertLink(tx, access, fields, slug);
        return tx.link.findUniqueOrThrow({ where: { id }, include: linkInclude });
      });
      await invalidateLinks([row]);
      return presentLink(row);
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      if (fields.slug) throw slugTaken(fields.domain || defaultDomain(), fields.slug);
      if (attempt + 1 >= RANDOM_SLUG_ATTEMPTS) throw new AppError("conflict", "Could not find a free random slug; try again or choose one.");
    }
  }
}
