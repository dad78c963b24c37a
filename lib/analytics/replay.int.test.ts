import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, startRedirectServer, type RunningServer } from "@/tests/redirect-server";

// A generated traffic log with known truth goes through the real redirect over
// HTTP, each request "at" a chosen instant (tests/fake-clock.mjs); then every
// figure is read through GET /api/v1/analytics (its real handler, with an API
// key) and compared with the truth computed here from the log alone.
const port = await freePort();
process.env.APP_URL = `http://localhost:${port}`;
const { db } = await import("@/lib/db/client");
const { createLink } = await import("@/lib/links/create-link");
const { createCampaign } = await import("@/lib/campaigns/create-campaign");
const { createWorkspace } = await import("@/lib/workspaces/create-workspace");
const { updateWorkspace } = await import("@/lib/workspaces/update-workspace");
const { createApiKey } = await import("@/lib/api-keys/create-api-key");
const { accessFor, makeUser } = await import("@/tests/factories");
const { GET } = await import("@/app/api/v1/analytics/route");
const { getTotals } = await import("./get-analytics");
const { resolveQuery } = await import("./resolve-query");
const { DASHBOARD_PANELS, getDashboard } = await import("./get-dashboard");
const { countViewRowsByDay } = await import("./click-sql");
const { planParts } = await import("./view-parts");

const DESKTOP = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
const ANDROID = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";
const GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
const PREVIEW = "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)";
const IP = { GB: "81.2.69.142", US: "8.8.8.8", DE: "5.9.10.10", JP: "133.242.0.3", AU: "1.1.1.1", BR: "200.160.2.3" } as const;
const DEVICE: Record<string, string> = { [DESKTOP]: "desktop", [IPHONE]: "mobile", [ANDROID]: "mobile" };

interface Visit {
  at: string;
  link: "spring" | "summer" | "other";
  country: keyof typeof IP;
  ua: string;
  referer?: string;
  query?: string;
  head?: boolean;
}

// Berlin springs forward on 2026-03-29 (a 23-hour day) and falls back on
// 2026-10-25 (25 hours); New York springs forward on 2026-03-08.
const LOG: Visit[] = [
  { at: "2026-03-28T22:59:00Z", link: "spring", country: "GB", ua: DESKTOP, referer: "https://l.facebook.com/l.php?u=x" }, // Berlin 23:59
  { at: "2026-03-28T23:01:00Z", link: "spring", country: "GB", ua: DESKTOP, referer: "https://l.facebook.com/l.php?u=x" }, // Berlin 00:01, same UTC day: same visitor
  { at: "2026-03-29T00:30:00Z", link: "spring", country: "DE", ua: IPHONE, query: "?qr=1" },
  { at: "2026-03-29T01:30:00Z", link: "summer", country: "US", ua: ANDROID, query: "?utm_source=linkedin&utm_medium=social" },
  { at: "2026-03-29T10:00:00Z", link: "spring", country: "US", ua: GOOGLEBOT },
  { at: "2026-03-29T10:05:00Z", link: "spring", country: "US", ua: PREVIEW },
  { at: "2026-03-29T10:10:00Z", link: "spring", country: "DE", ua: DESKTOP, head: true },
  { at: "2026-03-29T12:00:00Z", link: "spring", country: "AU", ua: DESKTOP, query: "?bio=1", referer: "https://t.co/abc" },
  { at: "2026-03-29T21:59:00Z", link: "spring", country: "DE", ua: IPHONE, referer: "https://t.co/abc" }, // Berlin 23:59 of the 23-hour day
  { at: "2026-03-29T22:01:00Z", link: "spring", country: "GB", ua: DESKTOP, referer: "https://www.xing.com/feed" }, // Berlin 03-30 00:01, UTC still 03-29
  { at: "2026-03-30T00:01:00Z", link: "summer", country: "JP", ua: DESKTOP, query: "?utm_source=Newsletter" },
  { at: "2026-03-08T04:59:00Z", link: "summer", country: "BR", ua: ANDROID }, // New York 23:59 (03-07)
  { at: "2026-03-08T05:01:00Z", link: "summer", country: "BR", ua: ANDROID }, // New York 00:01 (03-08), same UTC day
  { at: "2026-03-09T03:59:00Z", link: "summer", country: "BR", ua: ANDROID }, // New York 23:59 (03-08, 23 hours), next UTC day
  { at: "2026-03-09T04:01:00Z", link: "summer", country: "BR", ua: ANDROID }, // New York 00:01 (03-09)
  { at: "2026-10-24T22:30:00Z", link: "spring", country: "DE", ua: DESKTOP }, // Berlin 00:30 of the 25-hour day
  { at: "2026-10-25T22:30:00Z", link: "spring", country: "DE", ua: DESKTOP }, // Berlin 23:30 of it
  { at: "2026-10-25T23:30:00Z", link: "spring", country: "DE", ua: DESKTOP }, // Berlin 10-26 00:30
  { at: "2026-03-29T12:00:00Z", link: "other", country: "DE", ua: DESKTOP }, // another workspace
];

const counted = (v: Visit) => !v.head && v.ua !== GOOGLEBOT && v.ua !== PREVIEW;
const trigger = (v: Visit) => (v.query?.includes("qr=1") ? "qr" : v.query?.includes("bio=") ? "bio" : "link");

/** The truth, from the log alone: clicks and distinct (UTC day, address, agent) in [from, to). */
function truth(from: string, to: string, keep: (v: Visit) => boolean = () => true, bots: "exclude" | "include" | "only" = "exclude") {
  const rows = LOG.filter((v) => v.link !== "other" && v.at >= new Date(from).toISOString() && v.at < new Date(to).toISOString() && keep(v));
  const chosen = rows.filter((v) => (bots === "include" ? true : bots === "only" ? !counted(v) : counted(v)));
  return { clicks: chosen.length, uniques: new Set(chosen.map((v) => `${v.at.slice(0, 10)}|${IP[v.country]}|${v.ua}`)).size };
}

let server: RunningServer;
let clockFile: string;
let key: string;
let otherKey: string;
const ids: Record<string, string> = {};

async function api(params: Record<string, string | string[]>, bearer = key) {
  const url = new URL("http://localhost/api/v1/analytics");
  for (const [k, v] of Object.entries(params)) for (const x of Array.isArray(v) ? v : [v]) url.searchParams.append(k, x);
  const res = await GET(new NextRequest(url, { headers: { authorization: `Bearer ${bearer}` } }), { params: Promise.resolve({}) });
  return { status: res.status, body: (await res.json()) as { data: { key?: string | null; label?: string; start?: string; clicks: number; uniques: number }[]; error?: { message: string; details?: { fields: Record<string, string> } } } };
}
const byKey = (rows: { key?: string | null; clicks: number; uniques: number }[]) => Object.fromEntries(rows.map((r) => [String(r.key), { clicks: r.clicks, uniques: r.uniques }]));

beforeAll(async () => {
  clockFile = path.join(mkdtempSync(path.join(os.tmpdir(), "pennant-clock-")), "now");
  writeFileSync(clockFile, "");
  server = await startRedirectServer({ TRUSTED_PROXIES: "loopback", FAKE_CLOCK_FILE: clockFile }, port, ["--import", path.resolve("tests/fake-clock.mjs")]);
  const user = await makeUser("replay");
  const ws = await createWorkspace(user.id, { name: "Replay" });
  const admin = await accessFor(user, ws.slug, "workspace.update");
  await updateWorkspace(admin, { timeZone: "Europe/Berlin" });
  const access = await accessFor(user, ws.slug, "links.write");
  const campaign = await createCampaign(access, { name: "Spring sale" });
  ids.campaign = campaign.id;
  ids.spring = (await createLink(access, { url: "https://shop.example/spring", slug: "spring-replay", campaignId: campaign.id, tags: ["promo"] })).id;
  // Tagged for a newsletter: a visit without UTM values of its own counts the link's.
  ids.summer = (await createLink(access, { url: "https://shop.example/summer", slug: "summer-replay", utm: { source: "newsletter", medium: "email" } })).id;
  ids.tag = (await db().tag.findFirstOrThrow({ where: { workspaceId: ws.id, name: "promo" } })).id;
  key = (await createApiKey(access, { name: "viewer", role: "viewer" })).key;

  const otherUser = await makeUser("replay-other");
  const other = await createWorkspace(otherUser.id, { name: "Other" });
  const otherAccess = await accessFor(otherUser, other.slug, "links.write");
  const otherCampaign = await createCampaign(otherAccess, { name: "Theirs" });
  ids.otherCampaign = otherCampaign.id;
  ids.other = (await createLink(otherAccess, { url: "https://theirs.example/", slug: "other-replay", campaignId: otherCampaign.id })).id;
  otherKey = (await createApiKey(otherAccess, { name: "theirs", role: "viewer" })).key;

  const slugs = { spring: "spring-replay", summer: "summer-replay", other: "other-replay" };
  for (const v of LOG) {
    writeFileSync(clockFile, String(Date.parse(v.at)));
    const headers: Record<string, string> = { "user-agent": v.ua, "x-forwarded-for": IP[v.country] };
    if (v.referer) headers.referer = v.referer;
    const res = await fetch(`${server.url}/${slugs[v.link]}${v.query ?? ""}`, { method: v.head ? "HEAD" : "GET", headers, redirect: "manual" });
    expect([200, 302]).toContain(res.status);
  }
  writeFileSync(clockFile, "");
  for (let i = 0; i < 100 && (await db().click.count({ where: { workspaceId: { in: [ws.id, other.id] } } })) < LOG.length; i++) await new Promise((r) => setTimeout(r, 100));
  expect(await db().click.count({ where: { workspaceId: { in: [ws.id, other.id] } } })).toBe(LOG.length);
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

describe("analytics over a replayed traffic log", () => {
  it("buckets days in the workspace's zone across Berlin's 23-hour day, with empty buckets and offsets", async () => {
    const { status, body } = await api({ from: "2026-03-27", to: "2026-03-30", interval: "day" });
    expect(status).toBe(200);
    const days = ["2026-03-26T23:00:00Z", "2026-03-27T23:00:00Z", "2026-03-28T23:00:00Z", "2026-03-29T22:00:00Z", "2026-03-30T22:00:00Z"];
    expect(body.data).toEqual(days.slice(0, 4).map((d, i) => ({ start: ["2026-03-27T00:00:00+01:00", "2026-03-28T00:00:00+01:00", "2026-03-29T00:00:00+01:00", "2026-03-30T00:00:00+02:00"][i], ...truth(d, days[i + 1]!) })));
    expect(body.data.map((b) => b.clicks)).toEqual([0, 1, 5, 2]);
  });

  it("counts a visitor once within a UTC day and again on the next, and never bots, preview crawlers or HEAD requests", async () => {
    const ws = await db().link.findUniqueOrThrow({ where: { id: ids.spring! }, select: { workspace: { select: { id: true, slug: true, timeZone: true } } } });
    const access = { workspace: ws.workspace } as Parameters<typeof resolveQuery>[0];
    const { current, previous } = await getTotals(await resolveQuery(access, { from: "2026-03-28", to: "2026-03-30" }));
    const t = truth("2026-03-27T23:00:00Z", "2026-03-30T22:00:00Z");
    expect(current).toMatchObject({ clicks: t.clicks, uniques: t.uniques, scans: 1, bioClicks: 1 });
    expect(t).toEqual({ clicks: 8, uniques: 6 });
    expect(previous.clicks).toBe(truth("2026-03-24T23:00:00Z", "2026-03-27T23:00:00Z").clicks);
    const all = await api({ from: "2026-03-28", to: "2026-03-30", bots: "include" });
    expect(all.body.data.reduce((n, b) => n + b.clicks, 0)).toBe(truth("2026-03-27T23:00:00Z", "2026-03-30T22:00:00Z", undefined, "include").clicks);
    const only = await api({ from: "2026-03-28", to: "2026-03-30", groupBy: "trigger", bots: "only" });
    expect(byKey(only.body.data)).toEqual({ link: truth("2026-03-27T23:00:00Z", "2026-03-30T22:00:00Z", undefined, "only") });
  });

  it("buckets in another zone when asked: New York's 23-hour day, Kathmandu's midnight at 18:15 UTC", async () => {
    const ny = await api({ from: "2026-03-07", to: "2026-03-09", interval: "day", timezone: "America/New_York" });
    const nyDays = ["2026-03-07T05:00:00Z", "2026-03-08T05:00:00Z", "2026-03-09T04:00:00Z", "2026-03-10T04:00:00Z"];
    expect(ny.body.data).toEqual([0, 1, 2].map((i) => ({ start: ["2026-03-07T00:00:00-05:00", "2026-03-08T00:00:00-05:00", "2026-03-09T00:00:00-04:00"][i], ...truth(nyDays[i]!, nyDays[i + 1]!) })));
    expect(ny.body.data.map((b) => [b.clicks, b.uniques])).toEqual([[1, 1], [2, 2], [1, 1]]);
    const ktm = await api({ from: "2026-03-29", to: "2026-03-30", interval: "day", timezone: "Asia/Kathmandu" });
    expect(ktm.body.data).toEqual([
      { start: "2026-03-29T00:00:00+05:45", ...truth("2026-03-28T18:15:00Z", "2026-03-29T18:15:00Z") },
      { start: "2026-03-30T00:00:00+05:45", ...truth("2026-03-29T18:15:00Z", "2026-03-30T18:15:00Z") },
    ]);
    const autumn = await api({ from: "2026-10-25", to: "2026-10-25", interval: "hour" });
    expect(autumn.body.data).toHaveLength(25);
    expect(autumn.body.data.reduce((n, b) => n + b.clicks, 0)).toBe(2);
  });

  it("breaks clicks down by every dimension, labelled, exactly", async () => {
    const range = { from: "2026-03-28", to: "2026-03-30" };
    const win = ["2026-03-27T23:00:00Z", "2026-03-30T22:00:00Z"] as const;
    const by = async (groupBy: string) => byKey((await api({ ...range, groupBy })).body.data);
    const t = (keep: (v: Visit) => boolean) => truth(win[0], win[1], keep);
    expect(await by("country")).toEqual({ GB: t((v) => v.country === "GB"), DE: t((v) => v.country === "DE"), US: t((v) => v.country === "US"), AU: t((v) => v.country === "AU"), JP: t((v) => v.country === "JP") });
    expect(await by("device")).toEqual({ desktop: t((v) => DEVICE[v.ua] === "desktop"), mobile: t((v) => DEVICE[v.ua] === "mobile") });
    expect(await by("trigger")).toEqual({ link: t((v) => trigger(v) === "link"), qr: t((v) => trigger(v) === "qr"), bio: t((v) => trigger(v) === "bio") });
    expect(await by("social")).toEqual({
      facebook: t((v) => !!v.referer?.includes("facebook")),
      x: t((v) => !!v.referer?.includes("t.co")),
      xing: t((v) => !!v.referer?.includes("xing")),
      linkedin: t((v) => !!v.query?.includes("linkedin")),
      null: t((v) => !v.referer && !v.query?.includes("linkedin")),
    });
    expect(await by("platformType")).toEqual({
      social_media: t((v) => !!v.referer?.match(/facebook|t\.co/)),
      social_network: t((v) => !!v.referer?.includes("xing") || !!v.query?.includes("linkedin")),
      null: t((v) => !v.referer && !v.query?.includes("linkedin")),
    });
    // The values the destination received: the visit's own win over the link's (summer's: newsletter, email).
    expect(await by("utm_source")).toEqual({ linkedin: t((v) => !!v.query?.includes("linkedin")), Newsletter: t((v) => !!v.query?.includes("Newsletter")), null: t((v) => v.link === "spring") });
    expect(await by("utm_medium")).toEqual({ social: t((v) => !!v.query?.includes("utm_medium=social")), email: t((v) => v.link === "summer" && !v.query?.includes("utm_medium")), null: t((v) => v.link === "spring") });
    expect(await by("link")).toEqual({ [ids.spring!]: t((v) => v.link === "spring"), [ids.summer!]: t((v) => v.link === "summer") });
    expect(await by("campaign")).toEqual({ [ids.campaign!]: t((v) => v.link === "spring"), null: t((v) => v.link === "summer") });
    expect(await by("tag")).toEqual({ [ids.tag!]: t((v) => v.link === "spring") });
    const labelled = (await api({ ...range, groupBy: "country" })).body.data;
    expect(labelled.find((r) => r.key === "GB")?.label).toBe("United Kingdom");
  });

  it("counts a link's own UTM values for visits that bring none, as its destination received them", async () => {
    const win = ["2026-03-06T23:00:00Z", "2026-03-09T23:00:00Z"] as const;
    const plain = truth(win[0], win[1], (v) => v.link === "summer" && !v.query);
    expect(plain.clicks).toBe(4);
    const range = { from: "2026-03-07", to: "2026-03-09" };
    expect(byKey((await api({ ...range, groupBy: "utm_source" })).body.data)).toEqual({ newsletter: plain });
    expect(byKey((await api({ ...range, groupBy: "utm_medium" })).body.data)).toEqual({ email: plain });
    expect(byKey((await api({ ...range, groupBy: "country", utm_source: "newsletter" })).body.data)).toEqual({ BR: plain });
  });

  it("combines filters, and a filter's (none) matches clicks without the value", async () => {
    const win = ["2026-03-27T23:00:00Z", "2026-03-30T22:00:00Z"] as const;
    const r = await api({ from: "2026-03-28", to: "2026-03-30", groupBy: "trigger", country: "DE", campaignId: ids.campaign! });
    expect(byKey(r.body.data)).toEqual({ qr: truth(win[0], win[1], (v) => v.country === "DE" && trigger(v) === "qr"), link: truth(win[0], win[1], (v) => v.country === "DE" && v.link === "spring" && trigger(v) === "link") });
    const direct = await api({ from: "2026-03-28", to: "2026-03-30", groupBy: "country", referrer: "(none)", tag: ids.tag! });
    expect(byKey(direct.body.data)).toEqual({ DE: truth(win[0], win[1], (v) => !v.referer && v.link === "spring" && v.country === "DE") });
    const several = await api({ from: "2026-03-28", to: "2026-03-30", groupBy: "country", country: ["GB", "JP"] });
    expect(Object.keys(byKey(several.body.data)).sort()).toEqual(["GB", "JP"]);
  });

  it("draws the same dashboard from the period read once as from one query per panel", async () => {
    const ws = await db().link.findUniqueOrThrow({ where: { id: ids.spring! }, select: { workspace: { select: { id: true, slug: true, timeZone: true } } } });
    const access = { workspace: ws.workspace } as Parameters<typeof resolveQuery>[0];
    const questions: Record<string, string | string[]>[] = [
      { from: "2026-03-27", to: "2026-03-30", interval: "day" },
      { from: "2026-03-29", to: "2026-03-30", interval: "day", timezone: "Asia/Kathmandu" },
      { from: "2026-03-28", to: "2026-03-30", interval: "hour", bots: "include" },
      { from: "2026-03-28", to: "2026-03-30", country: "DE", campaignId: ids.campaign! },
      { from: "2026-03-28", to: "2026-03-30", referrer: "(none)", tag: ids.tag! },
      { range: "all", interval: "month" },
    ];
    let split = 0;
    for (const input of questions) {
      const once = await getDashboard(access, input);
      expect(once.totals.current.clicks, JSON.stringify(input)).toBeGreaterThan(0);
      // A cap of no rows sends the view query by query, as a day with more rows than the cap would.
      expect(once, JSON.stringify(input)).toEqual(await getDashboard(access, input, DASHBOARD_PANELS, 0));
      // A cap of the busiest day's rows: a period with rows on several days is read in parts of whole days.
      const q = await resolveQuery(access, { ...input, groupBy: "timeseries" });
      const counts = await countViewRowsByDay(q);
      const busiest = Math.max(...counts.values());
      if (counts.size < 2) continue;
      expect(planParts(q, counts, busiest)!.length, JSON.stringify(input)).toBeGreaterThan(1);
      expect(await getDashboard(access, input, DASHBOARD_PANELS, busiest), JSON.stringify(input)).toEqual(once);
      split++;
    }
    expect(split).toBeGreaterThanOrEqual(4);
  });

  it("keeps the hourly rollup equal to the raw clicks", async () => {
    const ws = (await db().link.findUniqueOrThrow({ where: { id: ids.spring! } })).workspaceId;
    const cube = await db().clickCube.groupBy({ by: ["bot"], where: { workspaceId: ws }, _sum: { clicks: true } });
    const human = LOG.filter((v) => v.link !== "other" && counted(v)).length;
    expect(cube.find((c) => !c.bot)?._sum.clicks).toBe(human);
    expect(cube.find((c) => c.bot)?._sum.clicks).toBe(LOG.filter((v) => v.link !== "other" && !counted(v)).length);
    const social = await db().clickCube.groupBy({ by: ["social"], where: { workspaceId: ws, bot: false }, _sum: { clicks: true } });
    expect(Object.fromEntries(social.map((s) => [String(s.social), s._sum.clicks]))).toEqual({ facebook: 2, x: 2, xing: 1, linkedin: 1, null: human - 6 });
  });

  it("answers another workspace's ids with 404, never shows its clicks, and names a bad parameter with 422", async () => {
    for (const p of [{ linkId: ids.other! }, { campaignId: ids.other! }, { campaign: ids.otherCampaign! }, { qrId: ids.other! }, { tagId: "nope" }] as Record<string, string>[]) {
      expect((await api({ range: "all", ...p })).status, JSON.stringify(p)).toBe(404);
    }
    const mine = await api({ from: "2026-03-29", to: "2026-03-29", groupBy: "link" });
    expect(Object.keys(byKey(mine.body.data))).not.toContain(ids.other);
    const theirs = await api({ from: "2026-03-29", to: "2026-03-29", groupBy: "link" }, otherKey);
    expect(byKey(theirs.body.data)).toEqual({ [ids.other!]: { clicks: 1, uniques: 1 } });
    const bad = await api({ interval: "fortnight" });
    expect(bad.status).toBe(422);
    expect(bad.body.error?.details?.fields).toHaveProperty("interval");
    const tooMany = await api({ from: "2025-01-01", to: "2026-03-01", interval: "hour" });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.error?.details?.fields).toHaveProperty("interval");
    expect((await api({ sort: "x" })).status).toBe(422);
  });
});
