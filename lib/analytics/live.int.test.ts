import { describe, expect, it } from "vitest";
import { inlineClickWriter } from "@/lib/clicks/click-handover";
import { db } from "@/lib/db/client";
import { createLink } from "@/lib/links/create-link";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { accessFor, makeUser, testClick } from "@/tests/factories";
import { getDashboard } from "./get-dashboard";
import { getLive } from "./get-live";

const MINUTE = 60_000;

describe("the live panel and a bio page's view", () => {
  it("counts the last 30 minutes per minute, with the view's filters", async () => {
    const user = await makeUser("live");
    const ws = await createWorkspace(user.id, { name: "Live" });
    const links = await accessFor(user, ws.slug, "links.write");
    const a = await createLink(links, { url: "https://example.com/a" });
    const b = await createLink(links, { url: "https://example.com/b" });
    const now = Date.now();
    const write = inlineClickWriter(process.env.DATABASE_URL!);
    await write([
      testClick({ id: a.id, workspaceId: ws.id }, { createdAt: new Date(now - 2 * MINUTE), visitorHash: "x" }),
      testClick({ id: a.id, workspaceId: ws.id }, { createdAt: new Date(now - 2 * MINUTE), visitorHash: "x" }),
      testClick({ id: b.id, workspaceId: ws.id }, { createdAt: new Date(now - 12 * MINUTE), visitorHash: "y", country: "US" }),
      testClick({ id: b.id, workspaceId: ws.id }, { createdAt: new Date(now - 40 * MINUTE), visitorHash: "z" }),
      testClick({ id: b.id, workspaceId: ws.id }, { createdAt: new Date(now - MINUTE), bot: true }),
    ]);
    const live = await getLive({ workspace: ws }, { range: "24h" }, now);
    expect(live).toMatchObject({ clicks: 3, uniques: 2 });
    expect(live.minutes).toHaveLength(30);
    expect(live.minutes.reduce((s, n) => s + n, 0)).toBe(3);
    expect(live.minutes.at(-3)).toBe(2);
    expect(live.links.map((l) => [l.key, l.clicks])).toEqual([[a.id, 2], [b.id, 1]]);
    expect(await getLive({ workspace: ws }, { linkId: b.id }, now)).toMatchObject({ clicks: 1, uniques: 1 });
    expect(await getLive({ workspace: ws }, { country: "US", bots: "include" }, now)).toMatchObject({ clicks: 1 });
  });

  it("shows one bio page's views, clicks, click-through rate and clicks per block", async () => {
    const user = await makeUser("biostats");
    const ws = await createWorkspace(user.id, { name: "Bio stats" });
    const access = await accessFor(user, ws.slug, "analytics.read");
    const link = await createLink(await accessFor(user, ws.slug, "links.write"), { url: "https://example.com/shop" });
    const page = await db().bioPage.create({ data: { workspaceId: ws.id, handle: `stats-${Date.now()}`, title: "Ana's links" } });
    const shop = await db().bioBlock.create({ data: { bioPageId: page.id, type: "link", position: 0, data: { label: "Shop" }, linkId: link.id } });
    const blog = await db().bioBlock.create({ data: { bioPageId: page.id, type: "link", position: 1, data: { label: "Blog" } } });
    const at = new Date(Date.now() - 3_600_000);
    const ref = { id: link.id, workspaceId: ws.id };
    const view = (hash: string) => testClick(ref, { event: "view", linkId: null, bioPageId: page.id, trigger: "bio", createdAt: at, visitorHash: hash });
    const click = (hash: string, block: string) => testClick(ref, { trigger: "bio", bioPageId: page.id, bioBlockId: block, createdAt: at, visitorHash: hash });
    const write = inlineClickWriter(process.env.DATABASE_URL!);
    await write([view("a"), view("b"), view("c"), view("d"), click("a", shop.id), click("a", shop.id), click("b", shop.id), testClick(ref, { createdAt: at })]);
    const d = await getDashboard(access, { range: "7d", bioPageId: page.id });
    expect(d.scope).toMatchObject({ kind: "bioPage", name: "Ana's links" });
    expect(d.totals.current).toMatchObject({ views: 4, clicks: 3, uniques: 2, bioClicks: 3 });
    expect(d.blocks?.map((r) => [r.label, r.clicks, r.uniques])).toEqual([["Shop", 2 + 1, 2], ["Blog", 0, 0]]);
    expect(blog.id).not.toBe(shop.id);
  });
});
