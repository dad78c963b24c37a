// Channel kinds as plain values for client components (./schemas adds zod).

export const CHANNEL_KINDS = ["social_media", "social_network", "messaging", "email", "offline", "other"] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export const CHANNEL_KIND_LABELS: Record<ChannelKind, string> = {
  social_media: "Social media",
  social_network: "Social network",
  messaging: "Messaging",
  email: "Email",
  offline: "Offline",
  other: "Other",
};
