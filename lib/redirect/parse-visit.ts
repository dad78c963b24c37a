import type { IncomingMessage } from "node:http";
import type { ClickRecord } from "@/lib/clicks/click-buffer";
import { RESERVED_SLUGS } from "@/lib/links/slug";
import { describeVisitor, type Visitor } from "./visitor";

const MARKERS = { qr: "qr", bio: "bio" } as const;
/** `?bio=<pageId>.<blockId>` (or the older `?bio=1`): a bio page's button, and which one. */
const BIO_MARKER = /^(?:1|([a-z0-9]{1,40})\.([a-z0-9]{1,40}))$/;

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

/** What the request says, read once: the path, the host, the visitor and Pennant's markers. */
export interface Visit {
  method: "GET" | "HEAD" | "POST";
  head: boolean;
  host: string;
  pathname: string;
  search: string;
  /** The visit's own query, without Pennant's markers (qr, bio). */
  query: URLSearchParams;
  trigger: ClickRecord["trigger"];
  bioPageId: string | null;
  bioBlockId: string | null;
  userAgent: string | undefined;
  visitor: Visitor;
  now: number;
}

/** The request's method, or null for one the redirect never answers (left to Next). */
export function redirectMethod(req: IncomingMessage): Visit["method"] | null {
  const method = req.method ?? "GET";
  return method === "GET" || method === "HEAD" || method === "POST" ? method : null;
}

export function splitTarget(req: IncomingMessage): { pathname: string; search: string; host: string } {
  const target = req.url ?? "/";
  const q = target.indexOf("?");
  return {
    pathname: q === -1 ? target : target.slice(0, q),
    search: q === -1 ? "" : target.slice(q),
    host: (req.headers.host ?? "").toLowerCase().replace(/\.$/, ""),
  };
}

export function parseVisit(req: IncomingMessage, method: Visit["method"], where: { pathname: string; search: string; host: string }): Visit {
  const userAgent = req.headers["user-agent"];
  const query = new URLSearchParams(where.search);
  let trigger: ClickRecord["trigger"] = "link";
  let bioPageId: string | null = null;
  let bioBlockId: string | null = null;
  if (query.size) {
    const bio = BIO_MARKER.exec(query.get(MARKERS.bio) ?? "");
    const qr = query.get(MARKERS.qr) === "1";
    trigger = qr ? "qr" : bio ? "bio" : "link";
    if (qr) query.delete(MARKERS.qr);
    if (bio) {
      query.delete(MARKERS.bio);
      bioPageId = bio[1] ?? null;
      bioBlockId = bio[2] ?? null;
    }
  }
  return { method, head: method === "HEAD", ...where, query, trigger, bioPageId, bioBlockId, userAgent, visitor: describeVisitor(userAgent), now: Date.now() };
}
