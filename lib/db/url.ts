import path from "node:path";
import { mkdirSync } from "node:fs";

export type DatabaseProvider = "sqlite" | "postgres";
export interface DatabaseTarget {
  provider: DatabaseProvider;
  /** For SQLite, an absolute file path; for PostgreSQL, the connection string. */
  url: string;
}

export const DEFAULT_SQLITE_URL = "file:./data/pennant.db";

/**
 * One rule for the app, the CLI and the tests: postgres:// or postgresql://
 * means PostgreSQL, file: (or nothing) means an embedded SQLite file,
 * relative paths being relative to the working directory.
 */
export function resolveDatabase(raw: string | undefined): DatabaseTarget {
  const value = raw?.trim() || DEFAULT_SQLITE_URL;
  if (/^postgres(ql)?:\/\//i.test(value)) return { provider: "postgres", url: value };
  if (!value.startsWith("file:")) {
    throw new Error(
      `DATABASE_URL must start with file: (SQLite) or postgres:// (PostgreSQL); got "${value.slice(0, 40)}"`,
    );
  }
  const file = value.slice("file:".length).split("?")[0] ?? "";
  if (!file) throw new Error("DATABASE_URL=file: needs a path, e.g. file:./data/pennant.db");
  const absolute = path.resolve(/*turbopackIgnore: true*/ process.cwd(), file);
  mkdirSync(path.dirname(absolute), { recursive: true });
  return { provider: "sqlite", url: absolute };
}
