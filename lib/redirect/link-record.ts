import type { RedirectRow } from "../links/link-fields";

/** What the redirect needs of a link, kept small because thousands sit in memory. */
export interface RedirectLink {
  id: string;
  workspaceId: string;
  domain: string;
  slug: string;
  url: string;
  utm: { source: string | null; medium: string | null; campaign: string | null; term: string | null; content: string | null };
  expiresAt: number | null;
  expiredUrl: string | null;
  maxClicks: number | null;
  passwordHash: string | null;
  disabled: boolean;
  redirectType: 301 | 302 | 307 | 308;
  forwardQuery: boolean;
  iosUrl: string | null;
  androidUrl: string | null;
  geo: Record<string, string> | null;
  og: { title: string | null; description: string | null; image: string | null };
  title: string | null;
}

/** A row of the redirect's columns (REDIRECT_COLUMNS) -> what it keeps in memory. */
export function toRedirectLink(row: RedirectRow): RedirectLink {
  const type = [301, 302, 307, 308].includes(row.redirectType) ? (row.redirectType as RedirectLink["redirectType"]) : 302;
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    domain: row.domain,
    slug: row.slug,
    url: row.url,
    utm: { source: row.utmSource, medium: row.utmMedium, campaign: row.utmCampaign, term: row.utmTerm, content: row.utmContent },
    expiresAt: row.expiresAt ? row.expiresAt.getTime() : null,
    expiredUrl: row.expiredUrl,
    maxClicks: row.maxClicks,
    passwordHash: row.passwordHash,
    disabled: row.disabled,
    redirectType: type,
    forwardQuery: row.forwardQuery,
    iosUrl: row.iosUrl,
    androidUrl: row.androidUrl,
    geo: row.geo && typeof row.geo === "object" ? (row.geo as Record<string, string>) : null,
    og: { title: row.ogTitle, description: row.ogDescription, image: row.ogImage },
    title: row.title,
  };
}
