import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { removeStaleSocketDirs } from "./next-process";

let tmp: string;
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

/** A pid no process has: above Linux's largest (2^22). */
const GONE = 4_194_305;

describe("removeStaleSocketDirs", () => {
  it("removes the socket folders of servers that are gone, and keeps live servers' and anything else", () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), "stale-sockets-"));
    const make = (name: string) => {
      mkdirSync(path.join(tmp, name));
      writeFileSync(path.join(tmp, name, "next.sock"), "");
    };
    make(`pennant-next-${GONE}-abc123`);
    make(`pennant-next-${process.pid}-def456`);
    make(`pennant-next-${process.ppid}-ghi789`);
    make("pennant-next-notapid");
    make("other-folder");
    removeStaleSocketDirs(tmp);
    expect(existsSync(path.join(tmp, `pennant-next-${GONE}-abc123`))).toBe(false);
    expect(existsSync(path.join(tmp, `pennant-next-${process.pid}-def456`))).toBe(true);
    expect(existsSync(path.join(tmp, `pennant-next-${process.ppid}-ghi789`))).toBe(true);
    expect(existsSync(path.join(tmp, "pennant-next-notapid"))).toBe(true);
    expect(existsSync(path.join(tmp, "other-folder"))).toBe(true);
  });
});
