import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { ClickRecord } from "@/lib/clicks/click-buffer";
import { inlineClickWriter } from "@/lib/clicks/click-handover";
import { createBioPage } from "@/lib/bio-pages/create-bio-page";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { db } from "@/lib/db/client";
import { createLink } from "@/lib/links/create-link";
import { updateLink } from "@/lib/links/update-link";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { accessFor, makeUser } from "@/tests/factories";
import { COUNTRIES, DEVICES, REFERRERS, SOURCES, SPAN, START, seededRandom } from "@/tests/analytics-traffic";
import { aggregateSplitByDay, buildDayRollups, mappingFingerprint } from "./day-rollup";
import { getDashboard } from "./get-dashboard";
import { getBreakdown, getTimeseries, getTotals } from "./get-analytics";
import { platformKinds, platformOf } from "./platforms";
import { resolveQuery, type ResolvedQuery } from "./resolve-query";
import { DIMENSIONS, NONE, type Dimension } from "./schemas";
import { linkFigures } from "./scope-months";

// Random clicks go through the real click writer; the daily rollup is built by
// the job's own function. Every figure (totals, the period before, the time
// series in five zones, every breakdown, a whole dashboard view) must equal the
// truth counted here from the clicks themselves: when the days are built, when
// links change campaign or channel (the mapped rows are stale until rebuilt), when a click
// arrives for a day already built, and, to show the days really are read from
// the daily rollup, after the hourly rows and raw clicks of those days are gone.

const { rand, pick } = seededRandom(11);
const DAY = 86_400_000;
/** Each dimension a value filter can name, read off a click. */
const VALUE_OF: Record<string, (c: ClickRecord) => string | null> = {
  country: (c) => c.country, city: (c) => c.city, device: (c) => c.device, browser: (c) => c.browser, os: (c) => c.os, referrer: (c) => c.referrerHost,
  social: (c) => platformOf(c.referrerHost, c.utmSource), utm_source: (c) => c.utmSource, utm_medium: (c) => c.utmMedium, utm_campaign: (c) => c.utmCampaign,
  utm_term: (c) => c.utmTerm, utm_content: (c) => c.utmContent, trigger: (c) => c.trigger,
};

describe("dashboard figures read from the daily rollup", () => {
  it("equal the truth when days are built, when links move, when clicks come late, and with the days' hourly rows gone", { timeout: 900_000 }, async () => {
    const user = await makeUser("dayroll");
    const ws = await createWorkspace(user.id, { name: "Day rollup" });
    const access = await accessFor(user, ws.slug, "links.write");
    const spring = await createCampaign(access, { name: "Spring" });
    const autumn = await createCampaign(access, { name: "Autumn" });
    // Two of the workspace's default channels: the first two links are the newsletter's (the second moves to print later).
    const channelId = async (key: string) => (await db().channel.findFirstOrThrow({ where: { workspaceId: ws.id, key } })).id;
    const newsletter = await channelId("newsletter");
    const print = await channelId("print");
    const links = [
      await createLink(access, { url: "https://example.com/a", campaignId: spring.id, channelId: newsletter, tags: ["red"] }),
      await createLink(access, { url: "https://example.com/b", campaignId: spring.id, channelId: newsletter, tags: ["red", "blue"] }),
      await createLink(access, { url: "https://example.com/c" }),
    ];
    // Two bio pages: a click from a page carries it and its block (trigger "bio"; a third of them come from the second page).
    const bioAccess = await accessFor(user, ws.slug, "bio.write");
    const pages = [await createBioPage(bioAccess, { handle: `dayroll${Date.now() % 1e6}`, title: "Day rollup page" }), await createBioPage(bioAccess, { handle: `dayroll2${Date.now() % 1e6}`, title: "Second page" })];
    // Made before their clicks, as links are (the clicks here are in March).
    await db().link.updateMany({ where: { id: { in: links.map((l) => l.id) } }, data: { createdAt: new Date(START - DAY) } });

    const clicks: ClickRecord[] = [];
    const click = (at: number, visitor: number, linkIndex: number): ClickRecord => {
      const [device, browser, os] = DEVICES[visitor % 3]!;
      const trigger = pick(["link", "link", "qr", "bio"] as const);
      return {
        id: randomUUID(), createdAt: new Date(at), workspaceId: ws.id, event: "click", linkId: links[linkIndex]!.id, bioPageId: trigger === "bio" ? pages[visitor % 3 ? 0 : 1]!.id : null,
        bioBlockId: trigger === "bio" ? `${pages[visitor % 3 ? 0 : 1]!.id}-block${visitor % 2}` : null,
        domain: "localhost:3000", trigger, referrerHost: pick(REFERRERS), referrer: null, utmSource: pick(SOURCES), utmMedium: pick([null, "social"]), utmCampaign: pick([null, "launch"]),
        utmTerm: pick([null, "shoes"]), utmContent: pick([null, "hero"]), country: COUNTRIES[visitor % 5]!, city: visitor % 2 ? "Berlin" : null, device, browser, os,
        // Hashes rotate every UTC day, like lib/redirect/visitor.ts.
        visitorHash: `${new Date(at).toISOString().slice(0, 10)}-${visitor}`, counted: false,
        // Visitor 29 is a bot; visitor 28's link previews are bots too (the same hash, counted once with bots included).
        bot: visitor === 29 || (visitor === 28 && at % 2 === 0),
      };
    };
    for (let i = 0; i < 1500; i++) clicks.push(click(START + Math.floor(rand() * SPAN), Math.floor(rand() * 30), Math.floor(rand() ** 2 * 3)));
    const write = inlineClickWriter(process.env.DATABASE_URL!);
    for (let i = 0; i < clicks.length; i += 400) await write(clicks.slice(i, i + 400));

    const tagsOf = async () => {
      const rows = await db().linkTag.findMany({ where: { link: { workspaceId: ws.id } } });
      return (linkId: string) => rows.filter((t) => t.linkId === linkId).map((t) => t.tagId);
    };
    const mappingOf = async () => {
      const rows = await db().link.findMany({ where: { workspaceId: ws.id }, select: { id: true, campaignId: true, channelId: true } });
      return { campaignOf: new Map(rows.map((l) => [l.id, l.campaignId])), channelOf: new Map(rows.map((l) => [l.id, l.channelId])) };
    };
    const figures = (rows: ClickRecord[]) => ({ clicks: rows.length, uniques: new Set(rows.map((c) => c.visitorHash)).size });

    const PERIODS = [
      { from: "2026-03-26T10:20:00Z", to: "2026-03-31T07:40:00Z", interval: "day" },
      { from: "2026-03-27", to: "2026-03-31", interval: "week" },
      // A whole UTC month (in UTC): its month rows.
      { from: "2026-03-01", to: "2026-03-31", interval: "week" },
      // Its period before is built: whole days, and (off UTC) the days it starts and ends in, cut at an hour.
      { from: "2026-03-29", to: "2026-03-31", interval: "day" },
    ];
    /** Every figure of some questions against the truth; answers how many were compared. */
    const check = async (label: string, zones: string[], withSeries: (zone: string) => boolean, scopes: Record<string, string>[] = [{}], periods = PERIODS) => {
      const { campaignOf, channelOf } = await mappingOf();
      const tagOf = await tagsOf();
      // A scoped view (one link, campaign, channel or tag): only its clicks, by the links' campaigns and channels as they are now.
      const inScope = (c: ClickRecord, scope: Record<string, string>, q: ResolvedQuery) =>
        (scope.linkId === undefined || c.linkId === scope.linkId) &&
        (scope.qrId === undefined || (c.linkId === scope.qrId && c.trigger === "qr")) &&
        (scope.campaignId === undefined || campaignOf.get(c.linkId!) === scope.campaignId) &&
        (scope.channel === undefined || channelOf.get(c.linkId!) === scope.channel) &&
        (scope.tag === undefined || tagOf(c.linkId!).includes(scope.tag)) &&
        (scope.bioPageId === undefined || c.bioPageId === scope.bioPageId) &&
        // One value of a visit's own dimension ("(none)": the clicks without one).
        Object.entries(VALUE_OF).every(([d, valueOf]) => scope[d] === undefined || valueOf(c) === (scope[d] === NONE ? null : scope[d])) &&
        (scope.platformType === undefined || (q.kinds.get(platformOf(c.referrerHost, c.utmSource) ?? "") ?? null) === (scope.platformType === NONE ? null : scope.platformType));
      const keysOf = (c: ClickRecord, d: Dimension, q: ResolvedQuery): (string | null)[] => {
        const social = platformOf(c.referrerHost, c.utmSource);
        const plain: Partial<Record<Dimension, string | null>> = {
          country: c.country, city: c.city, device: c.device, browser: c.browser, os: c.os, trigger: c.trigger, referrer: c.referrerHost, social,
          platformType: social ? (q.kinds.get(social) ?? null) : null, utm_source: c.utmSource, utm_medium: c.utmMedium, utm_campaign: c.utmCampaign,
          utm_term: c.utmTerm, utm_content: c.utmContent, link: c.linkId, campaign: campaignOf.get(c.linkId!) ?? null, channel: channelOf.get(c.linkId!) ?? null,
        };
        return d === "tag" ? tagOf(c.linkId!) : [plain[d] ?? null];
      };
      let compared = 0;
      const cases = zones.flatMap((timezone) => periods.flatMap((period) => scopes.map((scope) => [timezone, period, scope] as const)));
      // Three questions at a time, as a view's panels are asked: the database answers one while the truth of another is counted.
      const one = async ([timezone, period, scope]: (typeof cases)[number]) => {
        const q = await resolveQuery({ workspace: ws }, { ...period, ...scope, timezone, limit: 1000 });
        const where = `${label} ${timezone} ${JSON.stringify(period)} ${JSON.stringify(scope)}`;
        const counted = (c: ClickRecord) => (scope.bots === "include" ? true : scope.bots === "only" ? c.bot : !c.bot);
        const inRange = (c: ClickRecord, a = q.from, b = q.to) => c.createdAt.getTime() >= a && c.createdAt.getTime() < b && counted(c) && inScope(c, scope, q);
        const series = withSeries(timezone) ? await getTimeseries(q) : [];
        if (withSeries(timezone)) {
          const want = q.starts.map((s, i) => figures(clicks.filter((c) => inRange(c, Math.max(s, q.from), Math.min(q.starts[i + 1] ?? q.to, q.to)))));
          expect(series.map(({ clicks, uniques }) => ({ clicks, uniques })), where).toEqual(want);
        }
        const totals = await getTotals(q);
        expect(totals.current, where).toMatchObject(figures(clicks.filter((c) => inRange(c))));
        expect(totals.current.scans, where).toBe(clicks.filter((c) => inRange(c) && c.trigger === "qr").length);
        expect(totals.current.bioClicks, where).toBe(clicks.filter((c) => inRange(c) && c.trigger === "bio").length);
        expect(totals.previous, where).toMatchObject(figures(clicks.filter((c) => inRange(c, q.from - (q.to - q.from), q.from))));
        // Each breakdown whole, kept for the view's panels below (asked once: a case is some 60 reads).
        const whole = new Map<Dimension, Awaited<ReturnType<typeof getBreakdown>>>();
        for (const d of DIMENSIONS) {
          whole.set(d, await getBreakdown(q, d, 1000));
          const got = Object.fromEntries(whole.get(d)!.map((r) => [String(r.key), { clicks: r.clicks, uniques: r.uniques }]));
          const byKey = new Map<string, ClickRecord[]>();
          for (const c of clicks.filter((c) => inRange(c))) for (const k of keysOf(c, d, q)) byKey.set(String(k), [...(byKey.get(String(k)) ?? []), c]);
          expect(got, `${d} ${where}`).toEqual(Object.fromEntries([...byKey].map(([k, rows]) => [k, figures(rows)])));
          // The top two alone (the rollup then reads only the keys that can make it).
          expect(await getBreakdown(q, d, 2), `top 2 ${d} ${where}`).toEqual(whole.get(d)!.slice(0, 2));
          compared++;
        }
        // A whole view reads the same figures its panels do.
        const view = await getDashboard({ workspace: ws }, { ...period, ...scope, timezone });
        expect(view.totals.current, where).toMatchObject(figures(clicks.filter((c) => inRange(c))));
        if (withSeries(timezone)) expect(view.timeseries.map((b) => b.clicks), where).toEqual(series.map((b) => b.clicks));
        // A panel's top ten are the first ten of the whole breakdown (the top-two check above shows a limit keeps the order).
        for (const d of ["country", "link", "campaign", "channel", "tag", "platformType"] as const) {
          expect(view.breakdowns[d]?.map((r) => [r.key, r.clicks, r.uniques]), `view ${d} ${where}`).toEqual(whole.get(d)!.slice(0, 10).map((r) => [r.key, r.clicks, r.uniques]));
        }
        // A bio page's view: clicks and visitors per block of the page.
        if (scope.bioPageId) {
          const byBlock = new Map<string, ClickRecord[]>();
          for (const c of clicks.filter((c) => inRange(c))) byBlock.set(c.bioBlockId!, [...(byBlock.get(c.bioBlockId!) ?? []), c]);
          const got = view.blocks!.filter((r) => r.clicks > 0).map((r) => [r.key, { clicks: r.clicks, uniques: r.uniques }]);
          expect(Object.fromEntries(got), `blocks ${where}`).toEqual(Object.fromEntries([...byBlock].map(([k, rows]) => [k, figures(rows)])));
        }
        // The period before: its totals, and its platform types and channels (their trend).
        const earlier = (c: ClickRecord) => inRange(c, q.from - (q.to - q.from), q.from);
        expect(view.totals.previous, `previous ${where}`).toMatchObject(figures(clicks.filter(earlier)));
        for (const d of ["platformType", "channel"] as const) {
          const byKey = new Map<string, ClickRecord[]>();
          for (const c of clicks.filter(earlier)) for (const k of keysOf(c, d, q)) byKey.set(String(k), [...(byKey.get(String(k)) ?? []), c]);
          const got = Object.fromEntries(view.previous[d].map((r) => [String(r.key), { clicks: r.clicks, uniques: r.uniques }]));
          expect(got, `previous ${d} ${where}`).toEqual(Object.fromEntries([...byKey].map(([k, rows]) => [k, figures(rows)])));
        }
      };
      for (let i = 0; i < cases.length; i += 3) await Promise.all(cases.slice(i, i + 3).map(one));
      return compared;
    };
    const zones = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Kathmandu", "Asia/Kolkata"];
    const all = () => true;

    // Built: the six closed days (the last closed an hour before), and March, whose last day is among them.
    const now = START + SPAN + 2 * 60 * 60_000;
    expect(await buildDayRollups(now, { workspaceId: ws.id })).toBe(6);
    const state = await db().clickDayState.findUniqueOrThrow({ where: { workspaceId: ws.id } });
    expect([state.from.toISOString(), state.through.toISOString()]).toEqual(["2026-03-26T00:00:00.000Z", "2026-04-01T00:00:00.000Z"]);
    expect(await db().clickMonth.count({ where: { workspaceId: ws.id, month: new Date("2026-03-01T00:00:00Z") } })).toBeGreaterThan(0);
    // Running totals at April 1 (a month start and the end): a period that ends there and starts a day in is that less a day.
    expect(await db().clickMonth.count({ where: { workspaceId: ws.id, dim: "+#" } })).toBe(1);
    expect(await db().clickMonth.count({ where: { workspaceId: ws.id, dim: "+link", month: new Date("2026-04-01T00:00:00Z") } })).toBe(3);
    expect(await check("built", zones, all)).toBe(4 * zones.length * DIMENSIONS.length);
    expect(await buildDayRollups(now, { workspaceId: ws.id })).toBe(0);
    // Kolkata's days start at 18:30 UTC: a period of its days (a view's period before) reads its totals, platform types
    // and channels from the days' rows alone, the days it starts and ends in from their rows cut at 18:30.
    const kolkata = await resolveQuery({ workspace: ws }, { from: "2026-03-28", to: "2026-03-29", timezone: "Asia/Kolkata" });
    expect([kolkata.from, kolkata.to].map((t) => new Date(t).toISOString())).toEqual(["2026-03-27T18:30:00.000Z", "2026-03-29T18:30:00.000Z"]);
    const split = await aggregateSplitByDay(kolkata);
    const inKolkata = clicks.filter((c) => !c.bot && c.createdAt.getTime() >= kolkata.from && c.createdAt.getTime() < kolkata.to);
    const byKey = (rows: ClickRecord[], key: (c: ClickRecord) => string | null) => {
      const keys = new Map<string | null, ClickRecord[]>();
      for (const c of rows) keys.set(key(c), [...(keys.get(key(c)) ?? []), c]);
      return Object.fromEntries([...keys].map(([k, list]) => [String(k), figures(list)]));
    };
    const splitBy = (g: "platformType" | "channel") => Object.fromEntries(split!.get(g)!.map((r) => [String(r.k), { clicks: r.clicks, uniques: r.uniques }]));
    expect(split!.get(null)!.map((r) => ({ clicks: r.clicks, uniques: r.uniques }))).toEqual([figures(inKolkata)]);
    expect(splitBy("platformType")).toEqual(byKey(inKolkata, (c) => kolkata.kinds.get(platformOf(c.referrerHost, c.utmSource) ?? "") ?? null));
    const { channelOf } = await mappingOf();
    expect(splitBy("channel")).toEqual(byKey(inKolkata, (c) => channelOf.get(c.linkId!) ?? null));
    // One link's, one QR code's, one campaign's, one channel's, one tag's and one bio page's views, from their own daily rows.
    const red = (await db().tag.findFirstOrThrow({ where: { workspaceId: ws.id, name: "red" } })).id;
    const scopes: Record<string, string>[] = [{ linkId: links[1]!.id }, { qrId: links[0]!.id }, { campaignId: spring.id }, { channel: newsletter }, { tag: red }, { bioPageId: pages[0]!.id }];
    expect(await db().clickScopeDay.count({ where: { workspaceId: ws.id, kind: "campaign", ref: spring.id } })).toBe(6);
    const pageRows = (day?: string) => db().clickScopeDay.count({ where: { workspaceId: ws.id, kind: "bioPage", ...(day ? { day: Date.parse(`${day}T00:00:00Z`) / DAY } : {}) } });
    expect([await pageRows(), await db().clickScopeDay.count({ where: { workspaceId: ws.id, kind: "bioPage", ref: pages[1]!.id } })]).toEqual([12, 6]);
    // The newsletter has a row for each of the six days; print (no links yet) and the channel-less link's clicks have none.
    const channelRows = async () => Object.fromEntries((await db().clickScopeDay.groupBy({ by: ["ref"], where: { workspaceId: ws.id, kind: "channel" }, _count: true })).map((r) => [r.ref, r._count]));
    expect(await channelRows()).toEqual({ [newsletter]: 6 });
    await check("built, scoped", ["UTC", "Europe/Berlin", "Asia/Kolkata"], all, scopes);
    // One value's view (a click on a bar: a country, a device, a platform, a referrer, a UTM value, a trigger, or "(none)"):
    // from that value's own daily rows.
    const values: Record<string, string>[] = [
      { country: "DE" }, { device: "mobile" }, { social: platformOf("l.facebook.com", null)! }, { trigger: "qr" },
      { city: "Berlin" }, { city: NONE }, { referrer: NONE }, { utm_source: "newsletter" }, { utm_term: "shoes" }, { browser: "Chrome" },
      { platformType: "social_media" }, { platformType: NONE },
    ];
    expect(await db().clickScopeDay.count({ where: { workspaceId: ws.id, kind: "country", ref: "DE" } })).toBe(6);
    expect(await db().clickScopeDay.count({ where: { workspaceId: ws.id, kind: "referrer", ref: NONE } })).toBe(6);
    // March is whole: each value's month row, marked with the month's clicks by people.
    const march = Date.parse("2026-03-01T00:00:00Z") / DAY;
    expect(await db().clickScopeMonth.count({ where: { workspaceId: ws.id, kind: "country", ref: "DE", month: march } })).toBe(1);
    const marchClicks = clicks.filter((c) => c.createdAt.getTime() < Date.parse("2026-04-01T00:00:00Z") && !c.bot).length;
    expect((await db().clickScopeMonth.findFirstOrThrow({ where: { workspaceId: ws.id, kind: "#", month: march } })).data).toBe(`${marchClicks}:2`);
    await check("built, one value", ["UTC", "Europe/Berlin"], all, values);
    // Bots counted (the switch, without filters): from the bots' own daily rows.
    const bots: Record<string, string>[] = [{ bots: "include" }, { bots: "only" }];
    expect(await db().clickScopeDay.count({ where: { workspaceId: ws.id, kind: "bots", ref: "include" } })).toBe(6);
    expect(await db().clickScopeDay.count({ where: { workspaceId: ws.id, kind: "bots", ref: "only" } })).toBe(6);
    await check("built, bots counted", zones.slice(0, 3), all, bots);
    // One scope with bots counted: its people's rows, its bots' rows, and (visitor 28 is a bot and a person the
    // same day) what adding them counts twice, taken off. India and desktop are visitor 28's.
    const scopedBots: Record<string, string>[] = [
      { linkId: links[0]!.id, bots: "include" }, { qrId: links[0]!.id, bots: "only" }, { campaignId: spring.id, bots: "include" }, { channel: newsletter, bots: "only" },
      { tag: red, bots: "include" }, { country: "IN", bots: "include" }, { device: "desktop", bots: "only" }, { bioPageId: pages[1]!.id, bots: "include" },
    ];
    expect(await db().clickScopeDay.count({ where: { workspaceId: ws.id, kind: "link.bots" } })).toBeGreaterThan(6);
    expect(await db().clickScopeDay.count({ where: { workspaceId: ws.id, kind: "country.both", ref: "IN" } })).toBe(6);
    await check("built, scoped with bots", ["Europe/Berlin"], all, scopedBots);
    // A scope with another filter or with bots counted (a click on a bar in a campaign's view): the
    // scope's links' raw clicks, read through the click table's link index. The last one's link is not the campaign's: no clicks.
    const mixed: Record<string, string>[] = [
      { campaignId: spring.id, country: "DE" }, { linkId: links[1]!.id, bots: "include" }, { tag: red, device: "mobile" }, { qrId: links[0]!.id, bots: "only" },
      { channel: newsletter, referrer: NONE }, { campaignId: spring.id, tag: red, utm_source: "newsletter" }, { linkId: links[2]!.id, campaignId: spring.id },
    ];
    const scopeLinks = await Promise.all(mixed.map(async (scope) => (await resolveQuery({ workspace: ws }, scope)).scopeLinks?.length));
    expect(scopeLinks).toEqual([2, 1, 2, 1, 2, 2, 0]);
    await check("built, scope and filter", ["UTC", "Asia/Kolkata"], all, mixed);
    // Two values at once, a bio page and a value, bots counted with two values: each whole built day from its pack
    // (day-pack.ts), the rest (edges, the days around) the hourly way. Each day with clicks has its pack, by quarter hour.
    const twoValues: Record<string, string>[] = [
      { country: "DE", device: "mobile" }, { referrer: NONE, utm_source: "newsletter" }, { platformType: "social_media", city: "Berlin" },
      { country: "IN", device: "desktop", bots: "include" }, { device: "desktop", trigger: "qr", bots: "only" }, { bioPageId: pages[1]!.id, country: "DE" },
    ];
    expect(await db().clickDayPack.findMany({ where: { workspaceId: ws.id, rows: { gt: 0 } }, select: { slots: true } })).toEqual(Array(6).fill({ slots: 96 }));
    // Days built before packs were: the job's next round packs them (newest first, up to 31 a round); the checks below read those.
    await db().clickDayPack.deleteMany({ where: { workspaceId: ws.id } });
    expect(await buildDayRollups(now, { workspaceId: ws.id })).toBe(6);
    expect(await db().clickDayPack.findMany({ where: { workspaceId: ws.id }, select: { slots: true } })).toEqual(Array(6).fill({ slots: 96 }));
    await check("built, two values", ["UTC", "Europe/Berlin", "Asia/Kolkata"], all, twoValues);
    // A day's totals, hours, platform types and channels are read from its `summary` column, not from the whole
    // `data` (a value's lists every link clicked with it): with those parts of Germany's `data` emptied, its
    // totals, series and period before (Berlin's: cut days, and the daylight-saving change) stand.
    const inGermany = { from: "2026-03-29", to: "2026-03-31", country: "DE", interval: "day", timezone: "Europe/Berlin" };
    const germany = await resolveQuery({ workspace: ws }, inGermany);
    const answers = async () => {
      const view = await getDashboard({ workspace: ws }, inGermany);
      return { totals: await getTotals(germany), series: await getTimeseries(germany), view: [view.totals, view.timeseries, view.previous] };
    };
    const read = await answers();
    expect(read.totals.current.clicks).toBeGreaterThan(0);
    expect(read.totals.previous.clicks).toBeGreaterThan(0);
    const saved = await db().clickScopeDay.findMany({ where: { workspaceId: ws.id, kind: "country", ref: "DE" }, select: { id: true, data: true } });
    const emptied = (data: string) => {
      const day = JSON.parse(data) as { t: number[]; d: unknown[]; h: number[][] };
      for (const dim of ["platformType", "channel"] as const) day.d[DIMENSIONS.indexOf(dim)] = [];
      return JSON.stringify({ ...day, t: [0, 0], h: [] });
    };
    for (const r of saved) await db().clickScopeDay.update({ where: { id: r.id }, data: { data: emptied(r.data) } });
    expect(await answers()).toEqual(read);
    for (const r of saved) await db().clickScopeDay.update({ where: { id: r.id }, data: { data: r.data } });
    // Rows written before the column existed (null) read `data`, and answer the same. (The rebuilds below write it again.)
    await db().clickScopeDay.updateMany({ where: { workspaceId: ws.id }, data: { summary: null } });
    await check("built, one value, rows without a summary", ["Europe/Berlin"], all, values.slice(0, 4));

    // A link moves to another campaign, another to another channel: campaign and channel figures follow at once
    // (read the hourly way: the built rows still hold the old links), and again once the job rebuilt them.
    await updateLink(access, links[2]!.id, { campaignId: autumn.id });
    await updateLink(access, links[1]!.id, { channelId: print });
    await check("moved", ["UTC", "Europe/Berlin"], all, [{}, { campaignId: autumn.id }, { campaignId: spring.id }, { channel: newsletter }, { channel: print }, { country: "DE" }]);
    expect(await buildDayRollups(now, { workspaceId: ws.id })).toBe(6);
    const rebuilt = await db().clickDayState.findUniqueOrThrow({ where: { workspaceId: ws.id } });
    expect(rebuilt.mapping).toBe(await mappingFingerprint(ws.id, rebuilt.through.getTime()));
    expect(await channelRows()).toEqual({ [newsletter]: 6, [print]: 6 });
    await check("moved, rebuilt", ["UTC", "Europe/Berlin"], all, [{}, { campaignId: autumn.id }, { channel: newsletter }, { channel: print }, { linkId: links[2]!.id }, { country: "DE" }, { bioPageId: pages[0]!.id }]);

    // Facebook's type changed in Settings → Channels: platform types follow at once, and after the rebuild
    // (which then rebuilds links' and QR codes' own rows too: they hold platform types).
    const other = platformKinds([]).get("facebook") === "social_media" ? "social_network" : "social_media";
    expect((await db().channel.updateMany({ where: { workspaceId: ws.id, key: "facebook" }, data: { kind: other } })).count).toBe(1);
    const typed: Record<string, string>[] = [{}, { linkId: links[1]!.id }, { qrId: links[0]!.id }, { campaignId: spring.id }, { channel: print }, { platformType: "social_network" }, { bots: "include" }];
    await check("kinds changed", ["Europe/Berlin"], all, typed);
    expect(await buildDayRollups(now, { workspaceId: ws.id })).toBe(6);
    await check("kinds changed, rebuilt", ["Europe/Berlin"], all, typed);

    // A click written late (a queue spilled while the database was down) for a built day: the next round rebuilds that day.
    // A bot's click written late for another day: that day too.
    // The raw clicks of an hour of the first of those days are gone (as retention deletes them): that day is rebuilt
    // by hour, without quarter hours; the other by quarter hour, from its raw clicks.
    // (Not from a bio page: a day rebuilt by hour keeps the pages' rows it had, so March 28's bio page views stand as they were.)
    const late: ClickRecord = { ...click(Date.parse("2026-03-28T12:00:00Z"), 3, 1), trigger: "link", bioPageId: null, bioBlockId: null };
    const lateBot = click(Date.parse("2026-03-29T12:00:00Z"), 29, 1);
    clicks.push(late, lateBot);
    await write([late, lateBot]);
    const hourGone = { workspaceId: ws.id, createdAt: { gte: new Date("2026-03-28T10:00:00Z"), lt: new Date("2026-03-28T11:00:00Z") } };
    const deleted = await db().click.findMany({ where: hourGone });
    expect(deleted.length).toBeGreaterThan(0);
    await db().click.deleteMany({ where: hourGone });
    expect(await buildDayRollups(now, { workspaceId: ws.id })).toBe(2);
    const quarterRows = (day: string) => db().clickDay.count({ where: { workspaceId: ws.id, dim: "<", key: "18:30", day: new Date(`${day}T00:00:00Z`) } });
    expect([await quarterRows("2026-03-27"), await quarterRows("2026-03-28"), await quarterRows("2026-03-29")]).toEqual([1, 0, 1]);
    expect(await pageRows("2026-03-28")).toBe(2);
    // (New York's March starts a day in: it is the running totals at April 1 less March 1, which must hold the late click too.)
    await check("late", ["UTC", "America/New_York"], all, [{}, { linkId: links[1]!.id }, { tag: red }, ...bots, { bioPageId: pages[0]!.id }]);
    // Kolkata's days start inside an hour March 28 now keeps whole: its series is read the hourly way, exact still.
    await check("late, days kept by hour", ["Asia/Kolkata"], all, [{}, { linkId: links[1]!.id }, { country: "DE" }], PERIODS.slice(0, 1));
    // Nor can a period of Kolkata's days that starts in it read it from its rows: nothing of it is cut at 18:30.
    const startsInIt = await resolveQuery({ workspace: ws }, { from: "2026-03-29", to: "2026-03-30", timezone: "Asia/Kolkata" });
    expect([await aggregateSplitByDay(startsInIt), await aggregateSplitByDay(startsInIt, { groups: [null] })]).toEqual([null, null]);
    expect((await getTotals(startsInIt)).current).toMatchObject(figures(clicks.filter((c) => !c.bot && c.createdAt.getTime() >= startsInIt.from && c.createdAt.getTime() < startsInIt.to)));
    // Days built by an older version of the rows (by hour, as March 28 is now) are rebuilt by the job once, by quarter
    // hour where their raw clicks are all kept: March 28's are not, so it is left as it is.
    const daysVersion = async () => (await db().clickDayState.findUniqueOrThrow({ where: { workspaceId: ws.id } })).daysVersion;
    await db().clickDayState.update({ where: { workspaceId: ws.id }, data: { daysVersion: 0 } });
    expect(await buildDayRollups(now, { workspaceId: ws.id })).toBe(0);
    expect([await quarterRows("2026-03-28"), await daysVersion()]).toEqual([0, 2]);
    // With those raw clicks back, it is rebuilt by quarter hour, and only it (the others have their quarter rows).
    await db().click.createMany({ data: deleted });
    await db().clickDayState.update({ where: { workspaceId: ws.id }, data: { daysVersion: 0 } });
    expect(await buildDayRollups(now, { workspaceId: ws.id })).toBe(1);
    expect([await quarterRows("2026-03-28"), await daysVersion()]).toEqual([1, 2]);
    await check("older rows rebuilt", ["Asia/Kolkata"], all, [{}, { country: "DE" }], PERIODS.slice(0, 1));
    // The next late click rebuilds the day by quarter hour again.
    const later = click(Date.parse("2026-03-28T18:40:00Z"), 5, 0);
    clicks.push(later);
    await write([later]);
    expect(await buildDayRollups(now, { workspaceId: ws.id })).toBe(1);
    expect(await quarterRows("2026-03-28")).toBe(1);

    // A link made during the next day, clicked that day: building the day forward takes it into the fingerprint
    // (one day written, not a rebuild), and moving it afterwards makes every built day's mapped rows stale.
    const april = START + SPAN;
    const made = await createLink(access, { url: "https://example.com/april", campaignId: spring.id });
    await db().link.update({ where: { id: made.id }, data: { createdAt: new Date(april + 2 * 3_600_000) } });
    const aprilClick = { ...click(april + 5 * 3_600_000, 4, 0), linkId: made.id };
    clicks.push(aprilClick);
    await write([aprilClick]);
    expect(await buildDayRollups(now + DAY, { workspaceId: ws.id })).toBe(1);
    const moved = await db().clickDayState.findUniqueOrThrow({ where: { workspaceId: ws.id } });
    expect(moved.through.getTime()).toBe(april + DAY);
    expect(moved.mapping).toBe(await mappingFingerprint(ws.id, april + DAY));
    await updateLink(access, made.id, { campaignId: autumn.id });
    expect(await buildDayRollups(now + DAY, { workspaceId: ws.id })).toBe(7);

    // Links made after the built days (now) cannot have clicks in them: creating and moving one leaves the rows current, no rebuild.
    const fresh = await createLink(access, { url: "https://example.com/new", campaignId: spring.id, tags: ["red"] });
    await updateLink(access, fresh.id, { campaignId: autumn.id });
    expect(await buildDayRollups(now, { workspaceId: ws.id })).toBe(0);

    // The built days' hourly rows and raw clicks gone: those days can only be read from the daily rollup,
    // Kathmandu's and Kolkata's time series too (their buckets start at a quarter hour the days keep).
    const gone = { workspaceId: ws.id };
    await db().clickCube.deleteMany({ where: { ...gone, hour: { gte: new Date(START + 2 * DAY), lt: new Date(START + 5 * DAY) } } });
    await db().click.deleteMany({ where: { ...gone, createdAt: { gte: new Date(START + 2 * DAY), lt: new Date(START + 5 * DAY) } } });
    // (The fourth period starts at Berlin's midnight, in a day gone: its first hour is read the hourly way.)
    await check("hourly rows gone", zones, all, [{}], PERIODS.slice(0, 3));
    await check("hourly rows gone, scoped", ["UTC", "Europe/Berlin"], all, [...scopes, ...values, ...bots, ...scopedBots.slice(0, 3), { campaignId: autumn.id }, { channel: print }], PERIODS.slice(0, 3));
    await check("hourly rows gone, scoped, quarter hours", ["Asia/Kathmandu"], all, [...scopes, { country: "DE" }, ...bots, scopedBots[0]!], PERIODS.slice(0, 1));
    // Two values at once too: those days from their packs alone (Kathmandu's buckets cut them at 18:15: packs keep quarter hours).
    await check("hourly rows gone, two values", ["UTC", "Europe/Berlin", "Asia/Kathmandu"], all, twoValues, PERIODS.slice(0, 3));
    // A period whose period before starts inside a day gone from the hourly rows: that day's part from its split rows,
    // or, for one scope's view (bots counted too), from its summary's hours by key.
    const cutScopes = [{}, ...bots, { country: "DE" }, { referrer: NONE }, { linkId: links[1]!.id }, { campaignId: spring.id }, ...scopedBots.slice(0, 3)];
    await check("hourly rows gone, period before cut", ["UTC"], all, cutScopes, [{ from: "2026-03-31T00:00:00Z", to: "2026-04-01T12:00:00Z", interval: "day" }]);

    // One dimension of a value over a whole month is read from the month's row:
    // with the value's day rows gone, March's links and countries without a
    // referrer are still right (the checks above compared them with the truth).
    const noReferrer = await resolveQuery({ workspace: ws }, { from: "2026-03-01", to: "2026-03-31", referrer: NONE, timezone: "UTC", limit: 1000 });
    const fromRows = [await getBreakdown(noReferrer, "link", 1000), await getBreakdown(noReferrer, "country", 1000)];
    expect(fromRows[0]!.length).toBeGreaterThan(1);
    // A month row's links are by number in their own column, its JSON's link list left empty.
    const monthRow = () => db().clickScopeMonth.findFirstOrThrow({ where: { workspaceId: ws.id, kind: "referrer", ref: NONE, month: march } });
    const byNumber = new Map((await db().clickPackLink.findMany({ where: { workspaceId: ws.id } })).map((r) => [r.n, r.linkId]));
    const linksOf = (bytes: Uint8Array) => {
      const f = linkFigures(bytes);
      return Array.from({ length: f.length / 5 }, (_, i) => [byNumber.get(f[i * 5]!) ?? null, ...f.slice(i * 5 + 1, i * 5 + 5)]);
    };
    const written = await monthRow();
    expect((JSON.parse(written.data) as { d: unknown[] }).d[DIMENSIONS.indexOf("link")]).toEqual([]);
    const marchLinks = linksOf(written.links!);
    const inMarch = (c: ClickRecord) => c.createdAt.getTime() >= march * DAY && c.createdAt.getTime() < Date.parse("2026-04-01T00:00:00Z");
    expect(Object.fromEntries(marchLinks.map((r) => [String(r[0]), { clicks: r[1], uniques: r[2] }]))).toEqual(
      byKey(clicks.filter((c) => inMarch(c) && !c.bot && c.referrerHost === null), (c) => c.linkId),
    );
    // Months an older version wrote (their links in the JSON, marked with the clicks alone) are read as they are,
    // and written again in the new layout by the next round.
    for (const row of await db().clickScopeMonth.findMany({ where: { workspaceId: ws.id, month: march, NOT: { links: null } } })) {
      const data = JSON.parse(row.data) as { d: unknown[] };
      data.d[DIMENSIONS.indexOf("link")] = linksOf(row.links!).map((r) => { let n = r.length; while (n > 3 && r[n - 1] === 0) n--; return r.slice(0, n); });
      await db().clickScopeMonth.update({ where: { id: row.id }, data: { data: JSON.stringify(data), links: null } });
    }
    await db().clickScopeMonth.updateMany({ where: { workspaceId: ws.id, kind: "#", month: march }, data: { data: String(marchClicks) } });
    expect([await getBreakdown(noReferrer, "link", 1000), await getBreakdown(noReferrer, "country", 1000)]).toEqual(fromRows);
    await buildDayRollups(now, { workspaceId: ws.id });
    expect((await monthRow()).links).not.toBeNull();
    expect(linksOf((await monthRow()).links!)).toEqual(marchLinks);
    await db().clickScopeDay.deleteMany({ where: { workspaceId: ws.id, kind: "referrer", ref: NONE } });
    expect([await getBreakdown(noReferrer, "link", 1000), await getBreakdown(noReferrer, "country", 1000)]).toEqual(fromRows);

    await write.close();
  });
});
