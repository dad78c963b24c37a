// `npm run db:migration -- <name>`, after editing prisma/schema.base.prisma:
// regenerates the provider schemas, then writes for each provider
// prisma/<provider>/migrations/<UTC timestamp>_<name>/migration.sql, the SQL from
// what the existing migrations build to the new schema, plus a schema.prisma
// snapshot next to it. The "from" side: SQLite pulls a freshly migrated database;
// PostgreSQL (where `db pull` fails) uses the newest migration's snapshot, which
// `npm run db:check` keeps honest.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrations, diffUrl, prisma, pulledSqliteSchema, root, runSchemas, schemaFile, withoutPartialIndexes, type Provider } from "./db-check";

const name = process.argv[2] ?? "";
if (!/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration -- <name>   (name: lowercase letters, digits, _)");
  process.exit(1);
}
if (!runSchemas()) process.exit(1);

const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14); // YYYYMMDDHHMMSS, UTC
const tmp = mkdtempSync(path.join(os.tmpdir(), "pennant-db-migration-"));
try {
  for (const provider of ["sqlite", "postgres"] as Provider[]) {
    const latest = migrations(provider).at(-1);
    if (latest && path.basename(latest).slice(0, 14) >= stamp) {
      throw new Error(`${provider}: the newest migration ${path.basename(latest)} is not older than ${stamp}`);
    }
    let from = ["--from-empty"];
    if (latest && provider === "sqlite") from = ["--from-schema-datamodel", pulledSqliteSchema(tmp)];
    if (latest && provider === "postgres") {
      const snapshot = path.join(latest, "schema.prisma");
      if (!existsSync(snapshot)) throw new Error(`postgres: ${snapshot} is missing; cannot tell what the migrations build`);
      from = ["--from-schema-datamodel", snapshot];
    }
    const args = ["migrate", "diff", ...from, "--to-schema-datamodel", schemaFile(provider), "--script", "--exit-code"];
    const diff = prisma(diffUrl(tmp), args, [0, 2]);
    // `db pull` leaves partial indexes out: the diff would create their plain forms again.
    const sql = diff.status === 0 ? "" : provider === "sqlite" && latest ? `${withoutPartialIndexes(diff.stdout, tmp).join("\n\n")}\n` : diff.stdout;
    if (!sql.trim()) {
      console.log(`${provider}: nothing to do, the migrations already build the schema`);
      continue;
    }
    const dir = path.join(root, "prisma", provider, "migrations", `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "migration.sql"), sql);
    copyFileSync(schemaFile(provider), path.join(dir, "schema.prisma"));
    console.log(`${provider}: wrote ${path.relative(root, dir)}/migration.sql (review it, then npm run db:check)`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
