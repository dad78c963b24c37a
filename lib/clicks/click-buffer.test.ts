import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { BUFFER_LIMITS, clickBuffer, configureClickBuffer, decodeClicks, encodeClick, encodeClicks, flushClicks, hasSpilledClicks, joinChunks, recordClicks, type ClickChunk, type ClickRecord } from "./click-buffer";

const click = (n: number, workspaceId = "w1"): ClickRecord => ({
  id: String(n), createdAt: new Date(Date.UTC(2026, 10, 30, 9) + n), workspaceId, event: "click", linkId: "l1", bioPageId: null, bioBlockId: null, domain: "x.test",
  trigger: "link", referrerHost: null, referrer: null, utmSource: "a,b]", utmMedium: null, utmCampaign: null, utmTerm: null, utmContent: null,
  country: null, city: null, device: null, browser: null, os: null, visitorHash: "v", bot: false, counted: false,
});
const clicks = (from: number, n: number, workspaceId?: string) => Array.from({ length: n }, (_, i) => click(from + i, workspaceId));

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

describe("a click as it crosses to the writer", () => {
  it("comes back whole, hostile text and every millisecond of a second included", () => {
    const hostile = ['"quoted"', "back\\slash", "line\nbreak\ttab\u0000nul", "</script><b>", "emoji 🎉 and ümlaut", "lone \ud800 surrogate", "\u2028\u2029", ""];
    const base = Date.UTC(2026, 2, 29, 0, 59, 59);
    // In and out of order across seconds, as clicks of a retried batch may be: the cached second must never leak.
    const times = [base, base + 5, base + 50, base + 999, base + 1000, base + 1001, base + 500, base - 1, Date.UTC(1999, 11, 31, 23, 59, 59, 999), base + 86_400_000 * 400 + 7];
    const sent = times.map((t, i): ClickRecord => {
      const text = hostile[i % hostile.length]!;
      // Every field its own value, so a field moved or dropped on the way shows.
      return {
        id: `id${i}`, createdAt: new Date(t), workspaceId: `w${i}`, event: i % 2 ? "view" : "click", linkId: i % 2 ? null : `l${i}`, bioPageId: i % 2 ? `p${i}` : null,
        bioBlockId: i % 4 === 2 ? `b${i}` : null, domain: `d${i}${text}`, trigger: i % 3 ? "qr" : "bio", referrerHost: i % 2 ? null : `rh${i}${text}`, referrer: `r${i}${text}`,
        utmSource: `us${i}${text}`, utmMedium: i % 2 ? null : `um${i}`, utmCampaign: `uc${i}${text}`, utmTerm: `ut${i}${text}`, utmContent: `ux${i}${text}`,
        country: i % 3 ? "DE" : null, city: `c${i}${text}`, device: `dv${i}`, browser: `b${i}${text}`, os: `o${i}${text}`, visitorHash: `h${i}`,
        bot: i % 2 === 0, counted: i % 3 === 0,
      };
    });
    const chunk = encodeClicks(sent);
    expect(decodeClicks(chunk.json)).toEqual(sent);
    expect(sent.map((c) => JSON.parse(encodeClick(c))[1])).toEqual(sent.map((c) => c.createdAt.toJSON()));
    expect(chunk).toMatchObject({ n: sent.length, workspaces: sent.map((c) => c.workspaceId) });
  });
});

describe("the click queue", () => {
  it("joins batches into one JSON array without parsing them, empty ones included", () => {
    const a = encodeClicks(clicks(1, 2));
    const joined = joinChunks([a, encodeClicks([]), encodeClicks(clicks(3, 1, "w2"))]);
    expect(decodeClicks(joined).map((c) => [c.id, c.workspaceId, c.utmSource])).toEqual([["1", "w1", "a,b]"], ["2", "w1", "a,b]"], ["3", "w2", "a,b]"]]);
    expect(joinChunks([a])).toBe(a.json);
    expect(encodeClicks([...clicks(1, 2), ...clicks(3, 2, "w2")])).toMatchObject({ n: 4, workspaces: ["w1", "w2"] });
  });

  it("holds at most its bound in memory while the database is away: the oldest clicks go to disk, in order, and none is lost", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "pennant-queue-test-"));
    const spillFile = path.join(dir, "clicks-spill-q.jsonl");
    try {
      configureClickBuffer({ writer: () => Promise.reject(new Error("database away")), spillFile });
      const per = 10_000;
      const total = BUFFER_LIMITS.maxInMemory + 2 * per;
      for (let i = 0; i < total; i += per) recordClicks(encodeClicks(clicks(i, per)));
      const b = clickBuffer();
      expect(b.queued).toBeLessThanOrEqual(BUFFER_LIMITS.maxInMemory);
      const onDisk = readFileSync(spillFile, "utf8").trim().split("\n").map((l) => (JSON.parse(l) as ClickRecord).id);
      const inMemory = b.queue.flatMap((c) => decodeClicks(c.json).map((r) => r.id));
      expect(inMemory.length).toBe(b.queued);
      expect([...onDisk, ...inMemory]).toEqual(Array.from({ length: total }, (_, i) => String(i)));
    } finally {
      clickBuffer().queue = [];
      clickBuffer().queued = 0;
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("spills around a slow write, never what it has in hand: each click ends up written, on disk or queued, exactly once", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "pennant-queue-test-"));
    const spillFile = path.join(dir, "clicks-spill-slow.jsonl");
    const written: string[] = [];
    let release = () => {};
    try {
      const take = (chunks: ClickChunk[]) => written.push(...chunks.flatMap((c) => decodeClicks(c.json).map((r) => r.id)));
      let calls = 0;
      configureClickBuffer({
        spillFile,
        // The first write waits until released; the next ones are quick.
        writer: (chunks: ClickChunk[]) =>
          ++calls === 1
            ? new Promise<void>((resolve) => {
                release = () => {
                  take(chunks);
                  resolve();
                };
              })
            : Promise.resolve(void take(chunks)),
      });
      const per = 10_000;
      recordClicks(encodeClicks(clicks(0, per)));
      const flushing = flushClicks(); // the writer now holds the first 10,000
      const total = BUFFER_LIMITS.maxInMemory + 3 * per;
      for (let i = per; i < total; i += per) recordClicks(encodeClicks(clicks(i, per)));
      release();
      await flushing;
      const b = clickBuffer();
      const onDisk = readFileSync(spillFile, "utf8").trim().split("\n").map((l) => (JSON.parse(l) as ClickRecord).id);
      const queued = b.queue.flatMap((c) => decodeClicks(c.json).map((r) => r.id));
      expect(written.slice(0, per)).toEqual(Array.from({ length: per }, (_, i) => String(i)));
      expect(onDisk.length).toBeGreaterThan(0);
      expect(queued).toEqual([]);
      expect(b.queued).toBe(0);
      expect([...written, ...onDisk, ...queued].map(Number).sort((x, y) => x - y)).toEqual(Array.from({ length: total }, (_, i) => i));
    } finally {
      clickBuffer().queue = [];
      clickBuffer().queued = 0;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
