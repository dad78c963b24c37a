// Destinations and UTM values without zod: the link form's live preview runs
// this in the browser. The zod schema built on it lives in ./destination.

export const MAX_URL_LENGTH = 2048;

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
