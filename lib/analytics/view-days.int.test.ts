import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createBioPage } from "@/lib/bio-pages/create-bio-page";
import { getBioPageQr } from "@/lib/bio-pages/bio-page-qr";
import { getPageStats } from "@/lib/bio-pages/page-stats";
import type { ClickRecord } from "@/lib/clicks/click-buffer";
import { db } from "@/lib/db/client";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { accessFor, makeUser, testClick, writeClicks } from "@/tests/factories";
import { getTotals } from "./get-analytics";
import { resolveQuery } from "./resolve-query";
import { buildPageViewDays } from "./view-days";

const DAY = 86_400_000;
const ZONE = "Asia/Kathmandu"; // +05:45: its days start at 18:15 UTC, so every range cuts two UTC days
const handle = (p: string) => `${p}${Math.random().toString(36).slice(2, 8)}`;

async function workspace(name: string) {
  const user = await makeUser(name);
  const ws = await createWorkspace(user.id, { name });
  await db().workspace.update({ where: { id: ws.id }, data: { timeZone: ZONE } });
  const access = await accessFor(user, ws.slug, "bio.write");
  return { ws, access: { ...access, workspace: { ...access.workspace, timeZone: ZONE } } };
}


describe("bio page views by day", () => {
  it("answer page stats, dashboard views and QR scans exactly as the raw views do: built days, cut edges, days not built, views written late", { timeout: 60_000 }, async () => {
    const { ws, access } = await workspace("view-days");
    const other = await workspace("view-days-other");
    const page = await createBioPage(access, { handle: handle("vd_"), title: "Days" });
    const second = await createBioPage(access, { handle: handle("vd2_"), title: "Second" });
    const foreign = await createBioPage(other.access, { handle: handle("vdx_"), title: "Not theirs" });
    const view = (at: string, over: Partial<ClickRecord> = {}) =>
      testClick({ id: "x", workspaceId: ws.id }, { id: randomUUID(), createdAt: new Date(at), event: "view", linkId: null, bioPageId: page.id, country: null, referrerHost: null, ...over });

    // Ten UTC days of views: repeat visitors within a day (hashes rotate
    // every UTC day, so each day has its own), bots, sources, the second page,
    // and one view of today (not built).
    const clicks: ClickRecord[] = [];
    for (let d = 1; d <= 10; d++) {
      const day = `2026-11-${String(d).padStart(2, "0")}`;
      for (let i = 0; i < d; i++) clicks.push(view(`${day}T${String(i * 2).padStart(2, "0")}:10:00Z`, { visitorHash: `${day}-v${i % 3}`, referrerHost: i % 2 ? "instagram.com" : null, country: i % 3 ? "NP" : "IN" }));
      clicks.push(view(`${day}T19:00:00Z`, { visitorHash: `${day}-evening`, country: "DE", referrerHost: "t.co" }));
      clicks.push(view(`${day}T12:00:00Z`, { visitorHash: `${day}-bot`, bot: true, country: "US" }));
      clicks.push(view(`${day}T13:00:00Z`, { visitorHash: `${day}-s`, bioPageId: second.id, country: "FR" }));
      if (d % 2 === 0) clicks.push(view(`${day}T15:00:00Z`, { visitorHash: `${day}-scan`, trigger: "qr", country: "NP" }));
      if (d === 4) clicks.push(view(`${day}T15:30:00Z`, { visitorHash: `${day}-scanbot`, trigger: "qr", bot: true }));
    }
    clicks.push(view("2026-11-12T03:00:00Z", { visitorHash: "today", country: "NP", trigger: "qr" }));
    clicks.push(testClick({ id: "x", workspaceId: other.ws.id }, { createdAt: new Date("2026-11-05T10:00:00Z"), event: "view", linkId: null, bioPageId: foreign.id }));
    await writeClicks(clicks);

    const ranges = [
      { from: "2026-11-01", to: "2026-11-12" },
      { from: "2026-11-03", to: "2026-11-07" },
      { from: "2026-11-06", to: "2026-11-06" },
      { from: "2026-11-10", to: "2026-11-12" },
    ];
    const totals = async (filters: Record<string, string>) =>
      (await getTotals(await resolveQuery({ workspace: access.workspace }, { from: "2026-11-02", to: "2026-11-11", ...filters }))).current.views;
    const questions: Record<string, string>[] = [{ bioPageId: page.id }, {}, { bioPageId: page.id, bots: "only" }, { bots: "include" }, { bioPageId: page.id, country: "NP" }];
    const everything = async () => ({
      stats: await Promise.all(ranges.map((r) => getPageStats(access, page.id, r))),
      views: await Promise.all(questions.map((f) => totals(f))),
      scans: (await getBioPageQr(access, page.id)).scans,
    });

    // The truth, from the raw views alone (nothing is built yet).
    const truth = await everything();
    expect(truth.stats[2]).toMatchObject({ views: 8, uniqueVisitors: 5 }); // Kathmandu's 6 November: 6 of the 6th (hashes v0–v2) and its scan, the evening view of the 5th
    expect(truth.scans).toBe(6); // five days' scans by people, and today's
    expect(truth.views[1]).toBeGreaterThan(truth.views[0]!); // all pages: the second's views too, not another workspace's

    // 12 November, 02:00 UTC: every day up to the 11th is closed.
    const now = Date.parse("2026-11-12T02:00:00Z");
    expect(await buildPageViewDays(now, { workspaceId: ws.id })).toBe(11);
    expect((await db().pageViewDayState.findUniqueOrThrow({ where: { workspaceId: ws.id } })).through).toBe(Date.parse("2026-11-12") / DAY);
    expect(await everything()).toEqual(truth);

    // A view written late into a built day is counted once the job has been
    // round again (the truth now: the raw views, the built days set aside).
    await writeClicks([view("2026-11-08T09:00:00Z", { visitorHash: "late", country: "IN" })]);
    const state = await db().pageViewDayState.findUniqueOrThrow({ where: { workspaceId: ws.id } });
    await db().pageViewDayState.delete({ where: { workspaceId: ws.id } });
    const after = await everything();
    await db().pageViewDayState.create({ data: state });
    expect(after.stats[0]!.views).toBe(truth.stats[0]!.views + 1);
    expect(await buildPageViewDays(now, { workspaceId: ws.id })).toBe(1);
    expect(await everything()).toEqual(after);

    // Built days are read from the daily rows: with the raw views of a whole
    // UTC day gone (inside every range here), nothing changes.
    await db().click.deleteMany({ where: { workspaceId: ws.id, event: "view", createdAt: { gte: new Date("2026-11-04T00:00:00Z"), lt: new Date("2026-11-05T00:00:00Z") } } });
    const rowsOnly = await everything();
    expect(rowsOnly.stats).toEqual(after.stats);
    expect(rowsOnly.scans).toBe(after.scans);
    expect(rowsOnly.views.slice(0, 4)).toEqual(after.views.slice(0, 4));
    // A filter other than the page's is answered from the raw views, which now lack those days.
    expect(rowsOnly.views[4]).toBeLessThan(after.views[4]!);
  });
});
