import { describe, expect, it } from "vitest";
import type { ClickRecord } from "@/lib/clicks/click-buffer";
import { db } from "@/lib/db/client";
import { createLink } from "@/lib/links/create-link";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { accessFor, makeUser, testClick, writeClicks } from "@/tests/factories";
import { buildDayRollups } from "./day-rollup";
import { packedDays, readPacks } from "./day-pack";
import { getBreakdown, getTotals } from "./get-analytics";
import { keptPack, packCache, PackCache } from "./pack-cache";
import { resolveQuery } from "./resolve-query";
import { warmAnalyticsCache } from "./warm-cache";


/** A new workspace with four clicks on the 1st, 2nd (two) and 3rd of a month ("2031-03"), its days built as at `now`: the question of those days, and their packs. */
async function threePackedDays(name: string, month: string, now: number) {
  const user = await makeUser(name);
  const ws = await createWorkspace(user.id, { name });
  const access = await accessFor(user, ws.slug, "links.write");
  const link = await createLink(access, { url: `https://example.com/${name}` });
  const at = (iso: string) => testClick({ id: link.id, workspaceId: ws.id }, { createdAt: new Date(iso), visitorHash: iso });
  await writeClicks([at(`${month}-01T10:00:00Z`), at(`${month}-02T10:00:00Z`), at(`${month}-02T11:00:00Z`), at(`${month}-03T10:00:00Z`)]);
  expect(await buildDayRollups(now, { workspaceId: ws.id })).toBeGreaterThanOrEqual(3);
  const q = await resolveQuery({ workspace: access.workspace }, { from: `${month}-01`, to: `${month}-03` });
  const days = await packedDays(q);
  expect(days).toHaveLength(3);
  return { ws, q, days };
}


describe("day packs kept by the server", () => {
  it("are read once, served again while unchanged, and read anew when the daily job writes their day again", { timeout: 120_000 }, async () => {
    const user = await makeUser("pack-cache");
    const ws = await createWorkspace(user.id, { name: "Pack cache" });
    const access = await accessFor(user, ws.slug, "links.write");
    const link = await createLink(access, { url: "https://example.com/kept" });
    const at = (iso: string, over: Partial<ClickRecord> = {}) => testClick({ id: link.id, workspaceId: ws.id }, { createdAt: new Date(iso), visitorHash: iso, ...over });
    await writeClicks([at("2026-11-01T10:00:00Z"), at("2026-11-02T10:00:00Z"), at("2026-11-02T11:00:00Z", { country: "FR" }), at("2026-11-03T10:00:00Z")]);
    const now = Date.parse("2026-11-06T12:00:00Z");
    expect(await buildDayRollups(now, { workspaceId: ws.id })).toBeGreaterThanOrEqual(3);

    const q = await resolveQuery({ workspace: access.workspace }, { from: "2026-11-01", to: "2026-11-03" });
    const figures = async () => ({
      clicks: (await getTotals(q)).current.clicks,
      countries: (await getBreakdown(q, "country")).map((r) => [r.key, r.clicks]),
    });
    expect(await figures()).toEqual({ clicks: 4, countries: [["DE", 3], ["FR", 1]] });

    const days = await packedDays(q);
    expect(days.map((d) => new Date(d.day).toISOString().slice(0, 10))).toEqual(["2026-11-01", "2026-11-02", "2026-11-03"]);
    const first = await readPacks(ws.id, days);
    expect(first.map((p) => p.rows)).toEqual([1, 2, 1]);
    const again = await readPacks(ws.id, days);
    for (const [i, p] of again.entries()) expect(p).toBe(first[i]); // the same packs, not read again
    expect(packCache()!.size).toBeGreaterThan(0);

    // A click for 2 November written late (a queue spilled while the database was down): the next round
    // writes that day's pack again, with a new stamp; the server reads that one pack anew.
    await writeClicks([at("2026-11-02T15:00:00Z", { country: "US" })]);
    expect(await buildDayRollups(now, { workspaceId: ws.id })).toBe(1);
    const moved = await packedDays(q);
    expect(moved[1]!.stamp).not.toBe(days[1]!.stamp);
    expect([moved[0]!.stamp, moved[2]!.stamp]).toEqual([days[0]!.stamp, days[2]!.stamp]);
    const after = await readPacks(ws.id, moved);
    expect(after[0]).toBe(first[0]);
    expect(after[2]).toBe(first[2]);
    expect(after[1]).not.toBe(first[1]);
    expect(after[1]!.rows).toBe(3);
    expect(await figures()).toEqual({ clicks: 5, countries: [["DE", 3], ["FR", 1], ["US", 1]] });

    // A pack written by another instance (here, by hand: any write of the row) is read anew too.
    await db().clickDayPack.update({ where: { workspaceId_day: { workspaceId: ws.id, day: moved[0]!.day / 86_400_000 } }, data: { stamp: { increment: 1 } } });
    const third = await readPacks(ws.id, await packedDays(q));
    expect(third[0]).not.toBe(first[0]);
    expect(third[0]!.rows).toBe(1);
    expect(third[2]).toBe(first[2]);
  });

  it("are read in when a server starts, so the first view of a workspace reads none of them", { timeout: 120_000 }, async () => {
    // Days no other test writes, so the ranking of the last 30 days is this workspace's alone.
    const now = Date.parse("2031-03-06T12:00:00Z");
    const { ws, q, days } = await threePackedDays("pack-warm", "2031-03", now);

    const cache = packCache()!;
    cache.clear(); // as when a server starts
    expect(days.map((d) => cache.get(ws.id, d.day, d.stamp))).toEqual([undefined, undefined, undefined]);
    const warmed = await warmAnalyticsCache(now);
    // Every closed day since the first click has a pack (empty days too): all of them are read in.
    expect(warmed).toMatchObject({ workspaces: 1, packs: await db().clickDayPack.count({ where: { workspaceId: ws.id } }) });
    expect(warmed.packs).toBeGreaterThanOrEqual(3);
    expect(warmed.bytes).toBe(cache.size);
    const kept = days.map((d) => cache.get(ws.id, d.day, d.stamp));
    expect(kept.map((p) => p?.rows)).toEqual([1, 2, 1]);
    // The view's packs are those read in: none is read again, and the figures are the clicks'.
    const read = await readPacks(ws.id, days);
    for (const [i, p] of read.entries()) expect(p).toBe(kept[i]);
    expect((await getTotals(q)).current.clicks).toBe(4);
  });

  it("read by two readers at once (a view during the warm-up) are read once, and shared packs keep their memory", { timeout: 120_000 }, async () => {
    const { ws, days } = await threePackedDays("pack-shared", "2026-10", Date.parse("2026-10-06T12:00:00Z"));

    packCache()!.clear(); // as when a server starts
    const [a, b] = await Promise.all([readPacks(ws.id, days), readPacks(ws.id, days)]);
    expect(a.map((p) => p.rows)).toEqual([1, 2, 1]);
    // The second reader waited for the first one's packs instead of reading and decoding its own.
    for (const [i, p] of b.entries()) expect(p).toBe(a[i]);

    // With a cache too small to keep any pack, the packs both readers had are still never given back for reuse.
    const global = globalThis as unknown as { pennantPackCache?: { url: string | undefined; cache: PackCache | null } };
    const before = global.pennantPackCache;
    global.pennantPackCache = { url: process.env.DATABASE_URL, cache: new PackCache(0) };
    try {
      const [c, d] = await Promise.all([readPacks(ws.id, days), readPacks(ws.id, days)]);
      expect(packCache()!.size).toBe(0);
      for (const [i, p] of d.entries()) expect(p).toBe(c[i]);
      expect(c.map((p) => keptPack(p))).toEqual([true, true, true]);
      // One reader alone: its packs are its own, their memory given back once summed.
      const alone = await readPacks(ws.id, days);
      expect(alone.map((p) => keptPack(p))).toEqual([false, false, false]);
      expect(alone[0]).not.toBe(c[0]);
    } finally {
      global.pennantPackCache = before;
    }
  });
});
