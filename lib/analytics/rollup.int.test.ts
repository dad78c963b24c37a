import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { ClickRecord } from "@/lib/clicks/click-buffer";
import { inlineClickWriter } from "@/lib/clicks/click-handover";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { db } from "@/lib/db/client";
import { createLink } from "@/lib/links/create-link";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { accessFor, makeUser } from "@/tests/factories";
import { COUNTRIES, DEVICES, REFERRERS, SOURCES, SPAN, START, seededRandom } from "@/tests/analytics-traffic";
import { periodParts } from "./click-sql";
import { getBreakdown, getTimeseries, getTotals } from "./get-analytics";
import { platformOf } from "./platforms";
import { resolveQuery, type ResolvedQuery } from "./resolve-query";
import type { Dimension } from "./schemas";

// Random clicks go through the real click writer (raw rows and the hourly
// rollup); every figure the dashboards read (mostly from the rollup, the cut
// hours from raw clicks) must equal the truth counted here from the clicks
// themselves: in five zones (a DST day in Berlin, Kathmandu's :15 and
// Kolkata's :30 midnights), over whole days, hours and a period cut mid-hour,
// with combined filters.

const { rand, pick } = seededRandom(7);

describe("dashboard figures read from the hourly rollup", () => {
  it("equal the figures of the raw clicks, in every zone, period and filter", { timeout: 240_000 }, async () => {
    const user = await makeUser("rollup");
    const ws = await createWorkspace(user.id, { name: "Rollup" });
    const access = await accessFor(user, ws.slug, "links.write");
    const spring = await createCampaign(access, { name: "Spring" });
    const links = [
      await createLink(access, { url: "https://example.com/a", campaignId: spring.id, tags: ["red"] }),
      await createLink(access, { url: "https://example.com/b", campaignId: spring.id, tags: ["red", "blue"] }),
      await createLink(access, { url: "https://example.com/c" }),
    ];
    const tags = new Map((await db().linkTag.findMany({ where: { linkId: { in: links.map((l) => l.id) } } })).map((t) => [`${t.linkId}|${t.tagId}`, t]));
    const red = (await db().tag.findFirstOrThrow({ where: { workspaceId: ws.id, name: "red" } })).id;

    const clicks: ClickRecord[] = [];
    for (let i = 0; i < 1500; i++) {
      const at = START + Math.floor(rand() * SPAN);
      const visitor = Math.floor(rand() * 30);
      const [device, browser, os] = DEVICES[visitor % 3]!;
      const link = links[Math.floor(rand() ** 2 * 3)]!;
      clicks.push({
        id: randomUUID(), createdAt: new Date(at), workspaceId: ws.id, event: "click", linkId: link.id, bioPageId: null, bioBlockId: null, domain: "localhost:3000",
        trigger: pick(["link", "link", "qr", "bio"]), referrerHost: pick(REFERRERS), referrer: null, utmSource: pick(SOURCES), utmMedium: null, utmCampaign: pick([null, "launch"]),
        utmTerm: null, utmContent: null, country: COUNTRIES[visitor % 5]!, city: visitor % 2 ? "Berlin" : null, device, browser, os,
        // Hashes rotate every UTC day, like lib/redirect/visitor.ts.
        visitorHash: `${new Date(at).toISOString().slice(0, 10)}-${visitor}`, bot: visitor === 29, counted: false,
      });
    }
    // Several batches: rollup rows of one hour and combination are raised again.
    const write = inlineClickWriter(process.env.DATABASE_URL!);
    for (let i = 0; i < clicks.length; i += 400) await write(clicks.slice(i, i + 400));

    const campaignOf = new Map(links.map((l) => [l.id, l.campaignId]));
    const tagsOf = (linkId: string) => [...tags.values()].filter((t) => t.linkId === linkId).map((t) => t.tagId);
    const keysOf = (c: ClickRecord, d: Dimension, q: ResolvedQuery): (string | null)[] => {
      const social = platformOf(c.referrerHost, c.utmSource);
      switch (d) {
        case "country": return [c.country];
        case "city": return [c.city];
        case "device": return [c.device];
        case "trigger": return [c.trigger];
        case "referrer": return [c.referrerHost];
        case "social": return [social];
        case "platformType": return [social ? (q.kinds.get(social) ?? null) : null];
        case "utm_source": return [c.utmSource];
        case "utm_campaign": return [c.utmCampaign];
        case "link": return [c.linkId];
        case "campaign": return [campaignOf.get(c.linkId!) ?? null];
        case "tag": return tagsOf(c.linkId!);
        default: throw new Error(d);
      }
    };
    const figures = (rows: ClickRecord[]) => ({ clicks: rows.length, uniques: new Set(rows.map((c) => c.visitorHash)).size });

    const zones = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Kathmandu", "Asia/Kolkata"];
    const periods = [
      { from: "2026-03-27", to: "2026-03-30", interval: "day" },
      { from: "2026-03-28", to: "2026-03-29", interval: "hour" },
      { from: "2026-03-27T10:20:00Z", to: "2026-03-30T07:40:00Z", interval: "day" },
    ];
    const filterSets: [Record<string, string | string[]>, (c: ClickRecord) => boolean][] = [
      [{}, () => true],
      [{ country: ["DE", "US"], device: "mobile" }, (c) => (c.country === "DE" || c.country === "US") && c.device === "mobile"],
      [{ campaignId: spring.id, utm_source: "(none)" }, (c) => campaignOf.get(c.linkId!) === spring.id && c.utmSource === null],
      [{ tag: red, social: "facebook" }, (c) => tagsOf(c.linkId!).includes(red) && platformOf(c.referrerHost, c.utmSource) === "facebook"],
      [{ bots: "include", trigger: "qr" }, (c) => c.trigger === "qr"],
    ];
    const groups: Dimension[] = ["country", "city", "device", "trigger", "referrer", "social", "platformType", "utm_source", "utm_campaign", "link", "campaign", "tag"];
    let compared = 0;
    let cutHours = 0;
    for (const timezone of zones) {
      for (const period of periods) {
        for (const [filters, keep] of filterSets) {
          const q = await resolveQuery({ workspace: ws }, { ...period, timezone, ...filters, limit: 1000 });
          const bots = filters.bots === "include";
          const inRange = (c: ClickRecord, a = q.from, b = q.to) => c.createdAt.getTime() >= a && c.createdAt.getTime() < b && (bots || !c.bot) && keep(c);
          cutHours += periodParts(q.from, q.to, q.starts, false).cut.length;

          const series = await getTimeseries(q);
          const want = q.starts.map((s, i) => figures(clicks.filter((c) => inRange(c, Math.max(s, q.from), Math.min(q.starts[i + 1] ?? q.to, q.to)))));
          expect(series.map(({ clicks, uniques }) => ({ clicks, uniques })), `${timezone} ${JSON.stringify(period)} ${JSON.stringify(filters)}`).toEqual(want);

          const totals = await getTotals(q);
          const span = q.to - q.from;
          expect(totals.current).toMatchObject(figures(clicks.filter((c) => inRange(c))));
          expect(totals.current.scans).toBe(clicks.filter((c) => inRange(c) && c.trigger === "qr").length);
          expect(totals.previous).toMatchObject(figures(clicks.filter((c) => inRange(c, q.from - span, q.from))));

          for (const d of groups) {
            const got = Object.fromEntries((await getBreakdown(q, d, 1000)).map((r) => [String(r.key), { clicks: r.clicks, uniques: r.uniques }]));
            const byKey = new Map<string, ClickRecord[]>();
            for (const c of clicks.filter((c) => inRange(c))) for (const k of keysOf(c, d, q)) byKey.set(String(k), [...(byKey.get(String(k)) ?? []), c]);
            expect(got, `${d} ${timezone} ${JSON.stringify(period)} ${JSON.stringify(filters)}`).toEqual(Object.fromEntries([...byKey].map(([k, rows]) => [k, figures(rows)])));
            compared++;
          }
        }
      }
    }
    expect(compared).toBe(zones.length * periods.length * filterSets.length * groups.length);
    // Kathmandu's and Kolkata's day boundaries cut hours, so both sources were read.
    expect(cutHours).toBeGreaterThan(0);
  });
});
