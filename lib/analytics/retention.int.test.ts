import { describe, expect, it } from "vitest";
import { inlineClickWriter } from "@/lib/clicks/click-handover";
import { db } from "@/lib/db/client";
import { createLink } from "@/lib/links/create-link";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { updateWorkspace } from "@/lib/workspaces/update-workspace";
import { accessFor, failureOf, makeUser, testClick } from "@/tests/factories";
import { getBreakdown, getTimeseries, getTotals } from "./get-analytics";
import { resolveQuery } from "./resolve-query";
import { deleteExpiredClicks } from "./retention";

const DAY = 86_400_000;

describe("raw-click retention", () => {
  it("deletes raw clicks older than the workspace keeps them, and no dashboard figure changes", async () => {
    const user = await makeUser("retention");
    const ws = await createWorkspace(user.id, { name: "Retention" });
    const other = await createWorkspace(user.id, { name: "Keeps all" });
    const access = await accessFor(user, ws.slug, "workspace.update");
    const link = await createLink(await accessFor(user, ws.slug, "links.write"), { url: "https://example.com" });
    const otherLink = await createLink(await accessFor(user, other.slug, "links.write"), { url: "https://example.com" });
    const now = Date.now();
    const at = (daysAgo: number, minute: number) => new Date(now - daysAgo * DAY + minute * 60_000);
    const ref = { id: link.id, workspaceId: ws.id };
    const clicks = [
      ...Array.from({ length: 12 }, (_, i) => testClick(ref, { createdAt: at(100 + (i % 3), i * 7), visitorHash: `old-${i % 4}`, country: i % 2 ? "DE" : "US", trigger: i % 5 ? "link" : "qr" })),
      ...Array.from({ length: 5 }, (_, i) => testClick(ref, { createdAt: at(2, i * 11), visitorHash: `new-${i % 2}` })),
      testClick(ref, { createdAt: at(100, 3), bot: true }),
      testClick({ id: otherLink.id, workspaceId: other.id }, { createdAt: at(100, 5) }),
    ];
    const write = inlineClickWriter(process.env.DATABASE_URL!);
    await write(clicks);

    // A link's view with more (a country, bots counted) reads the link's raw clicks while they are
    // kept, and the hourly rows for a period that starts before them once they are deleted.
    const questions = [
      { range: "all" }, { range: "all", interval: "day" }, { range: "90d" }, { range: "all", bots: "include" }, { range: "all", timezone: "Europe/Berlin", interval: "week" },
      { range: "all", linkId: link.id, country: "DE" }, { range: "all", linkId: link.id, bots: "include" }, { range: "7d", linkId: link.id, bots: "include" },
    ];
    const figures = async () => {
      const out = [];
      for (const input of questions) {
        const q = await resolveQuery({ workspace: ws }, input, now);
        out.push({ totals: await getTotals(q), series: await getTimeseries(q), countries: await getBreakdown(q, "country"), estimate: q.estimate });
      }
      return out;
    };
    const before = await figures();
    expect(before[0]!.totals.current).toMatchObject({ clicks: 17, uniques: 6, scans: 3 });

    // Settings (and PATCH /workspaces/{slug}): 30 days; a bad value is refused with its reason.
    expect((await failureOf(updateWorkspace(access, { rawClickRetentionDays: 0 }))).code).toBe("validation_failed");
    expect((await updateWorkspace(access, { rawClickRetentionDays: 30 })).rawClickRetentionDays).toBe(30);

    expect(await deleteExpiredClicks(now)).toBe(13);
    expect(await db().click.count({ where: { workspaceId: ws.id } })).toBe(5);
    expect(await db().click.count({ where: { workspaceId: other.id } })).toBe(1);
    expect(await figures()).toEqual(before);
    expect(await deleteExpiredClicks(now)).toBe(0);

    // Forever again: nothing more is deleted, even much later.
    expect((await updateWorkspace(access, { rawClickRetentionDays: null })).rawClickRetentionDays).toBeNull();
    expect(await deleteExpiredClicks(now + 365 * DAY)).toBe(0);
  });
});
