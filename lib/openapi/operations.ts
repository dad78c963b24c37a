import type { z } from "zod";
import type { Permission } from "@/lib/auth/permissions";
import { analyticsQuerySchema } from "@/lib/analytics/schemas";
import { listLinksQuerySchema } from "@/lib/links/schemas";
import { qrImageQuerySchema } from "@/lib/qr/schemas";
import type { ComponentName } from "./components";

export interface ApiOperation {
  /** Stable operationId, camelCase. */
  id: string;
  /** The section of the reference it appears under. */
  group: "Links" | "QR codes" | "Tags" | "Campaigns" | "Channels" | "Workspaces" | (string & {});
  method: "get" | "post" | "patch" | "delete";
  /** Relative to /api/v1, with `{param}` placeholders. */
  path: string;
  summary: string;
  description?: string;
  /** The permission the key's role needs; null for a public endpoint. */
  permission: Permission | null;
  pathParams?: Record<string, string>;
  query?: z.ZodObject;
  body?: ComponentName;
  /** A multipart/form-data upload instead of a JSON body: the file's form field. */
  upload?: { field: string; description: string };
  /** Successful answers; error answers are added from the operation's shape (see build-document.ts). `media`: non-JSON answers (images), by content type. */
  responses: Record<number, { description: string; body?: ComponentName; media?: string[] }>;
  /** Error statuses beyond the ones every operation of its kind has (401, 403, 429; 400 and 422 with a body; 404 with a path id). */
  errors?: number[];
  /** A request body for the reference's curl example. */
  example?: unknown;
}

const linkId = { id: "The link's id (`id` in every link answer)." };
const tagId = { id: "The tag's id." };
const campaignId = { id: "The campaign's id." };
const channelId = { id: "The channel's id (`GET /channels`)." };
const workspaceSlug = { slug: "The workspace's URL slug. An API key reaches only its own workspace." };

/**
 * Every endpoint of the public API, in reference order. Adding an endpoint to
 * the OpenAPI document and to /docs/api is adding one entry here (and, for a
 * new body shape, one named schema in components.ts).
 */
export const OPERATIONS: ApiOperation[] = [
  {
    id: "createLink",
    group: "Links",
    method: "post",
    path: "/links",
    summary: "Create a short link",
    description: "Only `url` is required. Without `slug`, a random 7-character one is drawn. Tags that do not exist yet are created.",
    permission: "links.write",
    body: "LinkInput",
    responses: { 201: { description: "The new link.", body: "Link" } },
    errors: [409],
    example: { url: "https://shop.example/spring", slug: "spring", tags: ["newsletter"], utm: { source: "newsletter", medium: "email" } },
  },
  {
    id: "listLinks",
    group: "Links",
    method: "get",
    path: "/links",
    summary: "List links",
    description: "Newest first (or most clicked with `sort=clicks`), one page at a time: pass `nextCursor` as `cursor` for the next page. Archived links appear only with `status=archived`.",
    permission: "links.read",
    query: listLinksQuerySchema,
    responses: { 200: { description: "One page of links.", body: "LinkList" } },
    errors: [422],
  },
  {
    id: "getLink",
    group: "Links",
    method: "get",
    path: "/links/{id}",
    summary: "Get a link",
    permission: "links.read",
    pathParams: linkId,
    responses: { 200: { description: "The link.", body: "Link" } },
  },
  {
    id: "updateLink",
    group: "Links",
    method: "patch",
    path: "/links/{id}",
    summary: "Update a link",
    description: "Send any subset of the fields. `tags` replaces the link's tags; `password: null` removes the password. The short URL keeps working.",
    permission: "links.write",
    pathParams: linkId,
    body: "LinkUpdate",
    responses: { 200: { description: "The updated link.", body: "Link" } },
    errors: [409],
    example: { url: "https://shop.example/summer", disabled: false },
  },
  {
    id: "deleteLink",
    group: "Links",
    method: "delete",
    path: "/links/{id}",
    summary: "Delete a link",
    description: "The short URL stops working at once.",
    permission: "links.write",
    pathParams: linkId,
    responses: { 204: { description: "Deleted." } },
  },
  {
    id: "bulkCreateLinks",
    group: "Links",
    method: "post",
    path: "/links/bulk",
    summary: "Create up to 100 links",
    description:
      "Each item is validated and created on its own, so one bad item does not stop the others. Each result carries the item's `index`; `ok: true` with the `link`, or `ok: false` with the same `error` a single create would answer. Status 200 when every link was created, 207 when any item failed.",
    permission: "links.write",
    body: "BulkCreateLinks",
    responses: {
      200: { description: "Every link was created.", body: "BulkCreateResults" },
      207: { description: "Some (or all) items failed; see each result.", body: "BulkCreateResults" },
    },
    example: { links: [{ url: "https://shop.example/a" }, { url: "https://shop.example/b", slug: "b-side" }] },
  },
  {
    id: "bulkUpdateLinks",
    group: "Links",
    method: "patch",
    path: "/links/bulk",
    summary: "Update up to 100 links",
    description: "Adds or removes tags, moves to a campaign, disables or archives, all or nothing. Ids of other workspaces are skipped like missing ones; `updated` counts the links changed.",
    permission: "links.write",
    body: "BulkUpdateLinks",
    responses: { 200: { description: "How many links changed.", body: "BulkUpdated" } },
    example: { ids: ["<link id>"], addTags: ["q3"], archived: true },
  },
  {
    id: "bulkDeleteLinks",
    group: "Links",
    method: "delete",
    path: "/links/bulk",
    summary: "Delete up to 100 links",
    description: "Ids of other workspaces are ignored like missing ones; `deleted` counts the links deleted.",
    permission: "links.write",
    body: "BulkDeleteLinks",
    responses: { 200: { description: "How many links were deleted.", body: "BulkDeleted" } },
    example: { ids: ["<link id>"] },
  },
  {
    id: "getLinkQr",
    group: "QR codes",
    method: "get",
    path: "/links/{id}/qr",
    summary: "Get a link's QR code",
    description:
      "The code encodes the short URL with `?qr=1`, so scans are counted apart from clicks and the destination can change after printing. It is drawn with the link's saved design (or the default); each query option overrides it. Options that are invalid, or that would make the code unreadable, answer 422 with the reason in `message` and `details`: white on white or any contrast below 2:1, a foreground lighter than the background (inverted), a foreground lighter than 44% of the background's brightness (scanners read it as paper), no quiet zone without a frame, a logo over 30% of the width. With a logo the error correction is raised to Q (H above 20%). The answer is an image with `Content-Disposition: attachment`.",
    permission: "qr.read",
    pathParams: linkId,
    query: qrImageQuerySchema,
    responses: { 200: { description: "The QR code: a PNG (`format=png`) or a standalone SVG with the logo embedded (`format=svg`).", media: ["image/png", "image/svg+xml"] } },
    errors: [422],
  },
  {
    id: "setLinkQrLogo",
    group: "QR codes",
    method: "post",
    path: "/links/{id}/qr/logo",
    summary: "Upload a link's QR logo",
    description:
      "A PNG, JPEG or WebP of at most 2 MB, recognised by its content (not its name). SVG is refused. The image is re-encoded to a PNG of at most 512 × 512 pixels: only the pixels are kept. The code draws it once its design's `logo` is `own` (or with `logo=true` on `GET /links/{id}/qr`).",
    permission: "qr.write",
    pathParams: linkId,
    upload: { field: "file", description: "The logo image (PNG, JPEG or WebP, at most 2 MB)." },
    responses: { 200: { description: "Stored.", body: "QrLogo" } },
  },
  {
    id: "deleteLinkQrLogo",
    group: "QR codes",
    method: "delete",
    path: "/links/{id}/qr/logo",
    summary: "Remove a link's QR logo",
    description: "A design that drew this logo draws none from now on.",
    permission: "qr.write",
    pathParams: linkId,
    responses: { 204: { description: "Removed." } },
  },
  {
    id: "listTags",
    group: "Tags",
    method: "get",
    path: "/tags",
    summary: "List tags",
    description: "All of the workspace's tags by name, each with how many links carry it.",
    permission: "links.read",
    responses: { 200: { description: "The tags.", body: "TagList" } },
  },
  {
    id: "createTag",
    group: "Tags",
    method: "post",
    path: "/tags",
    summary: "Create a tag",
    description: "Names are unique in a workspace.",
    permission: "links.write",
    body: "TagInput",
    responses: { 201: { description: "The new tag.", body: "Tag" } },
    errors: [409],
    example: { name: "newsletter", color: "blue" },
  },
  {
    id: "updateTag",
    group: "Tags",
    method: "patch",
    path: "/tags/{id}",
    summary: "Rename or recolour a tag",
    description: "Every link carrying the tag follows.",
    permission: "links.write",
    pathParams: tagId,
    body: "TagUpdate",
    responses: { 200: { description: "The updated tag.", body: "Tag" } },
    errors: [409],
    example: { name: "email", color: "green" },
  },
  {
    id: "deleteTag",
    group: "Tags",
    method: "delete",
    path: "/tags/{id}",
    summary: "Delete a tag",
    description: "The tag comes off every link; the links stay.",
    permission: "links.write",
    pathParams: tagId,
    responses: { 204: { description: "Deleted." } },
  },
  {
    id: "listCampaigns",
    group: "Campaigns",
    method: "get",
    path: "/campaigns",
    summary: "List campaigns",
    description: "All of the workspace's campaigns, newest first, each with its link count and clicks.",
    permission: "campaigns.read",
    responses: { 200: { description: "The campaigns.", body: "CampaignList" } },
  },
  {
    id: "createCampaign",
    group: "Campaigns",
    method: "post",
    path: "/campaigns",
    summary: "Create a campaign",
    description: "Only `name` is required. Put links in it with `campaignId` on `POST /links`, or make one per channel with a channel link set.",
    permission: "campaigns.write",
    body: "CampaignInput",
    responses: { 201: { description: "The new campaign.", body: "Campaign" } },
    errors: [409],
    example: { name: "Spring Sale", startsAt: "2026-03-01T00:00:00Z", endsAt: "2026-03-31T23:59:00Z", utm: { campaign: "spring-sale" } },
  },
  {
    id: "getCampaign",
    group: "Campaigns",
    method: "get",
    path: "/campaigns/{id}",
    summary: "Get a campaign",
    description: "The campaign with its links, most clicked first.",
    permission: "campaigns.read",
    pathParams: campaignId,
    responses: { 200: { description: "The campaign and its links.", body: "CampaignDetail" } },
  },
  {
    id: "updateCampaign",
    group: "Campaigns",
    method: "patch",
    path: "/campaigns/{id}",
    summary: "Update a campaign",
    description: "Send any subset of the fields; `null` clears a date, the description or a UTM value. New UTM defaults apply to links created from now on; existing links keep theirs.",
    permission: "campaigns.write",
    pathParams: campaignId,
    body: "CampaignUpdate",
    responses: { 200: { description: "The updated campaign.", body: "Campaign" } },
    errors: [409],
    example: { name: "Spring Sale 2026", endsAt: null },
  },
  {
    id: "deleteCampaign",
    group: "Campaigns",
    method: "delete",
    path: "/campaigns/{id}",
    summary: "Delete a campaign",
    description: "Its links keep working and belong to no campaign.",
    permission: "campaigns.write",
    pathParams: campaignId,
    responses: { 204: { description: "Deleted." } },
  },
  {
    id: "createChannelLinkSet",
    group: "Campaigns",
    method: "post",
    path: "/campaigns/{id}/links",
    summary: "Create a channel link set",
    description:
      "One destination, one short link per channel, all or none. Each link gets a random slug on the app's own domain, the channel's `utm_source` and `utm_medium`, the campaign's `utm_campaign` (or its name, slugified) and its other UTM defaults, and the title `<campaign> · <channel>`. A channel id not in this workspace answers 422.",
    permission: "campaigns.write",
    pathParams: campaignId,
    body: "ChannelLinkSetInput",
    responses: { 201: { description: "The new links.", body: "ChannelLinkSet" } },
    example: { url: "https://shop.example/spring", channelIds: ["<channel id>", "<channel id>"] },
  },
  {
    id: "listChannels",
    group: "Channels",
    method: "get",
    path: "/channels",
    summary: "List channels",
    description: "The workspace's channels in their order. A workspace starts with a set of common ones (Facebook, Instagram, LinkedIn, Email, Print…), created on first use.",
    permission: "campaigns.read",
    responses: { 200: { description: "The channels.", body: "ChannelList" } },
  },
  {
    id: "createChannel",
    group: "Channels",
    method: "post",
    path: "/channels",
    summary: "Create a channel",
    description: "Admins and owners only. The new channel goes to the end of the list unless `position` says otherwise.",
    permission: "channels.manage",
    body: "ChannelInput",
    responses: { 201: { description: "The new channel.", body: "Channel" } },
    errors: [409],
    example: { name: "Mastodon", kind: "social_network", utmSource: "mastodon", utmMedium: "social" },
  },
  {
    id: "updateChannel",
    group: "Channels",
    method: "patch",
    path: "/channels/{id}",
    summary: "Update a channel",
    description: "Admins and owners only. Send any subset of the fields; `key` cannot change. Links made before keep their UTM values; a new `kind` applies to analytics at once.",
    permission: "channels.manage",
    pathParams: channelId,
    body: "ChannelUpdate",
    responses: { 200: { description: "The updated channel.", body: "Channel" } },
    example: { kind: "social_network" },
  },
  {
    id: "deleteChannel",
    group: "Channels",
    method: "delete",
    path: "/channels/{id}",
    summary: "Delete a channel",
    description: "Admins and owners only. Its links keep working, with their UTM values, and belong to no channel.",
    permission: "channels.manage",
    pathParams: channelId,
    responses: { 204: { description: "Deleted." } },
  },
  {
    id: "listWorkspaces",
    group: "Workspaces",
    method: "get",
    path: "/workspaces",
    summary: "List workspaces",
    description: "For an API key: its own workspace.",
    permission: "workspace.read",
    responses: { 200: { description: "The caller's workspaces.", body: "WorkspaceList" } },
  },
  {
    id: "getWorkspace",
    group: "Workspaces",
    method: "get",
    path: "/workspaces/{slug}",
    summary: "Get a workspace",
    permission: "workspace.read",
    pathParams: workspaceSlug,
    responses: { 200: { description: "The workspace and the caller's role in it.", body: "Workspace" } },
  },
  {
    id: "updateWorkspace",
    group: "Workspaces",
    method: "patch",
    path: "/workspaces/{slug}",
    summary: "Rename a workspace",
    description: "Changing `slug` changes the workspace's dashboard URLs.",
    permission: "workspace.update",
    pathParams: workspaceSlug,
    body: "WorkspaceUpdate",
    responses: { 200: { description: "The renamed workspace.", body: "Workspace" } },
    errors: [409],
    example: { name: "Acme Marketing" },
  },
  {
    id: "listMembers",
    group: "Workspaces",
    method: "get",
    path: "/workspaces/{slug}/members",
    summary: "List members",
    permission: "members.read",
    pathParams: workspaceSlug,
    responses: { 200: { description: "Members and their roles.", body: "MemberList" } },
  },
  {
    id: "getAnalytics",
    group: "Analytics",
    method: "get",
    path: "/analytics",
    summary: "Clicks and unique visitors, over time or by a dimension",
    description:
      "A click is a redirect answered to a visitor who is not a bot (HEAD requests and preview crawlers never count); a unique visitor is one visitor hash, which changes every UTC day; a scan is a click with trigger `qr`. Figures are exact. The period is `range` (a preset, default `30d`) or `from`/`to` (ISO 8601; a bare date is midnight in `timezone`, and a bare `to` date is included). Every filter takes one value, or several by repeating the parameter; `(none)` matches clicks without the value. `link`, `linkId` and `qrId` take link ids (`qrId`: that link's QR scans only), `campaign`/`campaignId`, `tag`/`tagId`, `channel` and `bioPageId` take ids: another workspace's id answers 404.",
    permission: "analytics.read",
    query: analyticsQuerySchema,
    responses: { 200: { description: "The rows of the grouping.", body: "Analytics" } },
    errors: [404, 422],
  },
];
