import { describe, expect, it } from "vitest";
import { createCampaignSchema, updateCampaignSchema } from "@/lib/campaigns/schemas";
import { AppError } from "@/lib/errors";
import { bulkCreateLinksSchema } from "@/lib/links/bulk-create-links";
import { createLinkSchema, updateLinkSchema } from "@/lib/links/schemas";
import { updateTagSchema } from "@/lib/tags/schemas";
import { refuseUnknownFields, unknownFields } from "./unknown-fields";

function refusal(schema: Parameters<typeof refuseUnknownFields>[0], body: unknown) {
  try {
    refuseUnknownFields(schema, body);
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    const e = err as AppError;
    return { code: e.code, status: e.status, message: e.message, fields: (e.details as { fields: Record<string, string> }).fields };
  }
  return null;
}

describe("unknown fields in API bodies", () => {
  it("lets through every field the schema names, nested ones included", () => {
    const link = {
      url: "https://example.com", slug: "spring", domain: "go.example.com", title: "T", description: "D", tags: ["a"], campaignId: null,
      channelId: null, utm: { source: "news", medium: "email" }, expiresAt: null, expiredUrl: null, maxClicks: 5, password: null,
      disabled: false, archived: false, redirectType: 301, forwardQuery: true, ios: null, android: null, geo: { DE: "https://example.de" },
      og: { title: "x", image: null }, notes: "n",
    };
    expect(unknownFields(createLinkSchema, link)).toEqual([]);
    expect(unknownFields(updateLinkSchema, { title: "only this" })).toEqual([]);
    expect(unknownFields(bulkCreateLinksSchema, { links: [link, { url: "https://example.org" }] })).toEqual([]);
    expect(refusal(createCampaignSchema, { name: "Spring" })).toBeNull();
  });

  it("refuses a misspelt field with 422, naming it and the field meant", () => {
    expect(refusal(createLinkSchema, { url: "https://example.com", expireAt: "2026-12-31T00:00:00Z" })).toEqual({
      code: "validation_failed",
      status: 422,
      message: 'Unknown field "expireAt". Did you mean "expiresAt"?',
      fields: { expireAt: 'Unknown field. Did you mean "expiresAt"?' },
    });
  });

  it("finds unknown fields inside nested objects and array items, at zod's paths", () => {
    const r = refusal(bulkCreateLinksSchema, { links: [{ url: "https://a.example" }, { url: "https://b.example", utm: { sorce: "x" } }] });
    expect(r?.message).toBe('Unknown field "links.1.utm.sorce". Did you mean "source"?');
    const many = refusal(updateLinkSchema, { og: { titel: "x" }, colour: "red" });
    expect(many?.message).toBe('Unknown fields: "og.titel", "colour". See details.fields.');
    expect(many?.fields.colour).toMatch(/^Unknown field\. Known here: url, slug, domain, /);
  });

  it("explains a field that exists but cannot be sent here", () => {
    const r = refusal(updateTagSchema, { name: "x", id: "t1" });
    expect(r?.message).toMatch(/^Unknown field "id"/);
    refuseUnknownFields(updateTagSchema, { name: "x" }, { id: "never" });
    expect(() => refuseUnknownFields(updateTagSchema, { id: "t1" }, { id: "A tag's id cannot change." })).toThrow("A tag's id cannot change.");
  });

  it("walks schemas with refinements and partials, and leaves values of the wrong type to validation", () => {
    expect(refusal(updateCampaignSchema, { nmae: "x" })?.fields).toEqual({ nmae: 'Unknown field. Did you mean "name"?' });
    expect(refusal(updateTagSchema, { colr: "red" })?.message).toMatch(/^Unknown field "colr"/);
    for (const body of [null, "text", 42, [], { links: "not a list" }]) expect(refusal(bulkCreateLinksSchema, body)).toBeNull();
  });
});

describe("a __proto__ key", () => {
  it("is an unknown field like any other, and changes no object's prototype", () => {
    const body = JSON.parse('{"url": "https://example.com", "__proto__": {"polluted": true}}') as unknown;
    const r = refusal(createLinkSchema, body);
    expect(r).toMatchObject({ code: "validation_failed", status: 422 });
    expect(Object.keys(r!.fields)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
