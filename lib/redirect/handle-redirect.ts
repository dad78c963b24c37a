import type { IncomingMessage, ServerResponse } from "node:http";
import { clickId } from "@/lib/clicks/click-id";
import { verifyPassword } from "@/lib/auth/password";
import { RESERVED_SLUGS } from "@/lib/links/slug";
import { DEFAULT_DOMAIN } from "@/lib/links/default-domain";
import type { ClickRecord } from "@/lib/clicks/click-buffer";
import { decide, type Decision } from "./decide";
import { lookupGeo } from "./geo";
import { getCachedDomain, getCachedLink } from "./link-cache";
import type { RedirectLink } from "./link-record";
import type { LinkStore } from "./link-store";
import { expiredPage, notFoundPage, passwordPage, previewPage } from "./pages";
import { isUnlocked, unlockCookie } from "./password-cookie";
import { describeVisitor, visitorHash } from "./visitor";

export interface RedirectDeps {
  store: LinkStore;
  /** Takes a click for writing later; returns at once. */
  recordClick: (click: ClickRecord) => void;
  secret: string;
  appUrl: string;
  clientIp: (req: IncomingMessage) => string;
  /** Counts a wrong-password attempt; throws (AppError rate_limited) when over the limit. */
  limitPasswordAttempt: (linkId: string, visitor: string) => Promise<void>;
}

const MARKERS = { qr: "qr", bio: "bio" } as const;
/** `?bio=<pageId>.<blockId>` (or the older `?bio=1`): a bio page's button, and which one. */
const BIO_MARKER = /^(?:1|([a-z0-9]{1,40})\.([a-z0-9]{1,40}))$/;
type UtmParam = "utm_source" | "utm_medium" | "utm_campaign" | "utm_term" | "utm_content";

/** The slug a path names, or null when the path is not a short link (the app's own pages). */
export function slugOf(pathname: string): string | null {
  // One trailing slash is forgiven: "/spring/" as people type or paste it.
  const path = pathname.length > 2 && pathname.endsWith("/") ? pathname.slice(0, -1) : pathname;
  if (path.length < 2 || path.indexOf("/", 1) !== -1) return null;
  let slug: string;
  try {
    slug = decodeURIComponent(path.slice(1)).toLowerCase();
  } catch {
    return null;
  }
  if (slug.startsWith("@") || slug.startsWith("_") || RESERVED_SLUGS.has(slug)) return null;
  return slug;
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body?: string, head = false) {
  res.writeHead(status, { "X-Robots-Tag": "noindex", ...headers, ...(body !== undefined ? { "Content-Length": String(Buffer.byteLength(body)) } : {}) });
  res.end(head ? undefined : body);
}

const NO_STORE = "private, no-store, max-age=0";
const CACHE_PERMANENT = "public, max-age=86400";

/** The common case, kept lean: a redirect with no body. */
function sendRedirect(res: ServerResponse, status: number, location: string, cacheControl: string) {
  res.writeHead(status, ["Location", location, "Cache-Control", cacheControl, "X-Robots-Tag", "noindex", "Content-Length", "0"]);
  res.end();
}

/** One of the visit's own UTM parameters, as stored with its click. */
const visitUtm = (query: URLSearchParams, k: UtmParam) => (query.size ? (query.get(k)?.slice(0, 200) ?? null) : null);

const html = { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" };

async function readForm(req: IncomingMessage, limit = 4096): Promise<URLSearchParams> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) break;
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

/**
 * The hot path. Answers a short link on any configured domain and returns true,
 * or returns false for paths that are not short links (handed to Next).
 */
export function createRedirectHandler(deps: RedirectDeps) {
  const secure = deps.appUrl.startsWith("https:");
  const home = deps.appUrl;
  const appHost = new URL(deps.appUrl).host.toLowerCase();

  /** A branded domain's bare address goes where its workspace chose; otherwise Next shows Pennant's page. */
  async function rootOfDomain(req: IncomingMessage, res: ServerResponse, host: string): Promise<boolean> {
    if (host === appHost || (req.method !== "GET" && req.method !== "HEAD")) return false;
    const rootUrl = (await getCachedDomain(host))?.rootUrl;
    if (!rootUrl) return false;
    sendRedirect(res, 302, rootUrl, NO_STORE);
    return true;
  }

  return async function handleRedirect(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const method = req.method ?? "GET";
    if (method !== "GET" && method !== "HEAD" && method !== "POST") return false;
    const target = req.url ?? "/";
    const q = target.indexOf("?");
    const pathname = q === -1 ? target : target.slice(0, q);
    const search = q === -1 ? "" : target.slice(q);
    const host = (req.headers.host ?? "").toLowerCase().replace(/\.$/, "");
    if (pathname === "/") return rootOfDomain(req, res, host);
    const slug = slugOf(pathname);
    if (!slug) return false;
    const head = method === "HEAD";

    let link: RedirectLink | null;
    try {
      // Links on the app's own address are stored under the default domain (they follow APP_URL).
      link = await getCachedLink(host === appHost ? DEFAULT_DOMAIN : host, slug);
    } catch {
      send(res, 503, { ...html, "Retry-After": "5" }, notFoundPage(home).replace("This link doesn’t exist", "Please try again in a moment"), head);
      return true;
    }
    if (!link && method === "POST") {
      send(res, 404, html, notFoundPage(home));
      return true;
    }

    const ua = req.headers["user-agent"];
    const visitor = describeVisitor(ua);
    const now = Date.now();
    const ip = deps.clientIp(req);
    const geo = visitor.bot ? { country: null, city: null } : lookupGeo(ip);
    const query = new URLSearchParams(search);
    let trigger: ClickRecord["trigger"] = "link";
    let bioPageId: string | null = null;
    let bioBlockId: string | null = null;
    if (query.size) {
      const bio = BIO_MARKER.exec(query.get(MARKERS.bio) ?? "");
      trigger = query.get(MARKERS.qr) === "1" ? "qr" : bio ? "bio" : "link";
      if (query.get(MARKERS.qr) === "1") query.delete(MARKERS.qr);
      if (bio) {
        query.delete(MARKERS.bio);
        bioPageId = bio[1] ?? null;
        bioBlockId = bio[2] ?? null;
      }
    }

    let passwordError: string | undefined;
    let unlocked = link ? isUnlocked(deps.secret, link.id, req.headers.cookie, now) : false;
    if (method === "POST" && link?.passwordHash) {
      const form = await readForm(req);
      try {
        await deps.limitPasswordAttempt(link.id, ip);
        if (await verifyPassword(form.get("password") ?? "", link.passwordHash)) {
          unlocked = true;
          res.setHeader("Set-Cookie", unlockCookie(deps.secret, link.id, now, secure));
        } else passwordError = "That password is not right. Try again.";
      } catch (err) {
        passwordError = (err as Error).message || "Too many attempts. Wait a few minutes.";
      }
    } else if (method === "POST") {
      return false;
    }

    let decision: Decision = decide(link, { now, os: visitor.os, device: visitor.device, country: geo.country, query, previewCrawler: visitor.previewCrawler, unlocked });

    // A click limit is enforced in the database, one click at a time, so
    // concurrent visitors can never exceed it.
    let counted = false;
    if (decision.kind === "redirect" && link?.maxClicks != null && !visitor.bot && !head) {
      try {
        if (!(await deps.store.claimLimitedClick(link.id, link.maxClicks, new Date(now)))) decision = { kind: "expired", location: link.expiredUrl };
        else counted = true;
      } catch {
        // Database away: serve the redirect; the click is counted when it is back.
      }
    }

    switch (decision.kind) {
      case "not_found": {
        // The same answer for unknown and disabled links: the domain's own fallback, or the 404 page.
        const fallback = host === appHost ? null : (await getCachedDomain(host))?.notFoundUrl;
        if (fallback) sendRedirect(res, 302, fallback, NO_STORE);
        else send(res, 404, html, notFoundPage(home), head);
        return true;
      }
      case "expired":
        if (decision.location) send(res, 302, { Location: decision.location, "Cache-Control": "no-store" }, undefined, head);
        else send(res, 410, html, expiredPage(home), head);
        return true;
      case "password":
        send(res, passwordError ? 401 : 200, html, passwordPage(home, pathname + search, passwordError), head);
        return true;
      case "preview":
        send(res, 200, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "public, max-age=300" }, previewPage(link!.og, `${home.replace(/\/$/, "")}/${slug}`, decision.location), head);
        break;
      case "redirect": {
        const permanent = decision.status === 301 || decision.status === 308;
        sendRedirect(res, method === "POST" ? 303 : decision.status, decision.location, permanent && !link!.passwordHash ? CACHE_PERMANENT : NO_STORE);
        break;
      }
    }
    // HEAD requests come from scripts and link checkers: stored, flagged as bots, never counted.
    if (link) {
      const referrer = typeof req.headers.referer === "string" ? req.headers.referer.slice(0, 1000) : null;
      let referrerHost: string | null = null;
      try {
        referrerHost = referrer ? new URL(referrer).host : null;
      } catch {
        referrerHost = null;
      }
      deps.recordClick({
        id: clickId(now),
        createdAt: new Date(now),
        workspaceId: link.workspaceId,
        event: "click",
        linkId: link.id,
        bioPageId,
        bioBlockId,
        domain: host,
        trigger,
        referrerHost,
        referrer,
        utmSource: visitUtm(query, "utm_source"),
        utmMedium: visitUtm(query, "utm_medium"),
        utmCampaign: visitUtm(query, "utm_campaign"),
        utmTerm: visitUtm(query, "utm_term"),
        utmContent: visitUtm(query, "utm_content"),
        country: geo.country,
        city: geo.city,
        device: visitor.device,
        browser: visitor.browser,
        os: visitor.os,
        visitorHash: visitorHash(deps.secret, ip, ua, now),
        bot: visitor.bot || head || decision.kind === "preview",
        counted,
      });
    }
    return true;
  };
}
