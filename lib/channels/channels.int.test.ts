import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { accessFor, failureOf, makeUser } from "@/tests/factories";
import { DEFAULT_CHANNELS } from "./default-channels";
import { listChannels } from "./list-channels";
import { createChannel } from "./create-channel";
import { updateChannel } from "./update-channel";
import { deleteChannel } from "./delete-channel";

async function workspace(name = "chan") {
  const user = await makeUser(name);
  const ws = await createWorkspace(user.id, { name: `${name} team` });
  return { user, ws, access: await accessFor(user, ws.slug, "channels.manage") };
}

describe("channels", () => {
  it("gives a workspace the default channels on first read, with kinds and UTM presets; Facebook counts as social media", async () => {
    const { ws } = await workspace("defaults");
    expect(await db().channel.count({ where: { workspaceId: ws.id } })).toBe(0);
    const channels = await listChannels(ws.id);
    expect(channels.map((c) => c.name)).toEqual(["Facebook", "Instagram", "X", "LinkedIn", "XING", "TikTok", "YouTube", "Pinterest", "Threads", "Reddit", "Snapchat", "WhatsApp", "Email", "Newsletter", "Print (QR)"]);
    const byKey = Object.fromEntries(channels.map((c) => [c.key, c]));
    expect(byKey.facebook).toMatchObject({ kind: "social_media", utmSource: "facebook", utmMedium: "social" });
    expect(byKey.linkedin).toMatchObject({ kind: "social_network", utmSource: "linkedin", utmMedium: "social" });
    expect(byKey.xing!.kind).toBe("social_network");
    expect(byKey.newsletter).toMatchObject({ kind: "email", utmSource: "newsletter", utmMedium: "email" });
    expect(byKey.print).toMatchObject({ kind: "offline", utmSource: "print", utmMedium: "offline" });
    expect(byKey.whatsapp!.kind).toBe("messaging");
  });

  it("creates the defaults once even when several reads race", async () => {
    const { ws } = await workspace("race");
    const results = await Promise.all([listChannels(ws.id), listChannels(ws.id), listChannels(ws.id), listChannels(ws.id)]);
    for (const r of results) expect(r).toHaveLength(DEFAULT_CHANNELS.length);
    expect(await db().channel.count({ where: { workspaceId: ws.id } })).toBe(DEFAULT_CHANNELS.length);
    await listChannels(ws.id);
    expect(await db().channel.count({ where: { workspaceId: ws.id } })).toBe(DEFAULT_CHANNELS.length);
  });

  it("lets a workspace change Facebook's kind, add its own channel and delete one for good", async () => {
    const { ws, access } = await workspace("edit");
    const facebook = (await listChannels(ws.id)).find((c) => c.key === "facebook")!;
    const changed = await updateChannel(access, facebook.id, { kind: "social_network", utmMedium: "community" });
    expect(changed).toMatchObject({ kind: "social_network", utmSource: "facebook", utmMedium: "community" });
    const mastodon = await createChannel(access, { name: "Mastodon", kind: "social_media", utmSource: "mastodon", utmMedium: "social" });
    expect(mastodon).toMatchObject({ key: "mastodon", position: DEFAULT_CHANNELS.length });
    expect((await failureOf(createChannel(access, { name: "Mastodon", kind: "social_media", utmSource: "m", utmMedium: "social" }))).status).toBe(409);
    expect((await failureOf(updateChannel(access, facebook.id, { kind: "carrier_pigeon" as never }))).code).toBe("validation_failed");
    expect((await failureOf(createChannel(access, { name: "No source", kind: "other", utmSource: " ", utmMedium: "x" }))).code).toBe("validation_failed");
    const snapchat = (await listChannels(ws.id)).find((c) => c.key === "snapchat")!;
    await deleteChannel(ws.id, snapchat.id);
    const after = await listChannels(ws.id);
    expect(after.map((c) => c.key)).not.toContain("snapchat");
    expect(after.map((c) => c.key)).toContain("mastodon");
    expect(after.find((c) => c.key === "facebook")!.kind).toBe("social_network");
  });

  it("does not bring deleted defaults back, even when every channel is deleted", async () => {
    const { ws } = await workspace("empty");
    for (const c of await listChannels(ws.id)) await deleteChannel(ws.id, c.id);
    expect(await listChannels(ws.id)).toEqual([]);
  });

  it("keeps another workspace's channels out of reach (404)", async () => {
    const { access: mine } = await workspace("mine");
    const { ws: theirWs } = await workspace("theirs");
    const theirs = (await listChannels(theirWs.id))[0]!;
    expect((await failureOf(updateChannel(mine, theirs.id, { name: "Mine now" }))).status).toBe(404);
    expect((await failureOf(deleteChannel(mine.workspace.id, theirs.id))).status).toBe(404);
    expect((await listChannels(theirWs.id))[0]!.name).toBe("Facebook");
  });
});
