import type { ServerResponse } from "node:http";

export const NO_STORE = "private, no-store, max-age=0";
export const CACHE_PERMANENT = "public, max-age=86400";
export const HTML = { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } as const;

/**
 * The redirect's own pages carry the same browser defences as the app's
 * (lib/http/security-headers.ts): no scripts at all, so no nonce is needed.
 * form-action allows any web address: the password form's answer is a 303 to
 * the link's destination, and browsers hold redirects after a submit to
 * form-action too ('self' alone kept visitors on the form with the right password).
 */
const PAGE_HEADERS = {
  "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self' https: http:; frame-ancestors 'none'; base-uri 'none'",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
};

/** A page (or an answer without a redirect), with its headers; HEAD gets the headers only. */
export function send(res: ServerResponse, status: number, headers: Record<string, string>, body?: string, head = false) {
  res.writeHead(status, {
    "X-Robots-Tag": "noindex",
    ...PAGE_HEADERS,
    ...headers,
    ...(body !== undefined ? { "Content-Length": String(Buffer.byteLength(body)) } : {}),
  });
  res.end(head ? undefined : body);
}

/** The common case, kept lean: a redirect with no body. */
export function sendRedirect(res: ServerResponse, status: number, location: string, cacheControl: string) {
  res.writeHead(status, ["Location", location, "Cache-Control", cacheControl, "X-Robots-Tag", "noindex", "Content-Length", "0"]);
  res.end();
}
