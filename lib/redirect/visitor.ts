import { createHmac, hash } from "node:crypto";
import { isbot } from "isbot";
import { LRUCache } from "lru-cache";
import { UAParser } from "ua-parser-js";
import type { Device } from "./decide";

/** Fetchers that build link previews in feeds and chats; they get Open Graph tags. */
const PREVIEW_CRAWLERS =
  /facebookexternalhit|facebookcatalog|meta-externalagent|twitterbot|linkedinbot|slackbot|slack-imgproxy|whatsapp|telegrambot|discordbot|pinterest|redditbot|skypeuripreview|applebot|embedly|iframely|vkshare|snapchat|mastodon|bluesky|google-inspectiontool|googlebot|bingbot|xing-contenttabreceiver|tumblr|viber|line\//i;

export interface Visitor {
  bot: boolean;
  previewCrawler: boolean;
  device: Device;
  browser: string | null;
  os: string | null;
}

// Parsing a user agent costs tens of microseconds, more than the rest of a
// redirect; real traffic repeats a few thousand distinct strings, so results are kept.
const described = new LRUCache<string, Visitor>({ max: 5000 });

/** What a user agent says about the visitor (shared, frozen results: do not mutate). */
export function describeVisitor(userAgent: string | undefined): Visitor {
  const ua = userAgent ?? "";
  if (ua.length > 1000) return parseVisitor(ua);
  let v = described.get(ua);
  if (!v) {
    v = Object.freeze(parseVisitor(ua));
    described.set(ua, v);
  }
  return v;
}

function parseVisitor(ua: string): Visitor {
  const parsed = new UAParser(ua).getResult();
  const type = parsed.device.type;
  const device: Device = type === "mobile" ? "mobile" : type === "tablet" ? "tablet" : !type && parsed.os.name ? "desktop" : "other";
  const previewCrawler = PREVIEW_CRAWLERS.test(ua);
  return {
    // No user agent at all is a script, not a person.
    bot: !ua || previewCrawler || isbot(ua),
    previewCrawler,
    device,
    browser: parsed.browser.name ?? null,
    os: parsed.os.name ?? null,
  };
}

const DAY_MS = 86_400_000;
let dailyKey = { day: -1, secret: "", key: "" };

/**
 * A unique-visitor key without storing the address: HMAC of address and user
 * agent under a key that changes every UTC day, derived from the server secret
 * (so every instance agrees, and yesterday's hashes cannot be linked to today's).
 */
export function visitorHash(secret: string, ip: string, userAgent: string | undefined, now: number): string {
  const day = Math.floor(now / DAY_MS);
  if (day !== dailyKey.day || secret !== dailyKey.secret) {
    const date = new Date(day * DAY_MS).toISOString().slice(0, 10);
    dailyKey = { day, secret, key: createHmac("sha256", secret).update(`visitor-salt:${date}`).digest("hex") };
  }
  // SHA-256 over the secret daily key and the visit: one call, no HMAC object per visit.
  return hash("sha256", `${dailyKey.key}\n${ip}\n${userAgent ?? ""}`, "base64url").slice(0, 32);
}
