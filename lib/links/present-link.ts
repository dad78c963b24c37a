import { UTM_KEYS, withUtm } from "./destination";
import type { LinkOutput } from "./schemas";
import { hostOf, shortUrlOf } from "./domains";

export interface LinkRow {
  id: string;
  domain: string;
  slug: string;
  url: string;
  title: string | null;
  description: string | null;
  campaignId: string | null;
  channelId: string | null;
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
  utmTerm: string | null;
  utmContent: string | null;
  expiresAt: Date | null;
  expiredUrl: string | null;
  maxClicks: number | null;
  passwordHash: string | null;
  disabled: boolean;
  archived: boolean;
  redirectType: number;
  forwardQuery: boolean;
  iosUrl: string | null;
  androidUrl: string | null;
  geo: unknown;
  ogTitle: string | null;
  ogDescription: string | null;
  ogImage: string | null;
  notes: string | null;
  clicks: number;
  createdById: string | null;
  createdAt: Date;
  updatedAt: Date;
  tags: { tag: { name: string } }[];
}

export const linkInclude = { tags: { select: { tag: { select: { name: true } } } } } as const;

export function utmOf(row: Pick<LinkRow, "utmSource" | "utmMedium" | "utmCampaign" | "utmTerm" | "utmContent">) {
  return { source: row.utmSource, medium: row.utmMedium, campaign: row.utmCampaign, term: row.utmTerm, content: row.utmContent };
}

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
