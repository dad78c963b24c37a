import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * A form pressed before the page's script has run is sent by the browser
 * itself, and a form that names no method is sent as GET: every field lands
 * in the address, a password included, and from there in history, server
 * logs and the next page's Referer. So every form says how it is sent: POST
 * (or an action of its own) for what people type, GET only where the fields
 * belong in the address (search and filters).
 */
const root = path.resolve(import.meta.dirname, "..");

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" ? [] : files(p);
    return e.name.endsWith(".tsx") ? [p] : [];
  });
}

/** Each `<form …>` opening tag of a file, braces balanced. */
function formTags(source: string): string[] {
  const tags: string[] = [];
  for (const m of source.matchAll(/<form(?=[\s>])/g)) {
    let depth = 0;
    let j = m.index + 5;
    for (; j < source.length; j++) {
      const c = source[j];
      if (c === "{") depth++;
      else if (c === "}") depth--;
      else if (c === ">" && depth === 0) break;
    }
    tags.push(source.slice(m.index, j + 1));
  }
  return tags;
}


describe("forms", () => {
  const all = ["app", "components"].flatMap((d) => files(path.join(root, d))).flatMap((f) => formTags(readFileSync(f, "utf8")).map((tag) => ({ file: path.relative(root, f), tag })));

  it("are found (the scan reads the tags)", () => {
    expect(all.length).toBeGreaterThan(20);
  });

  it("each say how they are sent before the script runs", () => {
    const silent = all.filter(({ tag }) => !/\s(method|action)=/.test(tag)).map(({ file }) => file);
    expect(silent).toEqual([]);
  });

  it("with a password field never go by GET", () => {
    const sources = ["app", "components"].flatMap((d) => files(path.join(root, d))).filter((f) => /type="password"/.test(readFileSync(f, "utf8")));
    const getting = sources.filter((f) => formTags(readFileSync(f, "utf8")).some((tag) => /method="get"/i.test(tag)));
    expect(sources.length).toBeGreaterThan(2);
    expect(getting.map((f) => path.relative(root, f))).toEqual([]);
  });
});
