import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;
const integration = process.env.TEST_KIND === "int";

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // Outside Next's bundler `server-only` would throw; tests are server code.
      "server-only": path.join(root, "tests/setup/server-only.ts"),
    },
  },
  test: {
    include: integration ? ["**/*.int.test.ts"] : ["**/*.test.ts"],
    exclude: [
      "node_modules/**",
      "generated/**",
      ".next/**",
      "e2e/**",
      ...(integration ? [] : ["**/*.int.test.ts"]),
      // The log test drives the development server, whose logging does not depend on the
      // database; it runs with int:sqlite only, because int:postgres runs beside it and two
      // development servers cannot share the .next folder.
      ...(process.env.TEST_DB === "postgres" ? ["tests/secrets-in-logs.int.test.ts"] : []),
    ],
    environment: "node",
    globalSetup: integration ? ["tests/setup/int-global.ts"] : [],
    setupFiles: integration ? ["tests/setup/int-env.ts"] : [],
    // One database per run, shared by the files: run them one after another.
    fileParallelism: !integration,
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
