import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

const root = import.meta.dirname;
const integration = process.env.TEST_KIND === "int";

const alias = {
  "@": root,
  // Outside Next's bundler `server-only` would throw; tests are server code.
  "server-only": path.join(root, "tests/setup/server-only.ts"),
};

/** Folders no test is looked for in (the integration scan skips them too, and .git). */
const SKIPPED = ["node_modules", "generated", ".next", "e2e"];

const exclude = [
  ...SKIPPED.map((dir) => `${dir}/**`),
  // The log test drives the development server, whose logging does not depend on the
  // database; it runs with int:sqlite only, because int:postgres runs beside it and two
  // development servers cannot share the .next folder.
  ...(integration && process.env.TEST_DB === "postgres" ? ["tests/secrets-in-logs.int.test.ts"] : []),
];

/**
 * Integration files that need a process of their own: they mock a module (vi.mock
 * replaces it in the module graph the file loads), or set process.env before
 * loading lib/ (lib/env.ts reads the environment once, and the redirect testbed
 * sets APP_URL). Found by reading each file, so a new file of either kind is
 * isolated without anyone remembering to list it.
 */
const NEEDS_OWN_PROCESS = /\bvi\.(mock|doMock|unmock|stubEnv|stubGlobal|resetModules)\(|\bprocess\.env\.\w+\s*=(?!=)|\bprocess\.env\[[^\]]+\]\s*=(?!=)|\bdelete process\.env\b|\bredirectTestbed\(/;

/** The integration test files, relative to the root, outside the folders `exclude` names. */
function integrationFiles(dir = ""): string[] {
  const skip = new Set([...SKIPPED, ".git"]);
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = dir ? `${dir}/${e.name}` : e.name;
    if (e.isDirectory()) return skip.has(e.name) ? [] : integrationFiles(rel);
    return e.name.endsWith(".int.test.ts") && !exclude.includes(rel) ? [rel] : [];
  });
}

/** Named as needing its own process before the scan existed; kept so until shown otherwise (it only spies on console.log). */
const OWN_PROCESS = ["lib/users/sign-up-confirmation.int.test.ts"];

function integrationProjects(): TestProjectInlineConfiguration[] {
  const files = integrationFiles().sort();
  const isolated = files.filter((f) => OWN_PROCESS.includes(f) || NEEDS_OWN_PROCESS.test(readFileSync(path.join(root, f), "utf8")));
  const project = (name: string, include: string[], forks: { singleFork?: boolean; isolate: boolean }, groupOrder: number): TestProjectInlineConfiguration => ({
    resolve: { alias },
    test: {
      name,
      include,
      environment: "node",
      setupFiles: ["tests/setup/int-env.ts"],
      pool: "forks",
      poolOptions: { forks },
      // The groups run one after the other, never side by side.
      sequence: { groupOrder },
      testTimeout: 20_000,
      hookTimeout: 60_000,
    },
  });
  return [
    // The rest share one process and one module graph, one file after another: a fresh
    // process per file spent about 2 s of CPU each starting and re-importing lib/.
    // Their in-memory state (rate limits, caches, the database client) is keyed by
    // what each file makes, so it does not leak from one file into another's assertions.
    project("int", files.filter((f) => !isolated.includes(f)), { singleFork: true, isolate: false }, 0),
    project("int-isolated", isolated, { isolate: true }, 1),
  ];
}

export default defineConfig({
  resolve: { alias },
  test: {
    include: integration ? ["**/*.int.test.ts"] : ["**/*.test.ts"],
    exclude: [...exclude, ...(integration ? [] : ["**/*.int.test.ts"])],
    environment: "node",
    // One database per run (made here, in the root project), shared by every file.
    globalSetup: integration ? ["tests/setup/int-global.ts"] : [],
    setupFiles: integration ? ["tests/setup/int-env.ts"] : [],
    // One database per run, shared by the files: run them one after another.
    fileParallelism: !integration,
    projects: integration ? integrationProjects() : undefined,
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
