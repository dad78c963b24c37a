/**
 * The browser's own defences, one policy for every page Pennant serves
 * through Next (proxy.ts). The redirect's small pages (lib/redirect/send-answer.ts)
 * carry a stricter policy of their own: they run no script at all.
 */
export interface SecurityHeaderOptions {
  nonce: string;
  /** HSTS only when the app is served over https (APP_URL). */
  https: boolean;
  /** Development needs eval for React's debugging tools, and a websocket for hot reload. */
  dev: boolean;
}

/**
 * Scripts only with this request's nonce ('strict-dynamic' lets Next's own
 * chunks load what they load); styles inline (React sets style attributes);
 * images from anywhere over https (QR logos, link previews); no framing.
 */
export function contentSecurityPolicy({ nonce, dev }: SecurityHeaderOptions): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** For API answers (JSON, images): nothing in them may run or be framed. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

export function securityHeaders(opts: SecurityHeaderOptions, api = false): Record<string, string> {
  return {
    "Content-Security-Policy": api ? API_CSP : contentSecurityPolicy(opts),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    ...(opts.https ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}
