import { rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { onChange, publishChanges, startChangeFeed, stopChangeFeed } from "./change-feed";

// The SQLite feed announces a change by writing PRAGMA user_version. That write
// needs the file's write lock, which a click batch may hold: it must not wait
// for it on the event loop (every visitor would wait too), and the change must
// still be announced once the lock is free. A file of its own, on either TEST_DB.
const file = path.join(os.tmpdir(), `pennant-feed-${process.pid}-${Date.now()}.db`);
afterAll(async () => {
  await stopChangeFeed();
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${file}${suffix}`, { force: true });
});

describe("the SQLite change feed", () => {
  it("announces a change made while another connection holds the write lock, once the lock is free, without blocking meanwhile", async () => {
    startChangeFeed({ redis: null, databaseUrl: `file:${file}` });
    const other = new Database(file);
    const version = () => other.pragma("user_version", { simple: true }) as number;
    const heard: (string | null)[] = [];
    onChange((c) => heard.push(c ? c.key : null));

    await publishChanges("link", ["example.com/free"]);
    const first = version();
    expect(first).not.toBe(0);

    other.exec("BEGIN IMMEDIATE"); // what a click writer's batch holds while it commits
    let settled = false;
    const announced = publishChanges("link", ["example.com/locked"]).then(() => (settled = true));
    // This instance forgets at once; the others are told when the file is free.
    expect(heard).toContain("example.com/locked");
    // Timers run while the lock is held (the event loop is free), and the announcement waits.
    for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 10));
    expect(settled).toBe(false);
    // A second change meanwhile joins the waiting announcement.
    const joined = publishChanges("link", ["example.com/also"]);
    other.exec("COMMIT");
    await Promise.all([announced, joined]);
    expect(settled).toBe(true);
    expect(version()).not.toBe(first);
    other.close();
  });
});
