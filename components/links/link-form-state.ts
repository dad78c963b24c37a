import { UTM_KEYS, type UtmKey } from "@/lib/links/url";
import type { CreateLinkInput, LinkOutput } from "@/lib/links/schemas";

/** What the form edits: strings as typed, turned into the API's input on save. */
export interface LinkFormState {
  url: string;
  slug: string;
  title: string;
  description: string;
  tags: string;
  campaignId: string;
  utm: Record<UtmKey, string>;
  expiresAt: string;
  expiredUrl: string;
  maxClicks: string;
  password: string;
  removePassword: boolean;
  disabled: boolean;
  archived: boolean;
  redirectType: string;
  forwardQuery: boolean;
  ios: string;
  android: string;
  geo: { key: string; code: string; url: string }[];
  ogTitle: string;
  ogDescription: string;
  ogImage: string;
  notes: string;
}

export function linkFormDefaults(link?: LinkOutput, initialUrl?: string): LinkFormState {
  return {
    url: link?.url ?? initialUrl ?? "",
    slug: link?.slug ?? "",
    title: link?.title ?? "",
    description: link?.description ?? "",
    tags: link?.tags.join(", ") ?? "",
    campaignId: link?.campaignId ?? "",
    utm: Object.fromEntries(UTM_KEYS.map((k) => [k, link?.utm[k] ?? ""])) as Record<UtmKey, string>,
    // The form speaks UTC ("Expires at (UTC)"): same on the server render and in the browser.
    expiresAt: link?.expiresAt ? link.expiresAt.slice(0, 16) : "",
    expiredUrl: link?.expiredUrl ?? "",
    maxClicks: link?.maxClicks != null ? String(link.maxClicks) : "",
    password: "",
    removePassword: false,
    disabled: link?.disabled ?? false,
    archived: link?.archived ?? false,
    redirectType: String(link?.redirectType ?? 302),
    forwardQuery: link?.forwardQuery ?? true,
    ios: link?.ios ?? "",
    android: link?.android ?? "",
    geo: Object.entries(link?.geo ?? {}).map(([code, url], i) => ({ key: `g${i}`, code, url })),
    ogTitle: link?.og.title ?? "",
    ogDescription: link?.og.description ?? "",
    ogImage: link?.og.image ?? "",
    notes: link?.notes ?? "",
  };
}

const orNull = (v: string) => (v.trim() ? v.trim() : null);

/** The create/update input; on edit the slug stays and an untouched password is kept. */
export function toLinkInput(s: LinkFormState, editing: boolean): CreateLinkInput {
  const geo = s.geo.filter((g) => g.code.trim() || g.url.trim());
  const maxClicks = s.maxClicks.trim() ? Number(s.maxClicks) : null;
  return {
    url: s.url,
    ...(editing || !s.slug.trim() ? {} : { slug: s.slug }),
    title: orNull(s.title),
    description: orNull(s.description),
    tags: s.tags
      .split(",")
      .map((t) => t.trim())
      .filter(Boolean),
    campaignId: s.campaignId || null,
    // On create, unset UTM keys are left out so the campaign's defaults apply; on edit, empty clears.
    utm: Object.fromEntries(UTM_KEYS.map((k) => [k, orNull(s.utm[k])]).filter(([, v]) => editing || v)),
    expiresAt: s.expiresAt ? `${s.expiresAt.length === 16 ? `${s.expiresAt}:00` : s.expiresAt}Z` : null,
    expiredUrl: orNull(s.expiredUrl),
    maxClicks: maxClicks,
    ...(s.removePassword ? { password: null } : s.password ? { password: s.password } : {}),
    disabled: s.disabled,
    archived: s.archived,
    redirectType: Number(s.redirectType) as 301 | 302 | 307 | 308,
    forwardQuery: s.forwardQuery,
    ios: orNull(s.ios),
    android: orNull(s.android),
    geo: geo.length ? Object.fromEntries(geo.map((g) => [g.code.trim().toUpperCase(), g.url])) : null,
    og: { title: orNull(s.ogTitle), description: orNull(s.ogDescription), image: orNull(s.ogImage) },
    notes: orNull(s.notes),
  };
}
