import type { IncomingMessage, ServerResponse } from "node:http";
import { DEFAULT_DOMAIN } from "@/lib/links/default-domain";
import type { ClickRecord } from "@/lib/clicks/click-buffer";
import { decide, type Decision } from "./decide";
import { enforceClickLimit } from "./enforce-click-limit";
import { lookupGeo } from "./geo";
import { getCachedDomain, getCachedLink } from "./redirect-cache";
import type { RedirectLink } from "./link-record";
import type { LinkStore } from "./link-store";
import { expiredPage, notFoundPage, passwordPage, previewPage, unavailablePage } from "./pages";
import { parseVisit, redirectMethod, slugOf, splitTarget, type Visit } from "./parse-visit";
import { isUnlocked } from "./password-cookie";
import { clickOf } from "./record-visit";
import { CACHE_PERMANENT, HTML, NO_STORE, send, sendRedirect } from "./send-answer";
import { unlockWithPassword, type PasswordOutcome } from "./unlock-with-password";


export interface RedirectDeps {
  store: LinkStore;
  /** Takes a click for writing later; returns at once. */
  recordClick: (click: ClickRecord) => void;
  secret: string;
  appUrl: string;
  clientIp: (req: IncomingMessage) => string;
  /** Counts a password attempt; throws (AppError rate_limited) when over the limit. */
  limitPasswordAttempt: (linkId: string, visitor: string) => Promise<void>;
}

/** Seconds a visitor is asked to wait when the database is away. */
const RETRY_AFTER_UNAVAILABLE = "5";

/** A 503 says why in the log, at most every 10 s, so a database outage is visible without flooding. */
let lastUnavailableLog = 0;
function logUnavailable(err: unknown) {
  const now = Date.now();
  if (now - lastUnavailableLog < 10_000) return;
  lastUnavailableLog = now;
  console.warn(`[pennant] redirect: answered 503, ${err instanceof Error ? err.message : String(err)}`);
}

/**
 * The hot path. Answers a short link on any configured domain and returns true,
 * or returns false for paths that are not short links (handed to Next).
 * Steps: read the visit, find the link, check a typed password, decide, hold
 * the click limit, answer, record the click.
 */
export function createRedirectHandler(deps: RedirectDeps) {
  const secure = deps.appUrl.startsWith("https:");
  const home = deps.appUrl;
  const appHost = new URL(deps.appUrl).host.toLowerCase();
  const html: Record<string, string> = secure ? { ...HTML, "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : HTML;
  const unavailable = (res: ServerResponse, head: boolean) => send(res, 503, { ...html, "Retry-After": RETRY_AFTER_UNAVAILABLE }, unavailablePage(home), head);

  /** A branded domain's bare address goes where its workspace chose; otherwise Next shows Pennant's page. */
  async function rootOfDomain(res: ServerResponse, method: string, host: string): Promise<boolean> {
    if (host === appHost || method === "POST") return false;
    const rootUrl = (await getCachedDomain(host))?.rootUrl;
    if (!rootUrl) return false;
    sendRedirect(res, 302, rootUrl, NO_STORE);
    return true;
  }

  /** Unknown and disabled links answer alike: the domain's own fallback, or the 404 page. */
  async function notFound(res: ServerResponse, visit: Visit) {
    const fallback = visit.host === appHost ? null : (await getCachedDomain(visit.host))?.notFoundUrl;
    if (fallback) sendRedirect(res, 302, fallback, NO_STORE);
    else send(res, 404, html, notFoundPage(home), visit.head);
  }

  function expired(res: ServerResponse, visit: Visit, location: string | null) {
    if (location) send(res, 302, { Location: location, "Cache-Control": "no-store" }, undefined, visit.head);
    else send(res, 410, html, expiredPage(home), visit.head);
  }

  return async function handleRedirect(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const method = redirectMethod(req);
    if (!method) return false;
    const where = splitTarget(req);
    if (where.pathname === "/") return rootOfDomain(res, method, where.host);
    const slug = slugOf(where.pathname);
    if (!slug) return false;

    let link: RedirectLink | null;
    try {
      // Links on the app's own address are stored under the default domain (they follow APP_URL).
      link = await getCachedLink(where.host === appHost ? DEFAULT_DOMAIN : where.host, slug);
    } catch (err) {
      logUnavailable(err);
      unavailable(res, method === "HEAD");
      return true;
    }
    if (method === "POST" && !link?.passwordHash) {
      if (link) return false;
      send(res, 404, html, notFoundPage(home));
      return true;
    }
    const visit = parseVisit(req, method, where);
    if (!link) {
      await notFound(res, visit);
      return true;
    }

    const ip = deps.clientIp(req);
    const geo = visit.visitor.bot ? { country: null, city: null } : lookupGeo(ip);
    let password: PasswordOutcome | null = null;
    if (method === "POST") {
      password = await unlockWithPassword(req, res, link as RedirectLink & { passwordHash: string }, { ip, secret: deps.secret, secure, now: visit.now, limit: deps.limitPasswordAttempt });
    }
    const unlocked = password?.unlocked ?? isUnlocked(deps.secret, link.id, req.headers.cookie, visit.now);
    let decision: Decision = decide(link, { now: visit.now, os: visit.visitor.os, device: visit.visitor.device, country: geo.country, query: visit.query, previewCrawler: visit.visitor.previewCrawler, unlocked });

    // Past its click limit a link reveals its destination to nobody: bots,
    // HEAD requests and preview crawlers are held to the limit but spend none of it.
    let counted = false;
    if ((decision.kind === "redirect" || decision.kind === "preview") && link.maxClicks != null) {
      const spend = decision.kind === "redirect" && !visit.visitor.bot && !visit.head;
      const outcome = await enforceClickLimit(deps.store, link as RedirectLink & { maxClicks: number }, spend, visit.now);
      if (outcome === "unavailable") {
        unavailable(res, visit.head);
        return true;
      }
      if (outcome === "spent") decision = { kind: "expired", location: link.expiredUrl };
      counted = outcome === "counted";
    }

    switch (decision.kind) {
      case "not_found":
        await notFound(res, visit);
        return true;
      case "expired":
        expired(res, visit, decision.location);
        return true;
      case "password": {
        const failed = password && !password.unlocked ? password : null;
        const headers = failed?.retryAfter ? { ...html, "Retry-After": String(failed.retryAfter) } : html;
        send(res, failed?.status ?? 200, headers, passwordPage(home, where.pathname + where.search, failed?.error), visit.head);
        return true;
      }
      case "preview":
        send(res, 200, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "public, max-age=300" }, previewPage(link.og, `${home.replace(/\/$/, "")}/${slug}`, decision.location), visit.head);
        break;
      case "redirect": {
        const permanent = decision.status === 301 || decision.status === 308;
        sendRedirect(res, method === "POST" ? 303 : decision.status, decision.location, permanent && !link.passwordHash && link.maxClicks == null && link.expiresAt == null ? CACHE_PERMANENT : NO_STORE);
        break;
      }
    }
    deps.recordClick(clickOf(req, visit, link, { ip, secret: deps.secret, geo, preview: decision.kind === "preview", counted, location: decision.location }));
    return true;
  };
}
