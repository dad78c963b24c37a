/**
 * Where to send someone after signing in: only to a path on our own origin.
 * Anything else (another host, `//evil.example`, `javascript:`) becomes the dashboard.
 */
export function safeCallbackUrl(raw: string | null | undefined, appUrl: string, opts: { absolute?: boolean } = {}): string {
  const origin = new URL(appUrl).origin;
  const fallback = "/dashboard";
  let path = fallback;
  if (raw) {
    try {
      const url = new URL(raw, origin);
      const sameOrigin = url.origin === origin && (url.protocol === "http:" || url.protocol === "https:");
      if (sameOrigin && !raw.startsWith("//") && !raw.startsWith("/\\")) path = `${url.pathname}${url.search}${url.hash}`;
    } catch {
      path = fallback;
    }
  }
  return opts.absolute ? `${origin}${path}` : path;
}
