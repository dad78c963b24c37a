// `npm run db:check` (CI runs it): fails when the checked-in migrations of a
// provider do not build exactly prisma/<provider>/schema.prisma.
//   1. the provider schemas are up to date with prisma/schema.base.prisma;
//   2. SQLite: migrate a fresh file, `db pull` it, diff that with the schema;
//   3. PostgreSQL (`db pull` fails there): migrate one fresh database, create
//      another straight from the schema, and compare their pg_dump catalogs;
//   4. the schema snapshot kept with the newest migration (which
//      `npm run db:migration` diffs from) equals the current schema.
// Also exports the helpers scripts/db-migration.ts uses.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import pg from "pg";

export type Provider = "sqlite" | "postgres";
export const root = path.resolve(import.meta.dirname, "..");
const cli = createRequire(import.meta.url).resolve("prisma/build/index.js");
/**
 * DATABASE_URL for schema-to-schema diffs. Their SQL dialect comes from the
 * datamodels; a throwaway SQLite URL keeps the CLI from connecting anywhere
 * (a PostgreSQL URL makes the pg adapter connect, and linger ~10 s on exit).
 */
export const diffUrl = (tmp: string) => `file:${path.join(tmp, "diff.db")}`;

export const schemaFile = (p: Provider) => path.join(root, "prisma", p, "schema.prisma");
const rel = (file: string) => path.relative(root, file);

/** Runs the Prisma CLI for the provider that databaseUrl names; throws on an unexpected exit code. */
export function prisma(databaseUrl: string, args: string[], okCodes = [0]) {
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    encoding: "utf8",
  });
  if (r.status === null || !okCodes.includes(r.status)) {
    throw new Error(`prisma ${args.join(" ")} failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
  }
  return { status: r.status, stdout: r.stdout };
}

/** Runs scripts/db-schemas.ts (with --check: fails when a provider schema is stale). */
export function runSchemas(...args: string[]): boolean {
  const script = path.join(root, "scripts/db-schemas.ts");
  const r = spawnSync(process.execPath, ["--import", "tsx", script, ...args], { cwd: root, stdio: "inherit" });
  return r.status === 0;
}

/** Absolute paths of the provider's migration folders, oldest first. */
export function migrations(p: Provider): string[] {
  const dir = path.join(root, "prisma", p, "migrations");
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, "migration.sql")))
    .map((e) => path.join(dir, e.name))
    .sort();
}

/** The datamodel of a fresh SQLite database built from the checked-in migrations, as a file in tmp. */
export function pulledSqliteSchema(tmp: string): string {
  const url = `file:${path.join(tmp, "migrated.db")}`;
  prisma(url, ["migrate", "deploy"]);
  const printed = prisma(url, ["db", "pull", "--print"]).stdout;
  const start = printed.indexOf("generator client");
  if (start < 0) throw new Error(`unexpected output from prisma db pull --print:\n${printed}`);
  const file = path.join(tmp, "pulled.prisma");
  writeFileSync(file, printed.slice(start));
  return file;
}

/** Problems with the snapshot kept with the newest migration (empty when it equals the schema). */
function checkSnapshot(p: Provider, tmp: string): string[] {
  const latest = migrations(p).at(-1);
  const snapshot = latest && path.join(latest, "schema.prisma");
  if (!snapshot || !existsSync(snapshot)) {
    return [`the newest migration has no schema.prisma snapshot (create migrations with npm run db:migration)`];
  }
  const args = ["migrate", "diff", "--from-schema-datamodel", snapshot, "--to-schema-datamodel", schemaFile(p), "--exit-code"];
  const same = prisma(diffUrl(tmp), args, [0, 2]).status === 0;
  return same ? [] : [`${rel(snapshot)} differs from ${rel(schemaFile(p))}`];
}

/**
 * Prisma cannot declare a partial index, and `db pull` leaves one out: the
 * schema's plain @@index it stands for then looks missing. An index the
 * migrations made partial (by hand, on the schema's columns) counts as there.
 */
function partialIndexes(db: string): Set<string> {
  const conn = new Database(db, { readonly: true });
  try {
    const rows = conn.prepare(`SELECT "name" FROM sqlite_master WHERE "type" = 'index' AND "sql" LIKE '% WHERE %'`).all() as { name: string }[];
    return new Set(rows.map((r) => r.name));
  } finally {
    conn.close();
  }
}

/**
 * A SQLite diff script's statements (after pulledSqliteSchema(tmp)), each with
 * its "-- CreateIndex" style comment, less the plain forms of the indexes the
 * migrations made partial.
 */
export function withoutPartialIndexes(script: string, tmp: string): string[] {
  const partial = partialIndexes(path.join(tmp, "migrated.db"));
  const createdIndex = (st: string) => /^(?:--[^\n]*\n)*CREATE INDEX "([^"]+)"/.exec(st)?.[1];
  return script
    .split(/\n\s*\n/)
    .map((st) => st.trim())
    .filter((st) => st && !partial.has(createdIndex(st) ?? ""));
}

function checkSqlite(tmp: string): string[] {
  const pulled = pulledSqliteSchema(tmp);
  const args = ["migrate", "diff", "--from-schema-datamodel", pulled, "--to-schema-datamodel", schemaFile("sqlite")];
  const r = prisma(diffUrl(tmp), [...args, "--script", "--exit-code"], [0, 2]);
  const triggers = sqliteTriggers(path.join(tmp, "migrated.db"));
  const missing = missingTriggers("sqlite", (t) => triggers.has(t));
  const lacking = r.status === 0 ? [] : withoutPartialIndexes(r.stdout, tmp);
  return lacking.length === 0 ? missing : [`the migrations lack this SQL:\n${indent(lacking.join("\n\n"))}`, ...missing];
}

/** Prisma cannot declare storage parameters: migrations set them by hand, so only they have them. */
const STORAGE = "storage";

/**
 * Prisma cannot declare triggers either: migrations create them by hand, so
 * only they have them. These must exist (lib/analytics/link-map.ts relies on
 * them); a SQLite migration that rebuilds one of their tables drops them.
 */
const TRIGGERS: Record<Provider, string[]> = {
  sqlite: ["insert", "delete", "update"].flatMap((op) => ["Link", "LinkTag", "Channel"].map((t) => `${t}_linkMap_${op}`)),
  postgres: ["Link_linkMap_write", "Link_linkMap_update", "LinkTag_linkMap_write", "Channel_linkMap_write", "Channel_linkMap_update"],
};
const handMade = (statement: string) => /^CREATE (FUNCTION|TRIGGER) /.test(statement);
const missingTriggers = (p: Provider, have: (name: string) => boolean) => TRIGGERS[p].filter((t) => !have(t)).map((t) => `the migrations do not create the trigger ${t} (a migration that rebuilds its table creates it again, by hand)`);

function sqliteTriggers(db: string): Set<string> {
  const conn = new Database(db, { readonly: true });
  try {
    return new Set((conn.prepare(`SELECT "name" FROM sqlite_master WHERE "type" = 'trigger'`).all() as { name: string }[]).map((r) => r.name));
  } finally {
    conn.close();
  }
}

/** A schema-only dump as a sorted list of one-line statements, without Prisma's bookkeeping table. */
function catalog(url: string): string[] {
  const r = spawnSync("pg_dump", ["--schema-only", "--no-owner", "--no-privileges", `--dbname=${url}`], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`pg_dump failed: ${r.error?.message ?? r.stderr}`);
  return r.stdout
    .replace(/\$\$[\s\S]*?\$\$/g, (body) => body.replace(/\s+/g, " ")) // a function's body on one line
    .split(";\n")
    .map((s) => s.split("\n").filter((l) => l.trim() && !/^(--|\\|SET |SELECT pg_catalog\.set_config)/.test(l)))
    .filter((lines) => lines.length > 0 && !lines.join(" ").includes("_prisma_migrations"))
    .flatMap((lines) => {
      // One entry per column: column order is not schema (ADD COLUMN appends), and diffs read better.
      const table = /^CREATE TABLE (.*) \($/.exec(lines[0] ?? "")?.[1];
      if (!table) return [lines.join(" ")];
      // Storage parameters (fillfactor) follow the closing parenthesis on a line of their own.
      const storage = lines.at(-1)?.startsWith("WITH (") ? [`${table} ${STORAGE} ${lines.pop()}`] : [];
      return [`CREATE TABLE ${table}`, ...lines.slice(1, -1).map((l) => `${table} column ${l.trim().replace(/,$/, "")}`), ...storage];
    })
    .map((s) => s.replace(/\s+/g, " ").trim())
    .sort();
}

/** Problems found, or null when PostgreSQL is unreachable outside CI (skipped). */
async function checkPostgres(tmp: string): Promise<string[] | null> {
  const admin = process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
  const client = new pg.Client({ connectionString: admin });
  try {
    await client.connect();
  } catch (error) {
    const why = `PostgreSQL is unreachable at ${admin.replace(/:[^:@/]*@/, ":***@")}: ${(error as Error).message}`;
    if (process.env.CI === "true") throw new Error(`postgres: ${why} (CI=true, so this check is required)`);
    console.warn(`\n*** WARNING: ${why}\n*** WARNING: PostgreSQL migrations were NOT checked (CI will check them).\n`);
    return null;
  }
  const suffix = `${process.pid}_${Date.now().toString(36)}`;
  const [migrated, direct] = [`pennant_check_migrated_${suffix}`, `pennant_check_schema_${suffix}`];
  const urlOf = (db: string) => Object.assign(new URL(admin), { pathname: `/${db}` }).toString();
  try {
    for (const db of [migrated, direct]) await client.query(`CREATE DATABASE "${db}"`);
    prisma(urlOf(migrated), ["migrate", "deploy"]);
    const sql = prisma(diffUrl(tmp), ["migrate", "diff", "--from-empty", "--to-schema-datamodel", schemaFile("postgres"), "--script"]).stdout;
    const target = new pg.Client({ connectionString: urlOf(direct) });
    await target.connect();
    try {
      await target.query(sql);
    } finally {
      await target.end();
    }
    const [a, b] = [catalog(urlOf(migrated)), catalog(urlOf(direct))];
    const onlyA = a.filter((s) => !b.includes(s) && !s.includes(` ${STORAGE} WITH (`) && !handMade(s));
    const onlyB = b.filter((s) => !a.includes(s));
    const missing = missingTriggers("postgres", (t) => a.some((s) => s.startsWith(`CREATE TRIGGER "${t}" `)));
    if (onlyA.length === 0 && onlyB.length === 0) return missing;
    return [
      ...missing,
      "the database built from the migrations differs from one built from the schema:",
      ...onlyA.map((s) => `  - only from migrations: ${s}`),
      ...onlyB.map((s) => `  + only from schema:     ${s}`),
    ];
  } finally {
    for (const db of [migrated, direct]) {
      await client.query(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`).catch((e: Error) => console.error(`could not drop ${db}: ${e.message}`));
    }
    await client.end();
  }
}

const indent = (text: string) => text.replace(/^/gm, "    ");

function report(p: Provider, problems: string[]): boolean {
  if (problems.length === 0) {
    console.log(`${p}: migrations match schema`);
    return true;
  }
  console.error(`${p}: migrations do NOT match ${rel(schemaFile(p))}`);
  for (const problem of problems) console.error(indent(problem));
  console.error(`  run npm run db:migration -- <name>`);
  return false;
}

async function main(): Promise<void> {
  let ok = runSchemas("--check");
  const tmp = mkdtempSync(path.join(os.tmpdir(), "pennant-db-check-"));
  try {
    ok = report("sqlite", [...checkSqlite(tmp), ...checkSnapshot("sqlite", tmp)]) && ok;
    const pgProblems = await checkPostgres(tmp);
    const snapshot = checkSnapshot("postgres", tmp);
    if (pgProblems) ok = report("postgres", [...pgProblems, ...snapshot]) && ok;
    else if (snapshot.length > 0) ok = report("postgres", snapshot) && ok;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  process.exit(ok ? 0 : 1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
