import { describe, expect, it } from "vitest";
import type { ViewRow } from "./click-sql";
import { BitColumn, decodePack, encodePack, packAnswers, packFilter } from "./day-pack";
import type { LinkFiling } from "./link-map";
import type { ResolvedQuery } from "./resolve-query";
import { NONE, type FilterName } from "./schemas";
import { PackGroups } from "./pack-groups";
import { compareKeys, groupRowsMany, type Grouping, type ViewContext } from "./view-rows";

const DAY = 86_400_000;
const HOUR = 3_600_000;
const day = Date.UTC(2026, 2, 29); // Berlin's clocks go forward this day

/** A day's made-up rows by quarter hour: 300 links (more than a byte indexes), visitors seen as bots and as people. */
function rows(n: number, seed: number, bot: boolean): ViewRow[] {
  let s = seed;
  // mulberry32: every draw independent enough that each combination asked for occurs.
  const rand = (k: number) => {
    let t = (s = (s + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) % k;
  };
  return Array.from({ length: n }, () => ({
    b: rand(96), n: rand(50) === 0 ? 70_000 : 1 + rand(3), linkId: `l${rand(300)}`, visitorHash: `v${rand(400)}`, trigger: ["link", "qr", "bio"][rand(3)]!,
    country: ["DE", "US", null, "FR"][rand(4)]!, city: ["München", "東京 🗼", "", null][rand(4)]!, device: ["mobile", "desktop", null][rand(3)]!, browser: "Chrome", os: null, referrerHost: null,
    social: ["facebook", "x", null][rand(3)]!, utmSource: ["news", null][rand(2)]!, utmMedium: null, utmCampaign: null, utmTerm: null, utmContent: null,
    bioPageId: bot ? null : ["p1", null][rand(2)]!, bioBlockId: bot ? null : ["b1", "b2", null][rand(3)]!, channelId: null, campaignId: null,
  }));
}

// The workspace's link numbers (pack-links.ts), from 1, in no order of the ids.
const numbers = new Map(Array.from({ length: 300 }, (_, i) => [`l${i}`, ((i * 37) % 300) + 1]));
const ids: (string | null)[] = [null];
for (const [id, n] of numbers) ids[n] = id;
const encode = (people: ViewRow[], bots: ViewRow[]) => encodePack(people, bots, numbers);
const links = new Map<string, LinkFiling>(Array.from({ length: 300 }, (_, i) => [`l${i}`, { campaignId: i % 3 ? "c1" : null, channelId: i % 5 ? null : "ch", createdAt: 0 }]));
const tags = new Map<string, string[]>([["l1", ["t1"]], ["l2", ["t1", "t2"]], ["l7", ["t2"]]]);
const kinds = new Map([["facebook", "social_network"], ["x", "social_media"]]);
const ctx: ViewContext = { kinds, tags, nullsFirst: true };
const filled = (r: ViewRow): ViewRow => ({ ...r, campaignId: links.get(r.linkId)?.campaignId ?? null, channelId: links.get(r.linkId)?.channelId ?? null });

describe("a day's pack", () => {
  const people = rows(3_000, 7, false).map(filled);
  const bots = rows(400, 11, true).map(filled);
  const starts = [day - DAY, day + 5 * HOUR, day + 17 * HOUR + 45 * 60_000];

  const cases: { name: string; filters: [FilterName, string[]][]; bots: ResolvedQuery["bots"]; plain: (r: ViewRow, bot: boolean) => boolean }[] = [
    { name: "two values", filters: [["country", ["DE"]], ["device", ["mobile"]]], bots: "exclude", plain: (r, bot) => !bot && r.country === "DE" && r.device === "mobile" },
    { name: "a value and none of another", filters: [["country", ["US"]], ["utm_source", [NONE]]], bots: "include", plain: (r) => r.country === "US" && r.utmSource === null },
    { name: "a campaign and a platform type", filters: [["campaignId", ["c1"]], ["platformType", ["social_media"]]], bots: "exclude", plain: (r, bot) => !bot && r.campaignId === "c1" && r.social === "x" },
    { name: "a tag, bots only", filters: [["tagId", ["t1"]]], bots: "only", plain: (r, bot) => bot && (tags.get(r.linkId) ?? []).includes("t1") },
    { name: "a QR code", filters: [["qrId", ["l2"]]], bots: "exclude", plain: (r, bot) => !bot && r.linkId === "l2" && r.trigger === "qr" },
    { name: "a channel or none", filters: [["channel", ["ch", NONE]], ["bioPageId", ["p1"]]], bots: "exclude", plain: (r, bot) => !bot && r.bioPageId === "p1" },
  ];

  const ways: Grouping[] = [null, "bucket", "country", "city", "device", "link", "campaign", "channel", "tag", "platformType", "trigger", "block", "utm_source"];
  const sorted = (rows: ReturnType<typeof groupRowsMany>[number]) => [...rows].sort((a, b) => b.clicks - a.clicks || compareKeys(a.k, b.k, true));
  // The same rows filtered by hand, bucketed by the same starts.
  const bucket = (d: number, b: number) => {
    const t = d + b * 15 * 60_000;
    return t < starts[1]! ? 0 : t < starts[2]! ? 1 : 2;
  };
  const byHand = (c: (typeof cases)[number], d: number, p: ViewRow[], b: ViewRow[]) =>
    [...p.filter((r) => c.plain(r, false)), ...b.filter((r) => c.plain(r, true))].map((r) => ({ ...r, b: bucket(d, r.b), visitorHash: `${d}:${r.visitorHash}` }));

  for (const c of cases) {
    it(`sums the rows a question keeps as the rows themselves group: ${c.name}`, async () => {
      const { data, rows: n } = await encode(people, bots);
      expect(n).toBe(3_400);
      const q = { filters: new Map(c.filters), kinds, bots: c.bots };
      const groups = new PackGroups(ways, ctx, links, packFilter(q, links, tags), starts);
      groups.add(await decodePack(day, 96, data), ids);
      const want = byHand(c, day, people, bots);
      expect(want.length).toBeGreaterThan(0);
      const got = groups.result();
      groupRowsMany(want, ways, ctx).forEach((rows, x) => expect(sorted(got.get(ways[x]!)!)).toEqual(rows));
    });
  }

  it("adds up days: the same visitor on two days counts on each", async () => {
    const next = day + DAY;
    const [laterPeople, laterBots] = [rows(2_000, 13, false).map(filled), rows(300, 17, true).map(filled)];
    const c = cases[0]!;
    const q = { filters: new Map(c.filters), kinds, bots: c.bots };
    const groups = new PackGroups(ways, ctx, links, packFilter(q, links, tags), [...starts, next + 3 * HOUR]);
    groups.add(await decodePack(day, 96, (await encode(people, bots)).data), ids);
    groups.add(await decodePack(next, 96, (await encode(laterPeople, laterBots)).data), ids);
    const bucketLater = (r: ViewRow) => ({ ...r, b: r.b < 12 ? 2 : 3, visitorHash: `${next}:${r.visitorHash}` });
    const want = [...byHand(c, day, people, bots), ...laterPeople.filter((r) => c.plain(r, false)).map(bucketLater)];
    const got = groups.result();
    const totals = got.get(null)![0]!;
    // Some visitor of the first day is back the next (400 hashes both days), yet counts twice.
    const first = new Set(byHand(c, day, people, bots).map((r) => r.visitorHash.split(":")[1]));
    expect(laterPeople.filter((r) => c.plain(r, false)).some((r) => first.has(r.visitorHash))).toBe(true);
    expect(totals.uniques).toBe(new Set(want.map((r) => r.visitorHash)).size);
    groupRowsMany(want, ways, ctx).forEach((rows, x) => expect(sorted(got.get(ways[x]!)!)).toEqual(rows));
  });

  it("counts one visitor of two days twice, once a day", async () => {
    const alone = (seed: number) => rows(5, seed, false).map((r) => ({ ...filled(r), visitorHash: "solo" }));
    const groups = new PackGroups([null, "country"], ctx, links, packFilter({ filters: new Map(), kinds, bots: "exclude" }, links, tags), starts);
    for (const [d, seed] of [[day, 3], [day + DAY, 5]] as const) groups.add(await decodePack(d, 96, (await encode(alone(seed), [])).data), ids);
    expect(groups.result().get(null)).toEqual([expect.objectContaining({ uniques: 2 })]);
  });

  it("refuses a link the workspace has not numbered", async () => {
    await expect(encodePack([{ ...people[0]!, linkId: "unnumbered" }], [], numbers)).rejects.toThrow(/link unnumbered has no number/);
  });

  it("answers a question whose buckets start on its slots only", () => {
    const q = (starts: number[], filters: [FilterName, string[]][] = []) => ({ starts, filters: new Map(filters) });
    expect(packAnswers(q([day - DAY, day + 22 * HOUR]), day, 24)).toBe(true);
    expect(packAnswers(q([day - DAY, day + 18 * HOUR + 30 * 60_000]), day, 24)).toBe(false);
    expect(packAnswers(q([day - DAY, day + 18 * HOUR + 30 * 60_000]), day, 96)).toBe(true);
    expect(packAnswers(q([day - DAY, day + 18 * HOUR + 30 * 60_000]), day - DAY, 24)).toBe(true);
    expect(packAnswers(q([day], [["bioPageId", ["p1"]]]), day, 24)).toBe(false);
    expect(packAnswers(q([day], [["bioPageId", ["p1"]]]), day, 96)).toBe(true);
  });

  it("reads back every value, in ASCII or not, an empty one apart from none", async () => {
    for (const cities of [["Berlin", "", null], ["München", "東京 🗼", "", null]]) {
      const some = rows(200, 23, false).map((r, i) => ({ ...r, city: cities[i % cities.length]! }));
      const pack = await decodePack(day, 96, (await encode(some, [])).data);
      const got = Array.from({ length: pack.values.city.length }, (_, code) => pack.values.city.get(code));
      expect(new Set(got)).toEqual(new Set(cities));
      expect(got).toHaveLength(cities.length);
    }
  });

  it("packs every width of column, values across word boundaries and the largest of each, and selects rows by their value", () => {
    for (let bits = 0; bits <= 32; bits++) {
      const top = bits === 0 ? 0 : 2 ** bits - 1;
      const values = Uint32Array.from({ length: 101 }, (_, i) => (i % 3 === 0 ? top : Math.floor((i * 2_654_435_761) % (top + 1))));
      const words = new Uint32Array(Math.ceil((values.length * bits) / 32));
      BitColumn.write(words, values, bits);
      const column = new BitColumn(words, bits);
      expect(Array.from(values, (_, i) => column.get(i))).toEqual([...values]);
      expect([...column.gather(Uint32Array.of(100, 3, 0))]).toEqual([values[100], values[3], values[0]]);
      if (bits > 12) continue;
      // The rows of a span whose value is flagged: a column's values are codes of its day's values, a few thousand at most.
      const ok = Uint8Array.from({ length: top + 1 }, (_, v) => (v % 3 === 1 || v === top ? 1 : 0));
      const out = new Uint32Array(values.length);
      const m = column.select(5, 97, ok, out);
      const want = [...values.keys()].filter((i) => i >= 5 && i < 97 && ok[values[i]!]);
      expect(want.length).toBeGreaterThan(0);
      expect([...out.subarray(0, m)]).toEqual(want);
    }
  });
});
