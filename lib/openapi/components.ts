import { z } from "zod";
import { bulkCreateLinksSchema, bulkCreateResultSchema } from "@/lib/links/bulk-create-links";
import { bulkUpdateSchema } from "@/lib/links/bulk-update-links";
import { deleteLinksSchema } from "@/lib/links/delete-link";
import { createLinkSchema, linkOutputSchema } from "@/lib/links/schemas";
import { createTagSchema, tagOutputSchema, updateTagSchema } from "@/lib/tags/schemas";
import {
  campaignDetailOutputSchema,
  campaignOutputSchema,
  channelLinkSetOutputSchema,
  channelLinkSetSchema,
  createCampaignSchema,
  updateCampaignSchema,
} from "@/lib/campaigns/schemas";
import { channelOutputSchema, createChannelSchema, updateChannelSchema } from "@/lib/channels/schemas";
import { renameWorkspaceSchema, workspaceOutput } from "@/lib/workspaces/schemas";
import { analyticsBucketSchema, analyticsRowSchema } from "@/lib/analytics/schemas";
import { ERROR_CODES } from "@/lib/errors";
import { bioPageOutputSchema, createBioPageSchema, subscriberOutputSchema, updateBioPageSchema } from "@/lib/bio-pages/schemas";
import { describeFields } from "./describe-fields";

/** One description per field a client sends; the compiler asks for a new field's. */
const LINK_FIELD_DOCS = {
  url: "Where the short link leads: an http(s) address. `example.com/page` gets https://.",
  slug: "The path after the domain. Letters, digits, dashes; stored lower-case. Random when left out.",
  domain: "One of the workspace's domains (Settings → Domains); the app's own host when left out.",
  title: "A name for the link in lists.",
  description: "For your team: what the link is for.",
  tags: "Tag names; tags that do not exist yet are created.",
  campaignId: "A campaign of this workspace; its UTM values are the link's defaults.",
  channelId: "A channel of this workspace.",
  utm: "UTM parameters added to the destination; the link's own values win over the campaign's.",
  expiresAt: "After this moment the link sends visitors to `expiredUrl` (or an expiry page).",
  expiredUrl: "Where visitors go once the link expired or reached `maxClicks`.",
  maxClicks: "The link expires after this many clicks.",
  password: "Visitors must enter it first. Write-only: answers say `hasPassword`. `null` removes it.",
  disabled: "A disabled link answers \"not found\".",
  archived: "Hidden from lists unless `status=archived`; the link keeps working.",
  redirectType: "The HTTP status of the redirect; 302 by default.",
  forwardQuery: "Pass the short URL's query string on to the destination (default true).",
  ios: "Destination for iPhone and iPad visitors.",
  android: "Destination for Android visitors.",
  geo: "Destinations by visitor country: two-letter code → URL, like `{ \"DE\": \"https://…/de\" }`.",
  og: "Title, description and image shown when the link is shared.",
  notes: "For your team; never shown to visitors.",
} as const satisfies Record<keyof typeof createLinkSchema.shape, string>;

const documentedLinkFields = describeFields(createLinkSchema, LINK_FIELD_DOCS);
const documentedLink = describeFields(linkOutputSchema, {
  shortUrl: "The short link to share.",
  finalUrl: "The destination with the UTM parameters merged in: where visitors land.",
  hasPassword: "Whether visitors must enter a password (the password itself is never returned).",
  clicks: "Clicks counted so far, bots excluded.",
  tags: "Tag names, sorted.",
  expiresAt: "ISO 8601, or null.",
});

const CAMPAIGN_FIELDS = {
  name: "Unique in the workspace.",
  description: "For your team. `null` or an empty string clears it.",
  startsAt: "ISO 8601 with an offset, like `2026-03-01T00:00:00Z`; `null` clears it. For planning: links keep working outside the dates.",
  endsAt: "Must come after `startsAt`; `null` clears it.",
  utm: "UTM defaults for links created in the campaign from now on; a link's own values win. `null` or an empty string clears a value.",
} as const satisfies Record<keyof typeof createCampaignSchema.shape, string>;

const CHANNEL_FIELDS = {
  name: "How the channel appears in lists and link titles.",
  key: "Stable identifier: lower-case letters, digits, `-` and `_`, unique in the workspace, fixed once created; derived from `name` when left out (`Print (QR)` → `print-qr`).",
  kind: "What kind of channel it is; analytics group channels by kind.",
  utmSource: "The `utm_source` of links made for this channel.",
  utmMedium: "The `utm_medium` of links made for this channel.",
  position: "Place in the channel list, ascending.",
} as const;

const documentedCampaign = describeFields(campaignOutputSchema, {
  utm: "The campaign's UTM defaults; null where none is set.",
  linkCount: "Links in the campaign.",
  clicks: "Clicks on the campaign's links so far, bots excluded.",
  startsAt: "ISO 8601, or null.",
  endsAt: "ISO 8601, or null.",
});
const documentedChannel = describeFields(channelOutputSchema, CHANNEL_FIELDS);

/** The error body every failing request answers with. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string().describe("What went wrong, in words a person can act on."),
    details: z
      .object({ fields: z.record(z.string(), z.string()).optional().describe("For 422: one message per invalid field, keyed by its path (`utm.source`).") })
      .loose()
      .optional(),
  }),
});

const memberOutput = z.object({ id: z.string(), role: z.enum(["owner", "admin", "member", "viewer"]), email: z.string(), name: z.string().nullable(), joinedAt: z.string() });

/**
 * Every named schema of the document: the same zod schemas the API parses
 * with (`input`: what a client sends) and answers with (`output`).
 */
export const COMPONENTS = {
  Error: { schema: errorBodySchema, io: "output" },
  Link: { schema: documentedLink, io: "output" },
  // The same schemas as createLinkSchema / updateLinkSchema (createLinkSchema and its .partial()), with descriptions.
  LinkInput: { schema: documentedLinkFields, io: "input" },
  LinkUpdate: { schema: documentedLinkFields.partial(), io: "input" },
  LinkList: { schema: z.object({ data: z.array(documentedLink), nextCursor: z.string().nullable().describe("Pass as `cursor` for the next page; null on the last page.") }), io: "output" },
  BulkCreateLinks: {
    schema: describeFields(bulkCreateLinksSchema, { links: "1 to 100 link bodies, each exactly as for `POST /links` (LinkInput)." }),
    io: "input",
  },
  BulkCreateResults: { schema: bulkCreateResultSchema, io: "output" },
  BulkUpdateLinks: { schema: bulkUpdateSchema, io: "input" },
  BulkUpdated: { schema: z.object({ updated: z.number().int() }), io: "output" },
  BulkDeleteLinks: { schema: deleteLinksSchema, io: "input" },
  BulkDeleted: { schema: z.object({ deleted: z.number().int() }), io: "output" },
  QrLogo: { schema: z.object({ logoDataUri: z.string().describe("The stored logo, re-encoded: `data:image/png;base64,…`.") }), io: "output" },
  Tag: { schema: tagOutputSchema, io: "output" },
  BioPage: { schema: bioPageOutputSchema, io: "output" },
  BioPageList: { schema: z.object({ data: z.array(bioPageOutputSchema) }), io: "output" },
  BioPageInput: { schema: createBioPageSchema, io: "input" },
  BioPageUpdate: { schema: updateBioPageSchema, io: "input" },
  BioSubscriberList: { schema: z.object({ data: z.array(subscriberOutputSchema), nextCursor: z.string().nullable() }), io: "output" },
  BioImage: { schema: z.object({ id: z.string(), url: z.string() }), io: "output" },
  TagInput: { schema: createTagSchema, io: "input" },
  TagUpdate: { schema: updateTagSchema, io: "input" },
  TagList: { schema: z.object({ data: z.array(tagOutputSchema) }), io: "output" },
  Workspace: { schema: workspaceOutput.partial({ createdAt: true }), io: "output" },
  WorkspaceList: { schema: z.object({ data: z.array(workspaceOutput.partial({ createdAt: true })) }), io: "output" },
  WorkspaceUpdate: { schema: renameWorkspaceSchema, io: "input" },
  Campaign: { schema: documentedCampaign, io: "output" },
  CampaignDetail: {
    schema: campaignDetailOutputSchema.safeExtend({ ...documentedCampaign.shape, links: z.array(documentedLink).describe("The campaign's links, most clicked first.") }),
    io: "output",
  },
  CampaignList: { schema: z.object({ data: z.array(documentedCampaign) }), io: "output" },
  CampaignInput: { schema: describeFields(createCampaignSchema, CAMPAIGN_FIELDS), io: "input" },
  CampaignUpdate: { schema: describeFields(updateCampaignSchema, CAMPAIGN_FIELDS), io: "input" },
  ChannelLinkSetInput: {
    schema: describeFields(channelLinkSetSchema, {
      url: "The destination every link leads to.",
      channelIds: "Ids of this workspace's channels (`GET /channels`); one link per channel, duplicates count once.",
    }),
    io: "input",
  },
  ChannelLinkSet: { schema: channelLinkSetOutputSchema.safeExtend({ data: z.array(documentedLink).describe("One new link per channel, in the order of `channelIds`.") }), io: "output" },
  Channel: { schema: documentedChannel, io: "output" },
  ChannelList: { schema: z.object({ data: z.array(documentedChannel) }), io: "output" },
  ChannelInput: {
    schema: describeFields(createChannelSchema, { ...CHANNEL_FIELDS, position: "Place in the channel list, ascending; the end of the list when left out." }),
    io: "input",
  },
  ChannelUpdate: { schema: describeFields(updateChannelSchema, CHANNEL_FIELDS), io: "input" },
  MemberList: { schema: z.object({ data: z.array(memberOutput) }), io: "output" },
  Analytics: {
    schema: z.object({
      from: z.string().describe("Start of the period, ISO 8601 with the zone's offset."),
      to: z.string().describe("End of the period (exclusive), ISO 8601 with the zone's offset."),
      timezone: z.string().describe("The IANA zone buckets and dates are computed in."),
      interval: z.enum(["hour", "day", "week", "month"]),
      bots: z.enum(["exclude", "include", "only"]).describe("Whether bot clicks are counted: excluded unless asked."),
      estimate: z.boolean().describe("Always false: every figure is exact."),
      groupBy: z.string(),
      data: z
        .union([z.array(analyticsBucketSchema), z.array(analyticsRowSchema)])
        .describe("`groupBy=timeseries`: one row per bucket `{ start, clicks, uniques }`, empty buckets included. Otherwise `{ key, label, clicks, uniques }`, most clicks first; `key` null: clicks without the value (no referrer, no UTM value...)."),
    }),
    io: "output",
  },
} as const satisfies Record<string, { schema: z.ZodType; io: "input" | "output" }>;

export type ComponentName = keyof typeof COMPONENTS;
