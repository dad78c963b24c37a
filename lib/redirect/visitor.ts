import { createHmac } from "node:crypto";
import { isbot } from "isbot";
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

export function describeVisitor(userAgent: string | undefined): Visitor {
  const ua = userAgent ?? "";
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

/**
 * A unique-visitor key without storing the address: HMAC of address and user
 * agent under a key that changes every UTC day, derived from the server secret
 * (so every instance agrees, and yesterday's hashes cannot be linked to today's).
 */
export function visitorHash(secret: string, ip: string, userAgent: string | undefined, now: number): string {
  const day = new Date(now).toISOString().slice(0, 10);
  const dailyKey = createHmac("sha256", secret).update(`visitor-salt:${day}`).digest();
  return createHmac("sha256", dailyKey).update(`${ip}\n${userAgent ?? ""}`).digest("base64url").slice(0, 32);
}
