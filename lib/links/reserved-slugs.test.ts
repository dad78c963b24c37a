import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { slugOf } from "@/lib/redirect/parse-visit";
import { RESERVED_SLUGS, slugSchema } from "./slug";

const app = path.join(import.meta.dirname, "..", "..", "app");
/** What Next serves at the root from app/: metadata files and top-level pages. */
const METADATA = /^(favicon\.ico|(icon|apple-icon)\d*\.(svg|png|ico|jpg)|manifest\.ts)$/;

describe("reserved slugs", () => {
  it("cover every file Next serves at the root from app/ (icons, manifest) and every top-level page", () => {
    const entries = readdirSync(app, { withFileTypes: true });
    const paths = entries.flatMap((e) => {
      if (e.isFile() && METADATA.test(e.name)) return [e.name === "manifest.ts" ? "manifest.webmanifest" : e.name];
      if (e.isDirectory() && !e.name.startsWith("(") && !e.name.startsWith("[")) return [e.name];
      return [];
    });
    expect(paths).toEqual(expect.arrayContaining(["favicon.ico", "icon.svg", "apple-icon.png", "manifest.webmanifest"]));
    for (const p of paths) {
      expect(RESERVED_SLUGS.has(p), `/${p} is the app's, not a short link`).toBe(true);
      expect(slugOf(`/${p}`)).toBeNull();
      expect(slugSchema.safeParse(p).success).toBe(false);
    }
  });
});
