import { z } from "zod";
import { bulkCreateLinksSchema, bulkCreateResultSchema } from "@/lib/links/bulk-create-links";
import { bulkUpdateSchema } from "@/lib/links/bulk-update-links";
import { deleteLinksSchema } from "@/lib/links/delete-link";
import { linkFieldsSchema, linkOutputSchema } from "@/lib/links/schemas";
import { createTagSchema, tagOutputSchema, updateTagSchema } from "@/lib/tags/schemas";
import { renameWorkspaceSchema, workspaceOutput } from "@/lib/workspaces/schemas";
import { ERROR_CODES } from "@/lib/errors";
import { describeFields } from "./describe-fields";

const LINK_FIELDS = {
  url: "Where the short link leads: an http(s) address. `example.com/page` gets https://.",
  slug: "The path after the domain. Letters, digits, dashes; stored lower-case. Random when left out.",
  domain: "One of the workspace's domains (Settings → Domains); the app's own host when left out.",
  title: "A name for the link in lists.",
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
} as const;

const documentedLinkFields = describeFields(linkFieldsSchema, LINK_FIELDS);
const documentedLink = describeFields(linkOutputSchema, {
  shortUrl: "The short link to share.",
  finalUrl: "The destination with the UTM parameters merged in: where visitors land.",
  hasPassword: "Whether visitors must enter a password (the password itself is never returned).",
  clicks: "Clicks counted so far, bots excluded.",
  tags: "Tag names, sorted.",
  expiresAt: "ISO 8601, or null.",
});

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
  // The same schemas as createLinkSchema / updateLinkSchema (= linkFieldsSchema, .partial()), with descriptions.
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
  Tag: { schema: tagOutputSchema, io: "output" },
  TagInput: { schema: createTagSchema, io: "input" },
  TagUpdate: { schema: updateTagSchema, io: "input" },
  TagList: { schema: z.object({ data: z.array(tagOutputSchema) }), io: "output" },
  Workspace: { schema: workspaceOutput.partial({ createdAt: true }), io: "output" },
  WorkspaceList: { schema: z.object({ data: z.array(workspaceOutput.partial({ createdAt: true })) }), io: "output" },
  WorkspaceUpdate: { schema: renameWorkspaceSchema, io: "input" },
  MemberList: { schema: z.object({ data: z.array(memberOutput) }), io: "output" },
} as const satisfies Record<string, { schema: z.ZodType; io: "input" | "output" }>;

export type ComponentName = keyof typeof COMPONENTS;
