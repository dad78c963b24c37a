import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { resolveDatabase } from "./url";

/**
 * Applies the checked-in migrations of the provider DATABASE_URL names
 * (prisma/<provider>/migrations) with `prisma migrate deploy`. Idempotent.
 */
export function migrateDatabase(databaseUrl = process.env.DATABASE_URL, opts: { quiet?: boolean } = {}): void {
  const target = resolveDatabase(databaseUrl);
  const require = createRequire(import.meta.url);
  const cli = require.resolve("prisma/build/index.js");
  const root = path.dirname(require.resolve("../../package.json"));
  const preload = path.join(root, "lib", "db", "unref-long-timers.cjs");
  const result = spawnSync(process.execPath, ["--require", preload, cli, "migrate", "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: target.provider === "sqlite" ? `file:${target.url}` : target.url, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    encoding: "utf8",
  });
  if (result.status !== 0) {
    throw new Error(`Migrations failed on ${target.provider}:\n${result.stdout}\n${result.stderr}`);
  }
  if (!opts.quiet) {
    const applied = /(\d+) migrations? found/.exec(result.stdout)?.[0] ?? "";
    console.log(`[pennant] database ready (${target.provider}) ${applied}`.trim());
  }
}
