import { describe, expect, it } from "vitest";
import { buildDayRollups } from "@/lib/analytics/day-rollup";
import { buildPageViewDays } from "@/lib/analytics/view-days";
import { createBioPage } from "@/lib/bio-pages/create-bio-page";
import { db } from "@/lib/db/client";
import { authorizeWorkspace } from "@/lib/auth/access";
import { createWorkspace } from "./create-workspace";
import { listWorkspacesForUser } from "./list-workspaces";
import { updateWorkspace } from "./update-workspace";
import { deleteWorkspace } from "./delete-workspace";
import { accessFor, asUser, makeUser, testClick } from "@/tests/factories";
import { inlineClickWriter } from "@/lib/clicks/click-handover";
import { createLink } from "@/lib/links/create-link";

describe("workspaces", () => {
  it("gives every new user a personal workspace they own", async () => {
    const user = await makeUser("ana");
    const list = await listWorkspacesForUser(user.id);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ personal: true, role: "owner", name: "ana's workspace" });
  });

  it("creates more workspaces with a unique slug from the name", async () => {
    const user = await makeUser("bo");
    const a = await createWorkspace(user.id, { name: "Acme Marketing" });
    const b = await createWorkspace(user.id, { name: "Acme Marketing" });
    expect(a.slug).toMatch(/^acme-marketing/);
    expect(b.slug).not.toBe(a.slug);
    const names = (await listWorkspacesForUser(user.id)).map((w) => w.slug);
    expect(names).toEqual(expect.arrayContaining([a.slug, b.slug]));
  });

  it("refuses a taken or malformed slug with a clear error and writes nothing", async () => {
    const user = await makeUser("cy");
    const a = await createWorkspace(user.id, { name: "Taken", slug: `taken-${user.id.slice(-6)}` });
    await expect(createWorkspace(user.id, { name: "Again", slug: a.slug })).rejects.toMatchObject({ code: "conflict" });
    await expect(createWorkspace(user.id, { name: "Bad", slug: "-Bad Slug-" })).rejects.toThrow(/lowercase letters/);
    expect(await db().workspace.count({ where: { name: { in: ["Again", "Bad"] } } })).toBe(0);
  });

  it("renames, and deletes only with the slug typed as confirmation", async () => {
    const user = await makeUser("di");
    const ws = await createWorkspace(user.id, { name: "Old name" });
    const access = await accessFor(user, ws.slug, "workspace.delete");
    const renamed = await updateWorkspace(access, { name: "New name" });
    expect(renamed.name).toBe("New name");
    await expect(deleteWorkspace(access, { confirm: "wrong" })).rejects.toMatchObject({ code: "validation_failed" });
    expect(await db().workspace.count({ where: { id: ws.id } })).toBe(1);
    const link = await createLink(await accessFor(user, ws.slug, "links.write"), { url: "https://example.com/gone" });
    const writer = inlineClickWriter(process.env.DATABASE_URL!);
    try {
      const page = await createBioPage(await accessFor(user, ws.slug, "bio.write"), { handle: `gone${Date.now() % 1e6}`, title: "Gone" });
      const threeDaysAgo = new Date(Date.now() - 3 * 86_400_000);
      await writer([
        testClick({ id: link.id, workspaceId: ws.id }, { createdAt: threeDaysAgo }),
        testClick({ id: link.id, workspaceId: ws.id }, { createdAt: threeDaysAgo, event: "view", linkId: null, bioPageId: page.id }),
      ]);
    } finally {
      await writer.close();
    }
    expect(await db().click.count({ where: { workspaceId: ws.id } })).toBe(2);
    await buildDayRollups(Date.now(), { workspaceId: ws.id });
    await buildPageViewDays(Date.now(), { workspaceId: ws.id });
    expect(await db().pageViewDay.count({ where: { workspaceId: ws.id } })).toBeGreaterThan(0);
    expect(await db().clickDay.count({ where: { workspaceId: ws.id } })).toBeGreaterThan(0);
    expect(await db().clickScopeDay.count({ where: { workspaceId: ws.id } })).toBeGreaterThan(0);
    expect(await db().clickDayPack.count({ where: { workspaceId: ws.id } })).toBeGreaterThan(0);
    expect(await db().clickPackLink.count({ where: { workspaceId: ws.id } })).toBe(1);
    await deleteWorkspace(access, { confirm: ws.slug });
    expect(await db().workspace.count({ where: { id: ws.id } })).toBe(0);
    // Its links, clicks and dashboard rollup go with it.
    expect(await db().link.count({ where: { workspaceId: ws.id } })).toBe(0);
    expect(await db().click.count({ where: { workspaceId: ws.id } })).toBe(0);
    expect(await db().clickCube.count({ where: { workspaceId: ws.id } })).toBe(0);
    expect(await db().clickDay.count({ where: { workspaceId: ws.id } })).toBe(0);
    expect(await db().clickScopeDay.count({ where: { workspaceId: ws.id } })).toBe(0);
    expect(await db().clickDayPack.count({ where: { workspaceId: ws.id } })).toBe(0);
    expect(await db().clickPackLink.count({ where: { workspaceId: ws.id } })).toBe(0);
    expect(await db().clickDayState.count({ where: { workspaceId: ws.id } })).toBe(0);
    expect(await db().pageViewDay.count({ where: { workspaceId: ws.id } })).toBe(0);
    expect(await db().pageViewDayState.count({ where: { workspaceId: ws.id } })).toBe(0);
  });

  it("answers another user's workspace exactly like a missing one", async () => {
    const owner = await makeUser("eve");
    const stranger = await makeUser("mal");
    const ws = await createWorkspace(owner.id, { name: "Private" });
    // One after the other: a second promise made early may reject before anything awaits it (an unhandled rejection).
    await expect(authorizeWorkspace(asUser(stranger), ws.slug, "workspace.read")).rejects.toMatchObject({ code: "not_found", message: "Workspace not found" });
    await expect(authorizeWorkspace(asUser(stranger), "no-such-workspace", "workspace.read")).rejects.toMatchObject({ code: "not_found", message: "Workspace not found" });
  });
});
