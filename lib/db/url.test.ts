import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_SQLITE_URL, resolveDatabase } from "./url";

const tmp = mkdtempSync(path.join(os.tmpdir(), "pennant-url-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("resolveDatabase", () => {
  it("picks PostgreSQL for postgres:// and postgresql:// and keeps the URL as given", () => {
    expect(resolveDatabase("postgres://app:pw@db:5432/pennant")).toEqual({ provider: "postgres", url: "postgres://app:pw@db:5432/pennant" });
    expect(resolveDatabase("postgresql://db/pennant?sslmode=require")).toEqual({ provider: "postgres", url: "postgresql://db/pennant?sslmode=require" });
    expect(resolveDatabase("  POSTGRES://db/p ").provider).toBe("postgres");
  });

  it("picks a SQLite file for file: URLs, as an absolute path, creating its folder", () => {
    const file = path.join(tmp, "nested", "dir", "app.db");
    expect(resolveDatabase(`file:${file}`)).toEqual({ provider: "sqlite", url: file });
    expect(existsSync(path.dirname(file))).toBe(true);
    expect(existsSync(file)).toBe(false);
  });

  it("reads relative SQLite paths from the working directory and drops query options", () => {
    expect(resolveDatabase("file:./data/app.db?connection_limit=1")).toEqual({ provider: "sqlite", url: path.resolve(process.cwd(), "data/app.db") });
  });

  it("falls back to the default SQLite file when DATABASE_URL is unset or blank", () => {
    const expected = path.resolve(process.cwd(), DEFAULT_SQLITE_URL.slice("file:".length));
    expect(resolveDatabase(undefined)).toEqual({ provider: "sqlite", url: expected });
    expect(resolveDatabase("   ")).toEqual({ provider: "sqlite", url: expected });
  });

  it("refuses other schemes and an empty file path with a message saying what to use", () => {
    expect(() => resolveDatabase("mysql://db/pennant")).toThrow(/must start with file: \(SQLite\) or postgres:\/\/ \(PostgreSQL\); got "mysql:\/\/db\/pennant"/);
    expect(() => resolveDatabase("./data/pennant.db")).toThrow(/must start with file:/);
    expect(() => resolveDatabase("file:")).toThrow(/needs a path/);
  });
});
