import { z } from "zod";
import { cleanString } from "@/lib/text/clean-text";
import { CHANNEL_KIND_LABELS, CHANNEL_KINDS, type ChannelKind } from "./kinds";

export { CHANNEL_KIND_LABELS, CHANNEL_KINDS, type ChannelKind };

/**
 * How Pennant counts Facebook by default, and why (PRODUCT.md: Facebook is
 * both a social medium and a social network). Shown in Settings → Channels.
 */
export const FACEBOOK_KIND_EXPLANATION =
  "Facebook is both a social medium and a social network. Pennant counts it as social media by default: campaign links there mostly travel through the feed, pages, groups and ads, where they aim at reach, rather than through private relationship-building. If your Facebook work is mostly groups and messages among people who know each other, change its kind to social network.";

const utmPreset = (what: string) =>
  cleanString({ error: `Enter the UTM ${what}.` })
    .trim()
    .min(1, `Enter the UTM ${what}.`)
    .max(100, `Use at most 100 characters for the UTM ${what}.`);

export const channelKindSchema = z.enum(CHANNEL_KINDS, { error: "Use social_media, social_network, messaging, email, offline or other." });

const channelFields = z.object({
  name: cleanString({ error: "Enter a name for the channel." }).trim().min(1, "Enter a name for the channel.").max(60, "Use at most 60 characters for the name."),
  /** Stable identifier in the workspace; derived from the name when left out. */
  key: z
    .string()
    .trim()
    .toLowerCase()
    .min(1)
    .max(40, "Use at most 40 characters for the key.")
    .regex(/^[a-z0-9][a-z0-9_-]*$/, "Use lower-case letters, digits, dashes and underscores for the key.")
    .optional(),
  kind: channelKindSchema,
  utmSource: utmPreset("source"),
  utmMedium: utmPreset("medium"),
  position: z.number().int().min(0).max(10_000).optional(),
});

export const createChannelSchema = channelFields;
export type CreateChannelInput = z.input<typeof createChannelSchema>;

/** PATCH: any subset (the key is fixed once created). */
export const updateChannelSchema = channelFields.omit({ key: true }).partial();
export type UpdateChannelInput = z.input<typeof updateChannelSchema>;

export const channelOutputSchema = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  kind: channelKindSchema,
  utmSource: z.string(),
  utmMedium: z.string(),
  position: z.number(),
  createdAt: z.string(),
});
export type ChannelOutput = z.infer<typeof channelOutputSchema>;

export interface ChannelRow {
  id: string;
  key: string;
  name: string;
  kind: string;
  utmSource: string;
  utmMedium: string;
  position: number;
  createdAt: Date;
}

export function presentChannel(row: ChannelRow): ChannelOutput {
  const kind = (CHANNEL_KINDS as readonly string[]).includes(row.kind) ? (row.kind as ChannelKind) : "other";
  return { id: row.id, key: row.key, name: row.name, kind, utmSource: row.utmSource, utmMedium: row.utmMedium, position: row.position, createdAt: row.createdAt.toISOString() };
}
