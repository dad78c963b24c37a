import { withUtm } from "@/lib/links/destination";
import type { RedirectLink } from "./link-record";

export type Device = "mobile" | "tablet" | "desktop" | "other";

export interface VisitContext {
  now: number;
  os: string | null;
  device: Device;
  country: string | null;
  /** The visit's own query string, without Pennant's markers (qr). */
  query: URLSearchParams;
  /** A link-preview fetcher (Facebook, Slack, …) that should see Open Graph tags. */
  previewCrawler: boolean;
  /** The visitor holds a valid password cookie for this link. */
  unlocked: boolean;
}

export type Decision =
  | { kind: "not_found" }
  | { kind: "expired"; location: string | null }
  | { kind: "password" }
  | { kind: "preview"; location: string }
  | { kind: "redirect"; status: 301 | 302 | 307 | 308; location: string };

/** The incoming query merged into the destination; the visit's values win. */
export function forwardQuery(destination: string, query: URLSearchParams): string {
  if (query.size === 0) return destination;
  const url = new URL(destination);
  for (const key of new Set(query.keys())) {
    url.searchParams.delete(key);
    for (const value of query.getAll(key)) url.searchParams.append(key, value);
  }
  return url.href;
}

// The default destination with UTM merged, per cached link record (most visits end there).
const defaultTargets = new WeakMap<RedirectLink, string>();

/** Device and country targets first, then the default destination, with UTM merged in. */
export function targetUrl(link: RedirectLink, ctx: Pick<VisitContext, "os" | "country">): string {
  const os = ctx.os?.toLowerCase() ?? "";
  if (link.iosUrl && (os === "ios" || os === "ipados")) return withUtm(link.iosUrl, link.utm);
  if (link.androidUrl && os === "android") return withUtm(link.androidUrl, link.utm);
  if (ctx.country && link.geo?.[ctx.country]) return withUtm(link.geo[ctx.country]!, link.utm);
  let target = defaultTargets.get(link);
  if (target === undefined) {
    target = withUtm(link.url, link.utm);
    defaultTargets.set(link, target);
  }
  return target;
}

/**
 * Pure: what a visit to a link gets. Expiry by click count is decided by the
 * caller (it needs the database); here only the date counts.
 */
export function decide(link: RedirectLink | null, ctx: VisitContext): Decision {
  if (!link || link.disabled) return { kind: "not_found" };
  if (link.expiresAt !== null && link.expiresAt <= ctx.now) return { kind: "expired", location: link.expiredUrl };
  const location = link.forwardQuery ? forwardQuery(targetUrl(link, ctx), ctx.query) : targetUrl(link, ctx);
  if (link.passwordHash && !ctx.unlocked) return { kind: "password" };
  if (ctx.previewCrawler && (link.og.title || link.og.description || link.og.image)) return { kind: "preview", location };
  return { kind: "redirect", status: link.redirectType, location };
}
