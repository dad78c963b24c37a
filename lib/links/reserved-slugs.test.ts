import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { RESERVED_SLUGS } from "./slug";

const root = path.resolve(import.meta.dirname, "../..");

/** Files in app/ that Next answers at a top-level path of their own (metadata routes). */
const METADATA_FILES: [RegExp, (name: string) => string][] = [
  [/^(robots)\.(ts|js|txt)$/, () => "robots.txt"],
  [/^(sitemap)\.(ts|js|xml)$/, () => "sitemap.xml"],
  [/^manifest\.(ts|js|json|webmanifest)$/, (n) => (n.endsWith(".webmanifest") ? "manifest.webmanifest" : "manifest.json")],
  [/^favicon\.ico$/, () => "favicon.ico"],
  [/^(icon|apple-icon|opengraph-image|twitter-image)\d*\.\w+$/, (n) => n.replace(/\.\w+$/, "")],
];

/**
 * The first path segment of every page and route under app/: route groups
 * "(name)" are looked through, private folders "_name" and dynamic segments
 * "[name]" are not paths of their own.
 */
function topLevelSegments(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) {
      if (entry.name.startsWith("(") && entry.name.endsWith(")")) return topLevelSegments(path.join(dir, entry.name));
      if (entry.name.startsWith("_") || entry.name.startsWith("[")) return [];
      return [entry.name];
    }
    const metadata = METADATA_FILES.find(([pattern]) => pattern.test(entry.name));
    return metadata ? [metadata[1](entry.name)] : [];
  });
}

describe("reserved slugs", () => {
  // server.ts answers a reserved path with the app, anything else as a short link:
  // a new top-level page missing here would be answered with the short-link 404.
  it("holds every top-level segment of app/", () => {
    const segments = topLevelSegments(path.join(root, "app"));
    expect(segments.length).toBeGreaterThan(5);
    expect(segments.filter((s) => !RESERVED_SLUGS.has(s.toLowerCase()))).toEqual([]);
  });

  it("holds every top-level file and folder of public/", () => {
    const dir = path.join(root, "public");
    const names = existsSync(dir) ? readdirSync(dir) : [];
    expect(names.filter((n) => !RESERVED_SLUGS.has(n.toLowerCase()))).toEqual([]);
  });
});
