/**
 * Where to send someone after signing in: only to a path on our own origin.
 * Anything else (another host, `//evil.example`, `javascript:`) becomes the
 * dashboard. The check is made on the result, not the input: the URL parser
 * collapses dot-segments and strips tabs, so `/.//evil.com` or
 * `/a/..//evil.com` come out as `//evil.com`, which a browser reads as another host.
 */
export function safeCallbackUrl(raw: string | null | undefined, appUrl: string, opts: { absolute?: boolean } = {}): string {
  const origin = new URL(appUrl).origin;
  const fallback = "/dashboard";
  let path = fallback;
  if (raw) {
    try {
      const url = new URL(raw, origin);
      const candidate = `${url.pathname}${url.search}${url.hash}`;
      const sameOrigin = url.origin === origin && (url.protocol === "http:" || url.protocol === "https:");
      // A path the browser reads as a path: one slash, then anything but a slash or backslash.
      const plainPath = /^\/(?![/\\])/.test(candidate) && !/[\u0000-\u001F\u007F]/.test(candidate);
      // Parsed again on its own, the result must still be on our origin.
      if (sameOrigin && plainPath && new URL(candidate, origin).origin === origin) path = candidate;
    } catch {
      path = fallback;
    }
  }
  return opts.absolute ? `${origin}${path}` : path;
}
