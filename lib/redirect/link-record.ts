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

type Row = {
  id: string; workspaceId: string; domain: string; slug: string; url: string;
  utmSource: string | null; utmMedium: string | null; utmCampaign: string | null; utmTerm: string | null; utmContent: string | null;
  expiresAt: Date | null; expiredUrl: string | null; maxClicks: number | null; passwordHash: string | null; disabled: boolean; archived: boolean;
  redirectType: number; forwardQuery: boolean; iosUrl: string | null; androidUrl: string | null; geo: unknown;
  ogTitle: string | null; ogDescription: string | null; ogImage: string | null; title: string | null;
};

export function toRedirectLink(row: Row): RedirectLink {
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
    // Archived links are kept out of lists, not switched off; disabled ones are off.
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
