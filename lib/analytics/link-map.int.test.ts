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
import { pruneLinkMapChanges, readLinkMap, readLinkMapChanges, sharedLinkMap, type LinkMap } from "./link-map";

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
      // Brought up to date from the change log, it is the map read whole, order and all (so the same fingerprint).
      expect(next).toEqual(await readLinkMap(ws.id));
      expect(await mappingFingerprint(ws.id, Date.now(), Promise.resolve(next))).toBe(await mappingFingerprint(ws.id, Date.now(), readLinkMap(ws.id)));
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

  it("is brought up to date from the change log, reading only the links changed, and read whole when the log was pruned", async () => {
    const user = await makeUser("linkmaplog");
    const ws = await createWorkspace(user.id, { name: "Map log" });
    const access = await accessFor(user, ws.slug, "links.write");
    const spring = await createCampaign(access, { name: "Spring" });
    const links = [];
    for (let i = 0; i < 5; i++) links.push(await createLink(access, { url: `https://example.com/log${i}`, tags: i % 2 ? ["odd"] : [] }));
    const version = async () => (await db().workspace.findUniqueOrThrow({ where: { id: ws.id } })).linkMapVersion;
    const kept = { map: await readLinkMap(ws.id), version: await version() };
    // Every move of the version has its row, naming its link (or none: a channel).
    expect(await db().linkMapChange.count({ where: { workspaceId: ws.id } })).toBe(kept.version);

    // Another instance edits: a campaign, tags, a link made, a link deleted, a channel's kind.
    await updateLink(access, links[0]!.id, { campaignId: spring.id });
    await updateLink(access, links[1]!.id, { tags: ["odd", "new"] });
    const made = await createLink(access, { url: "https://example.com/made", campaignId: spring.id, tags: ["new"] });
    await deleteLink(access, links[2]!.id);
    const social = await db().channel.findFirstOrThrow({ where: { workspaceId: ws.id, key: "linkedin" } });
    await updateChannel(access, social.id, { kind: social.kind === "social_media" ? "social_network" : "social_media" });
    const logged = await db().linkMapChange.findMany({ where: { workspaceId: ws.id, version: { gt: kept.version } }, orderBy: { version: "asc" } });
    expect(logged.map((c) => c.version)).toEqual(Array.from({ length: (await version()) - kept.version }, (_, i) => kept.version + i + 1));
    expect(new Set(logged.map((c) => c.linkId))).toEqual(new Set([links[0]!.id, links[1]!.id, made.id, links[2]!.id, null]));

    const next = await readLinkMapChanges(ws.id, kept);
    expect(next?.version).toBe(await version());
    expect(next!.map).toEqual(await readLinkMap(ws.id));
    expect(next!.map.links.get(links[0]!.id)?.campaignId).toBe(spring.id);
    expect(next!.map.links.has(links[2]!.id)).toBe(false);
    expect(next!.map.tags.get(made.id)).toHaveLength(1);
    // The kept map is not changed: another view may be reading it.
    expect(kept.map.links.get(links[0]!.id)?.campaignId).toBeNull();
    expect(kept.map.links.has(links[2]!.id)).toBe(true);

    // The daily job prunes a workspace's log to its last few thousand moves; a map older than the log is read whole.
    await db().workspace.update({ where: { id: ws.id }, data: { linkMapVersion: { increment: 10_000 } } });
    expect(await pruneLinkMapChanges()).toBeGreaterThanOrEqual(logged.length);
    expect(await db().linkMapChange.count({ where: { workspaceId: ws.id } })).toBe(0);
    expect(await readLinkMapChanges(ws.id, next!)).toBeNull();
    const whole = await sharedLinkMap(ws.id);
    expect(whole).toEqual(await readLinkMap(ws.id));
  });
});
