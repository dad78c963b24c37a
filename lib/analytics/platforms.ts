import type { ChannelKind } from "../channels/schemas";

/**
 * Social platforms a click can come from, recognised by the referrer's host
 * (the mobile apps' link wrappers included: l.facebook.com, t.co, lnkd.in...)
 * or by the click's utm_source (what its destination received). The platform's kind ("social media" or
 * "social network") is the workspace's channel setting of the same key
 * (Settings -> Channels), so there is one mapping, not two; `kind` here is
 * only the fallback for a platform no channel names.
 *
 * Pure and dependency-free: the click writer's thread imports it.
 */
export interface Platform {
  id: string;
  name: string;
  kind: ChannelKind;
  /** Referrer hosts; a host also matches its subdomains (m.facebook.com). */
  hosts: string[];
  /** utm_source values (lower case) that name the platform. */
  sources: string[];
}

export const PLATFORMS: readonly Platform[] = [
  { id: "facebook", name: "Facebook", kind: "social_media", hosts: ["facebook.com", "fb.com", "fb.me", "l.facebook.com", "lm.facebook.com"], sources: ["facebook", "fb", "meta"] },
  { id: "instagram", name: "Instagram", kind: "social_media", hosts: ["instagram.com", "l.instagram.com"], sources: ["instagram", "ig"] },
  { id: "x", name: "X", kind: "social_media", hosts: ["x.com", "twitter.com", "t.co"], sources: ["x", "twitter"] },
  { id: "linkedin", name: "LinkedIn", kind: "social_network", hosts: ["linkedin.com", "lnkd.in"], sources: ["linkedin"] },
  { id: "xing", name: "XING", kind: "social_network", hosts: ["xing.com"], sources: ["xing"] },
  { id: "tiktok", name: "TikTok", kind: "social_media", hosts: ["tiktok.com"], sources: ["tiktok"] },
  { id: "youtube", name: "YouTube", kind: "social_media", hosts: ["youtube.com", "youtu.be"], sources: ["youtube", "yt"] },
  { id: "pinterest", name: "Pinterest", kind: "social_media", hosts: ["pinterest.com", "pin.it"], sources: ["pinterest"] },
  { id: "reddit", name: "Reddit", kind: "social_media", hosts: ["reddit.com", "out.reddit.com", "redd.it"], sources: ["reddit"] },
  { id: "threads", name: "Threads", kind: "social_media", hosts: ["threads.net", "threads.com", "l.threads.net"], sources: ["threads"] },
  { id: "snapchat", name: "Snapchat", kind: "social_media", hosts: ["snapchat.com"], sources: ["snapchat"] },
  { id: "mastodon", name: "Mastodon", kind: "social_media", hosts: ["mastodon.social", "mastodon.online", "mstdn.social"], sources: ["mastodon"] },
  { id: "bluesky", name: "Bluesky", kind: "social_media", hosts: ["bsky.app", "go.bsky.app"], sources: ["bluesky", "bsky"] },
  { id: "whatsapp", name: "WhatsApp", kind: "messaging", hosts: ["whatsapp.com", "wa.me", "web.whatsapp.com"], sources: ["whatsapp", "wa"] },
  { id: "telegram", name: "Telegram", kind: "messaging", hosts: ["t.me", "telegram.org", "web.telegram.org"], sources: ["telegram"] },
];

const byId = new Map(PLATFORMS.map((p) => [p.id, p]));
const byHost = new Map(PLATFORMS.flatMap((p) => p.hosts.map((h) => [h, p.id] as const)));
const bySource = new Map(PLATFORMS.flatMap((p) => p.sources.map((s) => [s, p.id] as const)));

export function platformName(id: string): string {
  return byId.get(id)?.name ?? id;
}

/** The platform of a referrer host, trying the host and each parent domain (www.m.facebook.com -> facebook.com). */
function platformOfHost(host: string): string | null {
  let h = host.toLowerCase().replace(/^www\./, "");
  for (;;) {
    const hit = byHost.get(h);
    if (hit) return hit;
    const dot = h.indexOf(".");
    if (dot < 0 || h.indexOf(".", dot + 1) < 0) return null;
    h = h.slice(dot + 1);
  }
}

/**
 * The platform a click came from: the referrer says where the visitor really
 * was; utm_source (what the link was labelled) counts when the app hid the
 * referrer, as most mobile apps do. Null: no known platform.
 */
export function platformOf(referrerHost: string | null, utmSource: string | null): string | null {
  if (referrerHost) {
    const hit = platformOfHost(referrerHost);
    if (hit) return hit;
  }
  if (utmSource) return bySource.get(utmSource.trim().toLowerCase()) ?? null;
  return null;
}

const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * platformOf() as an SQL expression over a referrer host and a utm_source
 * column: the host (or a parent domain) first, then utm_source. The click
 * writer stores it in the rollup and the dashboards compute it over raw
 * clicks, so both read the same platform for a click.
 */
export function platformSql(hostColumn: string, sourceColumn: string): string {
  const host = `LOWER(${hostColumn})`;
  const source = `LOWER(TRIM(${sourceColumn}))`;
  const byHost = PLATFORMS.map((p) => `WHEN ${p.hosts.map((h) => `${host} = ${literal(h)} OR ${host} LIKE ${literal(`%.${h}`)}`).join(" OR ")} THEN ${literal(p.id)}`);
  const bySource = PLATFORMS.map((p) => `WHEN ${source} IN (${p.sources.map(literal).join(", ")}) THEN ${literal(p.id)}`);
  return `(CASE ${byHost.join(" ")} ${bySource.join(" ")} ELSE NULL END)`;
}

/**
 * Each platform's kind for a workspace: its channel of the same key when it
 * has one (the Settings -> Channels setting), else the platform's default.
 */
export function platformKinds(channels: readonly Readonly<{ key: string; kind: string }>[]): Map<string, string> {
  const kinds = new Map<string, string>(PLATFORMS.map((p) => [p.id, p.kind]));
  for (const c of channels) if (byId.has(c.key)) kinds.set(c.key, c.kind);
  return kinds;
}
