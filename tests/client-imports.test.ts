import { readdirSync, readFileSync, existsSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Server code stays out of browser bundles by construction: from every
 * "use client" module, no chain of value imports reaches Node's built-ins,
 * a `server-only` module, or the database client. (A constant imported from
 * a module that imports node:crypto once cost every links page 136 KB.)
 */
const root = path.resolve(import.meta.dirname, "..");

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" ? [] : files(p);
    return /\.(ts|tsx)$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [p] : [];
  });
}

function resolve(from: string, spec: string): string | null {
  const base = spec.startsWith("@/") ? path.join(root, spec.slice(2)) : spec.startsWith(".") ? path.resolve(path.dirname(from), spec) : null;
  if (!base) return null;
  for (const c of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) if (existsSync(c) && statSync(c).isFile()) return c;
  return null;
}

/** Value imports only: `import type …` and `export type …` are erased by the compiler. */
function valueImports(source: string): string[] {
  const specs: string[] = [];
  const re = /^\s*(import|export)\s+(type\s+)?([^'"]*?\s+from\s+)?["']([^"']+)["']/gm;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    if (m[2]) continue;
    const names = m[3] ?? "";
    // `import { type A, type B } from` is erased too.
    const inner = /\{([^}]*)\}/.exec(names)?.[1];
    if (inner && !/^[^,]*\w/.test(names.replace(/\{[^}]*\}/, "")) && inner.split(",").every((n) => !n.trim() || n.trim().startsWith("type "))) continue;
    specs.push(m[4]!);
  }
  return specs;
}

function forbidden(spec: string): string | null {
  if (spec.startsWith("node:")) return spec;
  if (spec === "server-only") return spec;
  // zod is 29 KB compressed in the browser: client code takes plain constants from modules without it.
  if (spec === "zod") return spec;
  if (/^(fs|path|crypto|os|net|tls|http|https|dns|child_process|stream|zlib)$/.test(spec)) return spec;
  if (/^@\/lib\/db\//.test(spec) || /generated\/prisma/.test(spec)) return spec;
  return null;
}

describe("client bundles", () => {
  const clients = [...files(path.join(root, "components")), ...files(path.join(root, "app"))].filter((f) => /^\s*["']use client["']/.test(readFileSync(f, "utf8")));

  it("finds the client components", () => {
    expect(clients.length).toBeGreaterThan(20);
  });

  it.each(clients.map((f) => [path.relative(root, f)]))("%s reaches no server-only code", (rel) => {
    const seen = new Set<string>();
    const problems: string[] = [];
    const walk = (file: string, chain: string[]) => {
      if (seen.has(file)) return;
      seen.add(file);
      // A "use server" module reaches the browser as references to its actions, never as code.
      if (chain.length && /^\s*["']use server["']/.test(readFileSync(file, "utf8"))) return;
      for (const spec of valueImports(readFileSync(file, "utf8"))) {
        const bad = forbidden(spec);
        if (bad) problems.push([...chain, path.relative(root, file), bad].join(" -> "));
        const next = resolve(file, spec);
        if (next) walk(next, [...chain, path.relative(root, file)]);
      }
    };
    walk(path.join(root, rel), []);
    expect(problems).toEqual([]);
  });
});
