import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  campaignDetailOutputSchema,
  campaignOutputSchema,
  channelLinkSetOutputSchema,
  channelLinkSetSchema,
  createCampaignSchema,
  updateCampaignSchema,
} from "@/lib/campaigns/schemas";
import { channelOutputSchema, createChannelSchema, updateChannelSchema } from "@/lib/channels/schemas";
import { createLinkSchema, linkOutputSchema, updateLinkSchema } from "@/lib/links/schemas";
import type { Permission } from "@/lib/auth/permissions";
import { buildOpenApiDocument, errorStatuses, toSchema } from "./build-document";
import { COMPONENTS } from "./components";
import { OPERATIONS } from "./operations";

const withoutDescriptions = (v: unknown): unknown =>
  Array.isArray(v) ? v.map(withoutDescriptions) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).filter(([k]) => k !== "description").map(([k, x]) => [k, withoutDescriptions(x)])) : v;

describe("OpenAPI document", () => {
  const doc = buildOpenApiDocument("https://go.example.com/");

  it("is OpenAPI 3.1 with bearer auth, served under /api/v1", () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.servers).toEqual([{ url: "https://go.example.com/api/v1" }]);
    expect(doc.components.securitySchemes.bearerAuth).toEqual(expect.objectContaining({ type: "http", scheme: "bearer" }));
  });

  it("documents exactly the schemas the API parses and answers with (descriptions aside)", () => {
    const s = doc.components.schemas as Record<string, unknown>;
    expect(withoutDescriptions(s.LinkInput)).toEqual(withoutDescriptions(toSchema(createLinkSchema, "input")));
    expect(withoutDescriptions(s.LinkUpdate)).toEqual(withoutDescriptions(toSchema(updateLinkSchema, "input")));
    expect(withoutDescriptions(s.Link)).toEqual(withoutDescriptions(toSchema(linkOutputSchema, "output")));
    const same: [string, z.ZodType, "input" | "output"][] = [
      ["CampaignInput", createCampaignSchema, "input"],
      ["CampaignUpdate", updateCampaignSchema, "input"],
      ["Campaign", campaignOutputSchema, "output"],
      ["CampaignDetail", campaignDetailOutputSchema, "output"],
      ["ChannelLinkSetInput", channelLinkSetSchema, "input"],
      ["ChannelLinkSet", channelLinkSetOutputSchema, "output"],
      ["ChannelInput", createChannelSchema, "input"],
      ["ChannelUpdate", updateChannelSchema, "input"],
      ["Channel", channelOutputSchema, "output"],
    ];
    for (const [name, schema, io] of same) expect(withoutDescriptions(s[name]), name).toEqual(withoutDescriptions(toSchema(schema, io)));
  });

  it("describes the fields of the campaign and channel bodies, and keeps their validation (dates in order)", () => {
    const s = doc.components.schemas as Record<string, { required?: string[]; properties: Record<string, { description?: string }> }>;
    expect(s.CampaignInput!.required).toEqual(["name"]);
    expect(s.CampaignUpdate!.required ?? []).toEqual([]);
    expect(s.ChannelInput!.required).toEqual(["name", "kind", "utmSource", "utmMedium"]);
    expect(s.ChannelUpdate!.properties).not.toHaveProperty("key");
    expect(s.ChannelLinkSetInput!.required).toEqual(["url", "channelIds"]);
    for (const name of ["CampaignInput", "CampaignUpdate", "ChannelInput", "ChannelLinkSetInput"]) {
      for (const [field, prop] of Object.entries(s[name]!.properties)) expect(prop.description, `${name}.${field}`).toBeTruthy();
    }
    // describeFields must not drop the refinement the API validates with.
    const backwards = { name: "Backwards", startsAt: "2026-05-01T00:00:00Z", endsAt: "2026-04-01T00:00:00Z" };
    expect(COMPONENTS.CampaignInput.schema.safeParse(backwards).success).toBe(false);
    expect(COMPONENTS.CampaignUpdate.schema.safeParse(backwards).success).toBe(false);
  });

  it("closes request bodies to fields they do not name, as the API refuses them", () => {
    const s = doc.components.schemas as Record<string, { additionalProperties?: unknown; properties?: Record<string, { anyOf?: { additionalProperties?: unknown }[] }> }>;
    expect(s.LinkInput!.additionalProperties).toBe(false);
    expect(JSON.stringify(s.LinkInput!.properties!.utm)).toContain('"additionalProperties":false');
    // The geo map takes any country code as a key: still open, with its value rules.
    expect(JSON.stringify(s.LinkInput!.properties!.geo)).not.toContain('"additionalProperties":false');
    expect(s.BulkCreateLinks?.additionalProperties ?? s.BulkUpdateLinks!.additionalProperties).toBe(false);
  });

  it("documents every campaigns and channels endpoint with its permission", () => {
    const ops = Object.fromEntries(OPERATIONS.map((o) => [`${o.method.toUpperCase()} ${o.path}`, o]));
    const expected: Record<string, [string, Permission, number]> = {
      "GET /campaigns": ["listCampaigns", "campaigns.read", 200],
      "POST /campaigns": ["createCampaign", "campaigns.write", 201],
      "GET /campaigns/{id}": ["getCampaign", "campaigns.read", 200],
      "PATCH /campaigns/{id}": ["updateCampaign", "campaigns.write", 200],
      "DELETE /campaigns/{id}": ["deleteCampaign", "campaigns.write", 204],
      "POST /campaigns/{id}/links": ["createChannelLinkSet", "campaigns.write", 201],
      "GET /channels": ["listChannels", "campaigns.read", 200],
      "POST /channels": ["createChannel", "channels.manage", 201],
      "PATCH /channels/{id}": ["updateChannel", "channels.manage", 200],
      "DELETE /channels/{id}": ["deleteChannel", "channels.manage", 204],
    };
    for (const [key, [id, permission, status]] of Object.entries(expected)) {
      expect(ops[key], key).toMatchObject({ id, permission });
      expect(Object.keys(ops[key]!.responses), key).toEqual([String(status)]);
      if (ops[key]!.body) expect(ops[key]!.example, `${key} has a curl body`).toBeDefined();
    }
    expect(errorStatuses(ops["POST /campaigns/{id}/links"]!)).toEqual([400, 401, 403, 404, 422, 429]);
    expect(errorStatuses(ops["PATCH /channels/{id}"]!)).toEqual([400, 401, 403, 404, 422, 429]);
    expect(ops["GET /analytics"]).toMatchObject({ id: "getAnalytics", permission: "analytics.read" });
    expect(doc.tags.map((t) => t.name)).toEqual(["Links", "QR codes", "Bio pages", "Tags", "Campaigns", "Channels", "Workspaces", "Analytics"]);
  });

  it("documents the QR image as PNG or SVG with its query options, and the logo upload as multipart", () => {
    const get = doc.paths["/links/{id}/qr"]!.get as {
      "x-permission": string;
      parameters: { name: string; in: string; description?: string }[];
      responses: Record<string, { content?: Record<string, unknown> }>;
    };
    expect(get["x-permission"]).toBe("qr.read");
    expect(get.parameters.map((p) => p.name)).toEqual(["id", "format", "size", "fg", "bg", "level", "margin", "logo", "logoSize", "dots", "corners", "frame", "cta"]);
    for (const p of get.parameters) expect(p.description, p.name).toBeTruthy();
    expect(Object.keys(get.responses["200"]!.content!)).toEqual(["image/png", "image/svg+xml"]);
    expect(Object.keys(get.responses)).toEqual(["200", "401", "403", "404", "422", "429"]);
    const upload = doc.paths["/links/{id}/qr/logo"]!.post as { requestBody: { content: Record<string, { schema: { required: string[] } }> }; responses: Record<string, unknown> };
    expect(upload.requestBody.content["multipart/form-data"]!.schema.required).toEqual(["file"]);
    expect(Object.keys(upload.responses)).toEqual(["200", "400", "401", "403", "404", "422", "429"]);
  });

  it("has a route exporting each documented method, and every operation id once", () => {
    for (const op of OPERATIONS) {
      const file = path.join(process.cwd(), "app/api/v1", op.path.replace(/\{(\w+)\}/g, "[$1]"), "route.ts");
      expect(existsSync(file), `${op.method} ${op.path}`).toBe(true);
      expect(readFileSync(file, "utf8"), `${op.method} ${op.path}`).toMatch(new RegExp(`export (const|async function|function) ${op.method.toUpperCase()}\\b`));
    }
    expect(new Set(OPERATIONS.map((o) => o.id)).size).toBe(OPERATIONS.length);
  });

  it("gives authenticated operations 401, 403 and 429, bodies 400 and 422, ids 404", () => {
    const create = OPERATIONS.find((o) => o.id === "createLink")!;
    expect(errorStatuses(create)).toEqual([400, 401, 403, 409, 422, 429]);
    expect(errorStatuses(OPERATIONS.find((o) => o.id === "getLink")!)).toEqual([401, 403, 404, 429]);
    const responses = doc.paths["/links/{id}"]!.delete as { responses: Record<string, unknown> };
    expect(Object.keys(responses.responses)).toEqual(["204", "401", "403", "404", "429"]);
  });
});
