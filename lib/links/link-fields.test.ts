import { describe, expect, it } from "vitest";
import type { Campaign } from "@/generated/sqlite/client";
import { linkFormDefaults, toLinkInput } from "@/components/links/link-form-state";
import { presentCampaign, toCampaignColumns } from "@/lib/campaigns/present-campaign";
import { createCampaignSchema, updateCampaignSchema } from "@/lib/campaigns/schemas";
import { buildOpenApiDocument } from "@/lib/openapi/build-document";
import { toRedirectLink } from "@/lib/redirect/link-record";
import { EXPORT_COLUMN_NAMES, IMPORT_COLUMN_NAMES } from "./csv-columns";
import { toLinkColumns } from "./link-data";
import { atPath, CAMPAIGN_FIELDS, LINK_COLUMNS, LINK_FIELDS, REDIRECT_COLUMNS, type CampaignColumn, type RedirectRow } from "./link-fields";
import { presentLink, type LinkRow } from "./present-link";
import { createLinkSchema, linkOutputSchema, updateLinkSchema } from "./schemas";

/**
 * Walks LINK_FIELDS and CAMPAIGN_FIELDS and checks that every consumer covers
 * every field: adding a column to a link is its migration, its line in
 * LINK_FIELDS, and whatever this test then names.
 */

/** A row with every column set to something other than its default. */
const fullRow: LinkRow = {
  id: "l1",
  workspaceId: "w1",
  domain: "go.example.com",
  slug: "spring",
  url: "https://example.com/spring",
  title: "Spring",
  description: "For the spring sale",
  campaignId: "c1",
  channelId: "ch1",
  utmSource: "news",
  utmMedium: "email",
  utmCampaign: "spring",
  utmTerm: "shoes",
  utmContent: "hero",
  expiresAt: new Date("2099-01-01T00:00:00Z"),
  expiredUrl: "https://example.com/over",
  maxClicks: 10,
  passwordHash: "hash",
  disabled: true,
  archived: true,
  redirectType: 308,
  forwardQuery: false,
  iosUrl: "https://example.com/ios",
  androidUrl: "https://example.com/android",
  geo: { DE: "https://example.com/de" },
  ogTitle: "Preview",
  ogDescription: "Preview text",
  ogImage: "https://example.com/og.png",
  notes: "internal",
  clicks: 3,
  lastClickedAt: new Date("2026-01-02T00:00:00Z"),
  createdById: "u1",
  createdAt: new Date("2026-01-01T00:00:00Z"),
  updatedAt: new Date("2026-01-01T00:00:00Z"),
  tags: [{ tag: { name: "sale" } }],
};

/** The API's top-level field of a path: `utm` of `utm.source`. */
const topLevel = (api: string) => api.split(".")[0]!;
const apiFields = [...new Set(LINK_COLUMNS.map((c) => topLevel(LINK_FIELDS[c].api)))];

describe("LINK_FIELDS: every consumer covers every link field", () => {
  it("the API accepts every field on create and update, and documents each with a description", () => {
    const doc = buildOpenApiDocument("https://go.example.com/");
    const schemas = doc.components.schemas as Record<string, { properties: Record<string, { description?: string }> }>;
    for (const field of apiFields) {
      expect(Object.keys(createLinkSchema.shape), field).toContain(field);
      expect(Object.keys(updateLinkSchema.shape), field).toContain(field);
      expect(schemas.LinkInput!.properties[field]?.description, `LinkInput.${field}`).toBeTruthy();
      // The password is write-only: answers say hasPassword.
      const out = field === "password" ? "hasPassword" : field;
      expect(Object.keys(linkOutputSchema.shape), out).toContain(out);
      expect(schemas.Link!.properties[out], `Link.${out}`).toBeDefined();
    }
  });

  it("presentLink answers every field of a fully set row", () => {
    const out = presentLink(fullRow);
    expect(linkOutputSchema.parse(out)).toEqual(out);
    for (const column of LINK_COLUMNS) {
      const api = LINK_FIELDS[column].api;
      if (api === "password") expect(out.hasPassword).toBe(true);
      else expect(atPath(out, api), `${column} -> ${api}`).not.toBeNull();
    }
  });

  it("toLinkColumns writes every column from a fully set input (domain, slug, campaign and channel are the callers')", async () => {
    const input = updateLinkSchema.parse({ ...toLinkInput(linkFormDefaults(presentLink(fullRow)), true), password: "secret1" });
    const columns: Record<string, unknown> = await toLinkColumns(input);
    const callers = new Set(["domain", "slug", "campaignId", "channelId"]);
    for (const column of LINK_COLUMNS) {
      if (callers.has(column)) continue;
      expect(columns[column], column).toBeDefined();
      expect(columns[column], column).not.toBeNull();
    }
    expect(columns.passwordHash).not.toBe("secret1");
  });

  it("the form edits every field except the few it sets elsewhere", () => {
    // Domain: the select beside the slug; slug: fixed once created; channel: set by channel link sets.
    const elsewhere = new Set(["domain", "slug", "channelId"]);
    const onEdit = updateLinkSchema.parse(toLinkInput({ ...linkFormDefaults(presentLink(fullRow)), password: "secret1" }, true));
    const asStored = updateLinkSchema.parse(presentLink(fullRow));
    for (const column of LINK_COLUMNS) {
      if (elsewhere.has(column)) continue;
      const api = LINK_FIELDS[column].api;
      expect(atPath(onEdit, api), column).toEqual(column === "passwordHash" ? "secret1" : atPath(asStored, api));
    }
  });

  it("CSV import reads, and export writes, every field with a CSV column (the password is never exported)", () => {
    for (const column of LINK_COLUMNS) {
      const csv = LINK_FIELDS[column].csv;
      if (!csv) continue;
      expect(IMPORT_COLUMN_NAMES, column).toContain(csv.name);
      if (column === "passwordHash") expect(EXPORT_COLUMN_NAMES).not.toContain(csv.name);
      else expect(EXPORT_COLUMN_NAMES, column).toContain(csv.name);
    }
    expect(IMPORT_COLUMN_NAMES).toContain("tags");
    expect(new Set(EXPORT_COLUMN_NAMES).size).toBe(EXPORT_COLUMN_NAMES.length);
  });

  it("the redirect selects exactly the columns it reads: changing any one of them changes what it keeps", () => {
    const selected: RedirectRow = Object.fromEntries(REDIRECT_COLUMNS.map((c) => [c, fullRow[c]])) as RedirectRow;
    const link = toRedirectLink(selected);
    for (const [key, value] of Object.entries(link)) expect(value, key).not.toBeUndefined();
    expect(link).toMatchObject({ passwordHash: "hash", forwardQuery: false, redirectType: 308, iosUrl: "https://example.com/ios", og: { title: "Preview" } });
    const changed = (v: unknown): unknown =>
      typeof v === "string" ? `${v}-changed` : typeof v === "boolean" ? !v : typeof v === "number" ? v - 1 : v instanceof Date ? new Date(v.getTime() + 1000) : { FR: "https://example.com/fr" };
    for (const column of REDIRECT_COLUMNS) {
      expect(toRedirectLink({ ...selected, [column]: changed(selected[column]) }), column).not.toEqual(link);
    }
  });
});

describe("CAMPAIGN_FIELDS: every consumer covers every campaign field", () => {
  const row: Campaign = {
    id: "c1",
    workspaceId: "w1",
    name: "Spring",
    description: "Sale",
    startsAt: new Date("2026-03-01T00:00:00Z"),
    endsAt: new Date("2026-04-01T00:00:00Z"),
    utmSource: "news",
    utmMedium: "email",
    utmCampaign: "spring",
    utmTerm: "shoes",
    utmContent: "hero",
    createdAt: new Date("2026-01-01T00:00:00Z"),
    updatedAt: new Date("2026-01-01T00:00:00Z"),
  };
  const columns = Object.keys(CAMPAIGN_FIELDS) as CampaignColumn[];

  it("presentCampaign answers, the API accepts and toCampaignColumns writes every field", () => {
    const out = presentCampaign(row, { linkCount: 0, clicks: 0 });
    const parsed = updateCampaignSchema.parse(out);
    const written: Record<string, unknown> = toCampaignColumns(parsed);
    for (const column of columns) {
      const api = CAMPAIGN_FIELDS[column];
      expect(atPath(out, api), column).toEqual(row[column] instanceof Date ? row[column].toISOString() : row[column]);
      expect(Object.keys(createCampaignSchema.shape), column).toContain(topLevel(api));
      expect(written[column], column).toEqual(row[column]);
    }
  });
});
