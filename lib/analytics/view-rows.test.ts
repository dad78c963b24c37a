import { describe, expect, it } from "vitest";
import type { ViewRow } from "./click-sql";
import { groupRows, groupRowsMany, type ViewContext } from "./view-rows";

const COUNTRIES = ["DE", "US", null, "FR"];
const DEVICES = ["mobile", "desktop", null];

/** Rows of made-up clicks, visitors interleaved across keys and rows, as a period's hourly rows come. */
function rows(n: number, seed: number): ViewRow[] {
  let s = seed;
  const rand = (k: number) => ((s = (s * 1_103_515_245 + 12_345) % 2_147_483_648) % k);
  return Array.from({ length: n }, () => ({
    b: rand(5), n: 1 + rand(3), linkId: `l${rand(6)}`, visitorHash: `v${rand(40)}`, trigger: ["link", "qr", "bio"][rand(3)]!,
    country: COUNTRIES[rand(4)]!, city: null, device: DEVICES[rand(3)]!, browser: null, os: null, referrerHost: null, social: ["facebook", "x", null][rand(3)]!,
    utmSource: null, utmMedium: null, utmCampaign: null, utmTerm: null, utmContent: null, bioPageId: null, bioBlockId: null, channelId: null, campaignId: null,
  }));
}

/** The same grouping counted the plain way: a set of visitors per key. */
function plain(rs: ViewRow[], keysOf: (r: ViewRow) => readonly (string | number | null)[]) {
  const m = new Map<string | number | null, { clicks: number; visitors: Set<string>; scans: number; bioClicks: number }>();
  for (const r of rs) {
    for (const k of keysOf(r)) {
      const g = m.get(k) ?? { clicks: 0, visitors: new Set<string>(), scans: 0, bioClicks: 0 };
      m.set(k, g);
      g.clicks += r.n;
      g.visitors.add(r.visitorHash);
      if (r.trigger === "qr") g.scans += r.n;
      if (r.trigger === "bio") g.bioClicks += r.n;
    }
  }
  return new Map([...m].map(([k, g]) => [k, { clicks: g.clicks, uniques: g.visitors.size, scans: g.scans, bioClicks: g.bioClicks }]));
}

const asMap = (out: ReturnType<typeof groupRows>) => new Map(out.map((r) => [r.k, { clicks: r.clicks, uniques: r.uniques, scans: r.scans, bioClicks: r.bioClicks }]));

describe("groupRows", () => {
  const ctx: ViewContext = { kinds: new Map([["facebook", "social_network"], ["x", "social_media"]]), tags: new Map([["l1", ["t1", "t2"]], ["l2", ["t2"]]]), nullsFirst: true };

  it("counts each key's clicks, scans, bio-page clicks and distinct visitors as a set of visitors per key would", () => {
    for (const seed of [1, 2, 3]) {
      const rs = rows(500, seed);
      expect(asMap(groupRows(rs, "country", ctx))).toEqual(plain(rs, (r) => [r.country]));
      expect(asMap(groupRows(rs, "device", ctx))).toEqual(plain(rs, (r) => [r.device]));
      expect(asMap(groupRows(rs, "bucket", ctx))).toEqual(plain(rs, (r) => [r.b]));
      expect(asMap(groupRows(rs, "platformType", ctx))).toEqual(plain(rs, (r) => [r.social === null ? null : ctx.kinds.get(r.social)!]));
      expect(asMap(groupRows(rs, "tag", ctx))).toEqual(plain(rs, (r) => ctx.tags.get(r.linkId) ?? []));
      expect(asMap(groupRows(rs, null, ctx))).toEqual(plain(rs, () => [null]));
    }
  });

  it("groups many ways in one pass as each way alone, the tags among them", () => {
    const rs = rows(800, 5);
    const ways = [null, "bucket", "country", "tag", "device", "platformType", "link"] as const;
    const many = groupRowsMany(rs, ways, ctx);
    expect(many.map(asMap)).toEqual(ways.map((g) => asMap(groupRows(rs, g, ctx))));
    expect(asMap(many[3]!)).toEqual(plain(rs, (r) => ctx.tags.get(r.linkId) ?? []));
    expect(asMap(many[6]!)).toEqual(plain(rs, (r) => [r.linkId]));
  });

  it("orders by clicks, then by key with the missing key where the database puts it, and keeps the top `limit`", () => {
    const rs = rows(300, 9);
    const out = groupRows(rs, "country", ctx);
    for (let i = 1; i < out.length; i++) expect(out[i - 1]!.clicks).toBeGreaterThanOrEqual(out[i]!.clicks);
    expect(groupRows(rs, "country", ctx, 2)).toEqual(out.slice(0, 2));
    const tie = rows(2, 4).map((r, i) => ({ ...r, n: 1, country: i ? "DE" : null }));
    expect(groupRows(tie, "country", { ...ctx, nullsFirst: true }).map((r) => r.k)).toEqual([null, "DE"]);
    expect(groupRows(tie, "country", { ...ctx, nullsFirst: false }).map((r) => r.k)).toEqual(["DE", null]);
  });

  it("answers no total row for no rows", () => {
    expect(groupRows([], null, ctx)).toEqual([]);
    expect(groupRows([], "country", ctx)).toEqual([]);
  });
});
