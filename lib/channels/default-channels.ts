import type { Tx } from "@/lib/db/client";
import type { ChannelKind } from "./schemas";

export interface DefaultChannel {
  key: string;
  name: string;
  kind: ChannelKind;
  utmSource: string;
  utmMedium: string;
}

/**
 * The channels every workspace starts with. Facebook counts as social media
 * (see FACEBOOK_KIND_EXPLANATION); each workspace may change any of them.
 */
export const DEFAULT_CHANNELS: readonly DefaultChannel[] = [
  { key: "facebook", name: "Facebook", kind: "social_media", utmSource: "facebook", utmMedium: "social" },
  { key: "instagram", name: "Instagram", kind: "social_media", utmSource: "instagram", utmMedium: "social" },
  { key: "x", name: "X", kind: "social_media", utmSource: "x", utmMedium: "social" },
  { key: "linkedin", name: "LinkedIn", kind: "social_network", utmSource: "linkedin", utmMedium: "social" },
  { key: "xing", name: "XING", kind: "social_network", utmSource: "xing", utmMedium: "social" },
  { key: "tiktok", name: "TikTok", kind: "social_media", utmSource: "tiktok", utmMedium: "social" },
  { key: "youtube", name: "YouTube", kind: "social_media", utmSource: "youtube", utmMedium: "video" },
  { key: "pinterest", name: "Pinterest", kind: "social_media", utmSource: "pinterest", utmMedium: "social" },
  { key: "threads", name: "Threads", kind: "social_media", utmSource: "threads", utmMedium: "social" },
  { key: "reddit", name: "Reddit", kind: "social_media", utmSource: "reddit", utmMedium: "social" },
  { key: "snapchat", name: "Snapchat", kind: "social_media", utmSource: "snapchat", utmMedium: "social" },
  { key: "whatsapp", name: "WhatsApp", kind: "messaging", utmSource: "whatsapp", utmMedium: "messaging" },
  { key: "email", name: "Email", kind: "email", utmSource: "email", utmMedium: "email" },
  { key: "newsletter", name: "Newsletter", kind: "email", utmSource: "newsletter", utmMedium: "email" },
  { key: "print", name: "Print (QR)", kind: "offline", utmSource: "print", utmMedium: "offline" },
];

/** Gives a new workspace the default channels, inside the transaction that creates it. */
export async function createDefaultChannels(tx: Tx, workspaceId: string): Promise<void> {
  await tx.channel.createMany({ data: DEFAULT_CHANNELS.map((channel, position) => ({ workspaceId, position, ...channel })) });
}
