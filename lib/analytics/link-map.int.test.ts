import { describe, expect, it } from "vitest";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { updateChannel } from "@/lib/channels/update-channel";
import { db } from "@/lib/db/client";
import { createLink } from "@/lib/links/create-link";
import { deleteLink } from "@/lib/links/delete-link";
import { updateLink } from "@/lib/links/update-link";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { accessFor, makeUser } from "@/tests/factories";
import { mappingFingerprint } from "./day-rollup";
import { readLinkMap, sharedLinkMap, type LinkMap } from "./link-map";

// A view takes its links' campaigns, channels and tags, and the rollup's
// fingerprint, from one read of the workspace's links: it must hold what the
// links hold, exactly (times to the millisecond on both databases), and
// nothing of another workspace.

describe("a workspace's link map", () => {
  it("holds each link's campaign, channel, creation time and tags, and the channels' kinds, of its workspace alone", async () => {
    const user = await makeUser("linkmap");
    const ws = await createWorkspace(user.id, { name: "Link map" });
    const other = await createWorkspace(user.id, { name: "Other map" });
    const access = await accessFor(user, ws.slug, "links.write");
    const otherAccess = await accessFor(user, other.slug, "links.write");
    const spring = await createCampaign(access, { name: "Spring" });
    const newsletter = await db().channel.findFirstOrThrow({ where: { workspaceId: ws.id, key: "newsletter" } });
    const a = await createLink(access, { url: "https://example.com/a", campaignId: spring.id, channelId: newsletter.id, tags: ["red", "blue"] });
    const b = await createLink(access, { url: "https://example.com/b" });
    const theirs = await createLink(otherAccess, { url: "https://example.com/theirs", tags: ["red"] });
    // A creation time with milliseconds, as PostgreSQL's JSON writes it without an offset.
    const made = new Date("2026-03-08T01:59:59.987Z");
    await db().link.update({ where: { id: b.id }, data: { createdAt: made } });

    const map = await readLinkMap(ws.id);
    const stored = await db().link.findMany({ where: { workspaceId: ws.id }, include: { tags: true } });
    expect(new Set(map.order)).toEqual(new Set(stored.map((l) => l.id)));
    expect(map.order).not.toContain(theirs.id);
    for (const l of stored) expect(map.links.get(l.id)).toEqual({ campaignId: l.campaignId, channelId: l.channelId, createdAt: l.createdAt.getTime() });
    expect(map.links.get(b.id)!.createdAt).toBe(made.getTime());
    expect(map.links.get(a.id)).toMatchObject({ campaignId: spring.id, channelId: newsletter.id });
    const tagIds = stored.find((l) => l.id === a.id)!.tags.map((t) => t.tagId);
    expect([...map.tags.get(a.id)!].sort()).toEqual([...tagIds].sort());
    expect(tagIds).toHaveLength(2);
    expect(map.tags.has(b.id)).toBe(false);
    expect(map.tags.has(theirs.id)).toBe(false);
    const channels = await db().channel.findMany({ where: { workspaceId: ws.id } });
    expect(map.channels.map((c) => c.key).sort()).toEqual(channels.map((c) => c.key).sort());
    expect(map.channels.find((c) => c.key === "newsletter")?.kind).toBe(newsletter.kind);

    // A read under way is shared; one asked for after it ended is read anew and sees a link moved since.
    const [x, y] = [sharedLinkMap(ws.id), sharedLinkMap(ws.id)];
    expect(x).toBe(y);
    const before = await mappingFingerprint(ws.id, Date.now(), x);
    await db().link.update({ where: { id: b.id }, data: { campaignId: spring.id } });
    const moved = await sharedLinkMap(ws.id);
    expect(moved).not.toBe(await x);
    expect(moved.links.get(b.id)?.campaignId).toBe(spring.id);
    expect(await mappingFingerprint(ws.id, Date.now())).not.toBe(before);
    // A link made after a rollup's end (and its margin) does not change that rollup's fingerprint.
    expect(await mappingFingerprint(ws.id, made.getTime() - 2 * 3_600_000, x)).toBe(await mappingFingerprint(ws.id, made.getTime() - 2 * 3_600_000));
  });

  it("is kept while nothing it holds changes, and read anew after any change to it, made by any code", async () => {
    const user = await makeUser("linkmapkeep");
    const ws = await createWorkspace(user.id, { name: "Kept map" });
    const other = await createWorkspace(user.id, { name: "Other kept map" });
    const access = await accessFor(user, ws.slug, "links.write");
    const otherAccess = await accessFor(user, other.slug, "links.write");
    const summer = await createCampaign(access, { name: "Summer" });
    const link = await createLink(access, { url: "https://example.com/kept", tags: ["red"] });
    let map = await sharedLinkMap(ws.id);

    // Writes that change nothing the map holds keep it: a click counted, a link's title, another workspace's links.
    await db().link.update({ where: { id: link.id }, data: { clicks: { increment: 1 }, title: "Kept" } });
    await createLink(otherAccess, { url: "https://example.com/elsewhere", tags: ["red"] });
    expect(await sharedLinkMap(ws.id)).toBe(map);

    /** The map after a change: a new one, holding the change. */
    const after = async (change: () => Promise<unknown>, check: (m: LinkMap) => void) => {
      await change();
      const next = await sharedLinkMap(ws.id);
      expect(next).not.toBe(map);
      check(next);
      map = next;
      expect(await sharedLinkMap(ws.id)).toBe(map);
    };
    await after(() => updateLink(access, link.id, { campaignId: summer.id }), (m) => expect(m.links.get(link.id)?.campaignId).toBe(summer.id));
    await after(() => updateLink(access, link.id, { tags: ["red", "blue"] }), (m) => expect(m.tags.get(link.id)).toHaveLength(2));
    const social = await db().channel.findFirstOrThrow({ where: { workspaceId: ws.id, key: "facebook" } });
    const kind = social.kind === "social_media" ? "social_network" : "social_media";
    await after(() => updateChannel(access, social.id, { kind }), (m) => expect(m.channels.find((c) => c.key === "facebook")?.kind).toBe(kind));
    // Writes outside the app's functions too (another instance, a script, SQL by hand).
    await after(() => db().$executeRawUnsafe(`UPDATE "Link" SET "channelId" = '${social.id}' WHERE "id" = '${link.id}'`), (m) => expect(m.links.get(link.id)?.channelId).toBe(social.id));
    await after(() => db().$executeRawUnsafe(`DELETE FROM "LinkTag" WHERE "linkId" = '${link.id}'`), (m) => expect(m.tags.has(link.id)).toBe(false));
    await after(() => db().campaign.delete({ where: { id: summer.id } }), (m) => expect(m.links.get(link.id)?.campaignId).toBeNull());
    const added = await createLink(access, { url: "https://example.com/added" });
    expect((await sharedLinkMap(ws.id)).links.has(added.id)).toBe(true);
    map = await sharedLinkMap(ws.id);
    await after(() => deleteLink(access, added.id), (m) => expect(m.links.has(added.id)).toBe(false));
  });
});
