import { describe, expect, it } from "vitest";
import type { ViewRow } from "./click-sql";
import { decodePack, encodePack, type DayPack } from "./day-pack";
import { keptPack, PackCache } from "./pack-cache";

const DAY = 86_400_000;
const row = (i: number): ViewRow => ({
  b: i % 96, n: 1, linkId: "l1", visitorHash: `v${i}`, trigger: "link", country: `C${i}`, city: null, device: "mobile", browser: null, os: null, referrerHost: null,
  social: null, utmSource: null, utmMedium: null, utmCampaign: null, utmTerm: null, utmContent: null, channelId: null, campaignId: null, bioPageId: null, bioBlockId: null,
});
/** A real pack of a day, with `n` rows (each its own country: the values grow with the rows too). */
async function pack(day: number, n: number): Promise<DayPack> {
  const { data } = await encodePack(Array.from({ length: n }, (_, i) => row(i)), [], new Map([["l1", 1]]));
  return decodePack(day * DAY, 96, data);
}

describe("the pack cache", () => {
  it("gives back a kept pack while its stamp stays, and reads anew once the pack was written again", async () => {
    const cache = new PackCache(2 ** 20);
    const first = await pack(1, 50);
    expect(cache.get("w1", DAY, 7)).toBeUndefined();
    cache.put("w1", 7, first);
    expect(cache.get("w1", DAY, 7)).toBe(first);
    expect(cache.get("w2", DAY, 7)).toBeUndefined(); // another workspace's day
    expect(cache.get("w1", 2 * DAY, 7)).toBeUndefined(); // another day
    expect(cache.get("w1", DAY, 8)).toBeUndefined(); // written since: dropped
    expect(cache.size).toBe(0);
    expect(cache.get("w1", DAY, 7)).toBeUndefined();
    const second = await pack(1, 60);
    cache.put("w1", 8, second);
    cache.put("w1", 9, first); // a newer write of the same day replaces it
    expect(cache.get("w1", DAY, 8)).toBeUndefined();
  });

  it("keeps at most its budget, dropping the least recently used, and never a pack larger than the budget", async () => {
    const days = await Promise.all([1, 2, 3, 4].map((d) => pack(d, 400)));
    const probe = new PackCache(2 ** 30);
    probe.put("w", 1, days[0]!);
    const weight = probe.size;
    expect(weight).toBeGreaterThan(days[0]!.bytes.byteLength); // the values count too

    let clock = 0;
    const cache = new PackCache(Math.floor(weight * 3.5), () => clock); // room for three
    for (const [i, p] of days.slice(0, 3).entries()) cache.put("w", i, p);
    clock += 60_000; // a minute later, another view
    expect(cache.get("w", DAY, 0)).toBe(days[0]); // day 1 is now the most recently used
    cache.put("w", 3, days[3]!); // drops day 2, the least recently used
    expect(cache.get("w", 2 * DAY, 1)).toBeUndefined();
    expect(cache.get("w", DAY, 0)).toBe(days[0]);
    expect(cache.get("w", 3 * DAY, 2)).toBe(days[2]);
    expect(cache.get("w", 4 * DAY, 3)).toBe(days[3]);
    expect(cache.size).toBeLessThanOrEqual(Math.floor(weight * 3.5));

    const small = new PackCache(weight - 1);
    const big = await pack(9, 400);
    small.put("w", 1, big);
    expect(small.get("w", 9 * DAY, 1)).toBeUndefined();
    expect(small.size).toBe(0);
  });

  it("keeps the first packs of a view larger than its budget, so the next view finds them, instead of none", async () => {
    const days = await Promise.all([1, 2, 3, 4, 5, 6].map((d) => pack(d, 400)));
    const probe = new PackCache(2 ** 30);
    probe.put("w", 1, days[0]!);
    let clock = 0;
    const cache = new PackCache(Math.floor(probe.size * 3.5), () => clock); // room for three of the six
    const view = () =>
      days.map((p, i) => {
        const kept = cache.get("w", p.day, i);
        if (kept) return true;
        cache.put("w", i, p);
        clock += 100; // read within one view
        return false;
      });
    expect(view()).toEqual([false, false, false, false, false, false]);
    clock += 60_000;
    expect(view()).toEqual([true, true, true, false, false, false]);
    clock += 60_000;
    expect(view()).toEqual([true, true, true, false, false, false]);
  });

  it("marks every pack it took, so its memory is never reused while a view may still read it", async () => {
    const cache = new PackCache(2 ** 20);
    const taken = await pack(1, 10);
    const other = await pack(2, 10);
    cache.put("w", 1, taken);
    cache.get("w", DAY, 2); // dropped from the cache: still marked
    expect(keptPack(taken)).toBe(true);
    expect(keptPack(other)).toBe(false);
  });
});
