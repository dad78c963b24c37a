import { describe, expect, it } from "vitest";
import type { ViewRow } from "./click-sql";
import { decodePack, encodePack, packAnswers, packFilter, packRows } from "./day-pack";
import type { LinkFiling } from "./link-map";
import type { ResolvedQuery } from "./resolve-query";
import { NONE, type FilterName } from "./schemas";
import { groupRows, type ViewContext } from "./view-rows";

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
    country: ["DE", "US", null, "FR"][rand(4)]!, city: null, device: ["mobile", "desktop", null][rand(3)]!, browser: "Chrome", os: null, referrerHost: null,
    social: ["facebook", "x", null][rand(3)]!, utmSource: ["news", null][rand(2)]!, utmMedium: null, utmCampaign: null, utmTerm: null, utmContent: null,
    bioPageId: bot ? null : ["p1", null][rand(2)]!, bioBlockId: null, channelId: null, campaignId: null,
  }));
}

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

  for (const c of cases) {
    it(`gives back the rows a question keeps, grouped as the rows themselves: ${c.name}`, async () => {
      const { data, rows: n } = await encodePack(people, bots);
      expect(n).toBe(3_400);
      const pack = await decodePack(day, 96, data);
      const q = { filters: new Map(c.filters), kinds, bots: c.bots };
      const kept = packRows(pack, packFilter(q, links, tags), starts, links);
      // The same rows filtered by hand, bucketed by the same starts.
      const bucket = (b: number) => (day + b * 15 * 60_000 < starts[1]! ? 0 : day + b * 15 * 60_000 < starts[2]! ? 1 : 2);
      const want = [...people.filter((r) => c.plain(r, false)), ...bots.filter((r) => c.plain(r, true))].map((r) => ({ ...r, b: bucket(r.b) }));
      expect(want.length).toBeGreaterThan(0);
      expect(kept).toHaveLength(want.length);
      for (const d of [null, "bucket", "country", "device", "link", "campaign", "channel", "tag", "platformType", "trigger"] as const) {
        expect(groupRows(kept, d, ctx)).toEqual(groupRows(want, d, ctx));
      }
    });
  }

  it("answers a question whose buckets start on its slots only", () => {
    const q = (starts: number[], filters: [FilterName, string[]][] = []) => ({ starts, filters: new Map(filters) });
    expect(packAnswers(q([day - DAY, day + 22 * HOUR]), day, 24)).toBe(true);
    expect(packAnswers(q([day - DAY, day + 18 * HOUR + 30 * 60_000]), day, 24)).toBe(false);
    expect(packAnswers(q([day - DAY, day + 18 * HOUR + 30 * 60_000]), day, 96)).toBe(true);
    expect(packAnswers(q([day - DAY, day + 18 * HOUR + 30 * 60_000]), day - DAY, 24)).toBe(true);
    expect(packAnswers(q([day], [["bioPageId", ["p1"]]]), day, 24)).toBe(false);
    expect(packAnswers(q([day], [["bioPageId", ["p1"]]]), day, 96)).toBe(true);
  });
});
