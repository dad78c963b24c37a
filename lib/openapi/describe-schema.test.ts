import { describe, expect, it } from "vitest";
import { z } from "zod";
import { constraints, fieldsOf, typeLabel } from "./describe-schema";

const json = (s: z.ZodType) => z.toJSONSchema(s, { io: "input" }) as Record<string, unknown>;

describe("describe-schema", () => {
  it("names types the way the reference shows them", () => {
    expect(typeLabel(json(z.string().nullish()))).toBe("string | null");
    expect(typeLabel(json(z.array(z.string())))).toBe("array of string");
    expect(typeLabel(json(z.enum(["a", "b"])))).toBe('"a" | "b"');
    expect(typeLabel(json(z.union([z.literal(301), z.literal(302)])))).toBe("301 | 302");
    expect(typeLabel(json(z.record(z.string(), z.string())))).toBe("map of string");
    expect(typeLabel({ $ref: "#/components/schemas/T" }, { T: { type: "integer" } })).toBe("integer");
  });

  it("lists object fields with required flags, nested ones by path, and their limits", () => {
    const rows = fieldsOf(json(z.object({ url: z.string(), limit: z.number().int().min(1).max(100).default(25), utm: z.object({ source: z.string().max(200) }).optional() })));
    expect(rows.map((r) => [r.name, r.type, r.required])).toEqual([
      ["url", "string", true],
      ["limit", "integer", false],
      ["utm", "object", false],
      ["utm.source", "string", true],
    ]);
    expect(rows[1]?.notes).toEqual(["1–100", "default 25"]);
    expect(constraints(json(z.string().min(1).max(64)))).toEqual(["1–64 characters"]);
  });
});
