import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { hasSpilledClicks } from "./click-buffer";

describe("clicks waiting on disk", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "pennant-spill-test-"));
  const spill = path.join(dir, "clicks-spill-abc.jsonl");
  beforeEach(() => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("are found in the spill file, or in a claim left by a process that is gone", () => {
    expect(hasSpilledClicks(spill)).toBe(false);
    writeFileSync(spill, "{}\n");
    expect(hasSpilledClicks(spill)).toBe(true);
    rmSync(spill);
    // A process id that cannot be running.
    writeFileSync(`${spill}.2147483646.1.draining`, "{}\n");
    expect(hasSpilledClicks(spill)).toBe(true);
  });

  it("counts a claim under this process's own id as left over (containers reuse ids), but not a living process's claim", () => {
    writeFileSync(`${spill}.${process.pid}.1.draining`, "{}\n");
    expect(hasSpilledClicks(spill)).toBe(true);
    rmSync(`${spill}.${process.pid}.1.draining`);
    writeFileSync(`${spill}.${process.ppid}.1.draining`, "{}\n");
    expect(hasSpilledClicks(spill)).toBe(false);
    // Other databases' files are not ours.
    writeFileSync(path.join(dir, "clicks-spill-def.jsonl"), "{}\n");
    expect(hasSpilledClicks(spill)).toBe(false);
  });
});
