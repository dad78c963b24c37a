import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createLinkSchema, linkOutputSchema, updateLinkSchema } from "@/lib/links/schemas";
import { buildOpenApiDocument, errorStatuses, toSchema } from "./build-document";
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
