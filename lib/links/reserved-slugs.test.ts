import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { slugOf } from "@/lib/redirect/parse-visit";
import { RESERVED_SLUGS, slugSchema } from "./slug";

const root = path.join(import.meta.dirname, "..", "..");
const app = path.join(root, "app");
/** What Next serves at the root from app/: metadata files and top-level pages. */
const METADATA = /^(favicon\.ico|(icon|apple-icon)\d*\.(svg|png|ico|jpg)|manifest\.ts|robots\.(ts|txt)|sitemap\.(ts|xml))$/;
const servedAs = (name: string) => ({ "manifest.ts": "manifest.webmanifest", "robots.ts": "robots.txt", "sitemap.ts": "sitemap.xml" })[name] ?? name;

/**
 * Every path Next answers at the root from `dir`: route groups "(name)" are
 * looked through; dynamic "[name]" and private "_name" folders are no path.
 */
function rootPaths(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.isFile() && METADATA.test(e.name)) return [servedAs(e.name)];
    if (!e.isDirectory() || e.name.startsWith("[") || e.name.startsWith("_")) return [];
    if (e.name.startsWith("(") && e.name.endsWith(")")) return rootPaths(path.join(dir, e.name));
    return [e.name];
  });
}

function expectReserved(paths: string[]) {
  for (const p of paths) {
    expect(RESERVED_SLUGS.has(p), `/${p} is the app's, not a short link`).toBe(true);
    expect(slugOf(`/${p}`)).toBeNull();
    expect(slugSchema.safeParse(p).success).toBe(false);
  }
}

describe("reserved slugs", () => {
  it("cover every file Next serves at the root from app/ (icons, manifest) and every top-level page, inside route groups too", () => {
    const paths = rootPaths(app);
    expect(paths).toEqual(expect.arrayContaining(["favicon.ico", "icon.svg", "apple-icon.png", "manifest.webmanifest", "signin", "signup", "w"]));
    expectReserved(paths);
  });

  it("cover every top-level file and folder of public/", () => {
    const dir = path.join(root, "public");
    expectReserved(existsSync(dir) ? readdirSync(dir) : []);
  });
});
