// Destinations and UTM values without zod: the link form's live preview runs
// this in the browser. The zod schema built on it lives in ./destination.

export const MAX_URL_LENGTH = 2048;

const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1?\]|0\.0\.0\.0|0)$/;

/**
 * The rule against redirect loops: no destination on Pennant's own host, in
 * any spelling (any port; for an app on this machine, localhost, 127.x.x.x,
 * [::1]). Read on the server only (the browser does not know APP_URL);
 * every write parses again there. Links on a branded domain are kept off that
 * domain by `assertNotSelfLink`, domain settings off their own host.
 */
function isOwnHost(hostname: string): boolean {
  if (typeof window !== "undefined") return false;
  let app: string;
  try {
    app = new URL(process.env.APP_URL || "http://localhost:3000").hostname.toLowerCase();
  } catch {
    return false;
  }
  const host = hostname.toLowerCase().replace(/\.$/, "");
  if (host === app) return true;
  return LOOPBACK.test(app) && LOOPBACK.test(host);
}

/**
 * Parses a destination the way browsers will: the WHATWG parser folds case,
 * strips tabs, newlines and leading control characters, so `JaVa\tScRiPt:`
 * and friends reach the protocol check as `javascript:` and are refused.
 */
export function parseDestination(raw: string): URL | { error: string } {
  const value = raw.trim();
  if (!value) return { error: "Enter the destination URL." };
  if (value.length > MAX_URL_LENGTH) return { error: `Use at most ${MAX_URL_LENGTH} characters for the destination.` };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    // A bare host ("example.com/page") gets https://, as people type it.
    if (/^[a-z0-9-]+(\.[a-z0-9-]+)+(?::\d+)?(?:[/?#]|$)/i.test(value)) return parseDestination(`https://${value}`);
    return { error: "Enter a full web address, like https://example.com/page." };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return { error: "Only web addresses (http:// or https://) can be destinations." };
  }
  if (!url.hostname) return { error: "The destination needs a host, like example.com." };
  if (url.username || url.password) {
    return { error: "Remove the user name and password (user:pass@) from the address: that form is used to disguise where a link goes." };
  }
  if (isOwnHost(url.hostname)) {
    return { error: "Destinations cannot be on Pennant's own domain: a short link there would lead back into Pennant (a redirect loop)." };
  }
  if (url.href.length > MAX_URL_LENGTH) return { error: `Use at most ${MAX_URL_LENGTH} characters for the destination.` };
  return url;
}

export const UTM_KEYS = ["source", "medium", "campaign", "term", "content"] as const;
export type UtmKey = (typeof UTM_KEYS)[number];
export type Utm = Partial<Record<UtmKey, string | null>>;

/** The destination with the link's UTM values merged in (the link's values win). */
export function withUtm(destination: string, utm: Utm): string {
  const url = new URL(destination);
  for (const key of UTM_KEYS) {
    const value = utm[key];
    if (value) url.searchParams.set(`utm_${key}`, value);
  }
  return url.href;
}
