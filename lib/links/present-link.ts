import type { Link } from "@/generated/sqlite/client";
import { UTM_KEYS, withUtm } from "./destination";
import { utmOf } from "./link-fields";
import type { LinkOutput } from "./schemas";
import { hostOf, shortUrlOf } from "./domains";

/** A link as Prisma reads it with `linkInclude`: every column (see link-fields.ts) and its tag names. */
export type LinkRow = Link & { tags: { tag: { name: string } }[] };

export const linkInclude = { tags: { select: { tag: { select: { name: true } } } } } as const;

/** The one shape links leave lib/ in (UI and API alike); never the password. */
export function presentLink(row: LinkRow): LinkOutput {
  const utm = utmOf(row);
  return {
    id: row.id,
    domain: hostOf(row.domain),
    slug: row.slug,
    shortUrl: shortUrlOf(row.domain, row.slug),
    url: row.url,
    finalUrl: withUtm(row.url, utm),
    title: row.title,
    description: row.description,
    tags: row.tags.map((t) => t.tag.name).sort(),
    campaignId: row.campaignId,
    channelId: row.channelId,
    utm: Object.fromEntries(UTM_KEYS.map((k) => [k, utm[k]])) as LinkOutput["utm"],
    expiresAt: row.expiresAt?.toISOString() ?? null,
    expiredUrl: row.expiredUrl,
    maxClicks: row.maxClicks,
    hasPassword: Boolean(row.passwordHash),
    disabled: row.disabled,
    archived: row.archived,
    redirectType: row.redirectType,
    forwardQuery: row.forwardQuery,
    ios: row.iosUrl,
    android: row.androidUrl,
    geo: (row.geo as Record<string, string> | null) ?? null,
    og: { title: row.ogTitle, description: row.ogDescription, image: row.ogImage },
    notes: row.notes,
    clicks: row.clicks,
    createdById: row.createdById,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
