import type { Link } from "@/generated/sqlite/client";
import { withUtm } from "./destination";
import { byApiName, groupFields, topLevelFields, utmOf } from "./link-fields";
import type { LinkOutput } from "./schemas";
import { hostOf, shortUrlOf } from "./domains";

/** A link as Prisma reads it with `linkInclude`: every column (see link-fields.ts) and its tag names. */
export type LinkRow = Link & { tags: { tag: { name: string } }[] };

export const linkInclude = { tags: { select: { tag: { select: { name: true } } } } } as const;

/** Answered as stored, under the API's names (`iosUrl` as `ios`); the fields left out here are converted below. */
const AS_STORED = topLevelFields(["domain", "expiresAt", "passwordHash", "geo"]);
const OG = groupFields("og");

/** The one shape links leave lib/ in (UI and API alike); never the password. */
export function presentLink(row: LinkRow): LinkOutput {
  const utm = utmOf(row);
  return {
    id: row.id,
    domain: hostOf(row.domain),
    shortUrl: shortUrlOf(row.domain, row.slug),
    finalUrl: withUtm(row.url, utm),
    ...byApiName(row, AS_STORED),
    tags: row.tags.map((t) => t.tag.name).sort(),
    utm,
    og: byApiName(row, OG),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    hasPassword: Boolean(row.passwordHash),
    geo: (row.geo as Record<string, string> | null) ?? null,
    clicks: row.clicks,
    createdById: row.createdById,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
