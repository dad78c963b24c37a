import { z } from "zod";
import { cleanString } from "@/lib/text/clean-text";
import { UTM_KEYS } from "@/lib/links/destination";
import { linkOutputSchema, utmSchema } from "@/lib/links/schemas";
import { destinationSchema } from "@/lib/links/destination";

const isoDate = z.iso
  .datetime({ offset: true, error: "Use an ISO 8601 date and time, like 2026-03-01T00:00:00Z." })
  .nullish()
  .transform((v) => (v ? new Date(v) : v === null ? null : undefined));

const campaignFields = z.object({
  name: cleanString({ error: "Enter a name for the campaign." }).trim().min(1, "Enter a name for the campaign.").max(100, "Use at most 100 characters for the name."),
  description: cleanString()
    .trim()
    .max(1000, "Use at most 1000 characters for the description.")
    .nullish()
    .transform((v) => (v === undefined ? undefined : v || null)),
  startsAt: isoDate,
  endsAt: isoDate,
  /** Default UTM values every new link in the campaign inherits. */
  utm: utmSchema.optional(),
});

function endAfterStart(v: { startsAt?: Date | null; endsAt?: Date | null }, ctx: z.RefinementCtx) {
  if (v.startsAt && v.endsAt && v.endsAt <= v.startsAt) {
    ctx.addIssue({ code: "custom", path: ["endsAt"], message: "The end must come after the start." });
  }
}

export const createCampaignSchema = campaignFields.superRefine(endAfterStart);
export type CreateCampaignInput = z.input<typeof createCampaignSchema>;

/** PATCH: any subset; `null` clears a date, the description or a UTM value. */
export const updateCampaignSchema = campaignFields.partial().superRefine(endAfterStart);
export type UpdateCampaignInput = z.input<typeof updateCampaignSchema>;

const utmOutput = z.object(Object.fromEntries(UTM_KEYS.map((k) => [k, z.string().nullable()])) as Record<(typeof UTM_KEYS)[number], z.ZodNullable<z.ZodString>>);

export const campaignOutputSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  utm: utmOutput,
  linkCount: z.number(),
  clicks: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CampaignOutput = z.infer<typeof campaignOutputSchema>;

/** One campaign with its links (clicks so far on each). */
export const campaignDetailOutputSchema = campaignOutputSchema.extend({ links: z.array(linkOutputSchema) });
export type CampaignDetailOutput = z.infer<typeof campaignDetailOutputSchema>;

/** A channel link set: one destination, one link per channel. */
export const channelLinkSetSchema = z.object({
  url: destinationSchema,
  channelIds: z
    .array(z.string().min(1).max(40), { error: "Pick at least one channel." })
    .min(1, "Pick at least one channel.")
    .max(30, "Pick at most 30 channels at once.")
    .transform((ids) => [...new Set(ids)]),
});
export type ChannelLinkSetInput = z.input<typeof channelLinkSetSchema>;
export const channelLinkSetOutputSchema = z.object({ data: z.array(linkOutputSchema) });
