import { describe, expect, it } from "vitest";
import { createLinkSchema } from "./schemas";

describe("createLinkSchema geo targets", () => {
  it("explains a bad country code in plain words, at the key the form shows it", () => {
    const r = createLinkSchema.safeParse({ url: "https://example.com", geo: { X: "https://example.de/" } });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({ path: ["geo", "X"], message: "Use two-letter country codes (ISO 3166-1), like DE or US." });
  });

  it("accepts lower-case codes and stores them upper-case", () => {
    expect(createLinkSchema.parse({ url: "https://example.com", geo: { de: "https://example.de/" } }).geo).toEqual({ DE: "https://example.de/" });
  });
});
