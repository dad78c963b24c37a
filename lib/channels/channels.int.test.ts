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
  it("gives a new workspace the default channels when it is created, with kinds and UTM presets; Facebook counts as social media", async () => {
    const { ws, access } = await workspace("defaults");
    // Created with the workspace: there before anything reads them, and reading writes nothing.
    expect(await db().channel.count({ where: { workspaceId: ws.id } })).toBe(DEFAULT_CHANNELS.length);
    const channels = await listChannels(access);
    expect(channels.map((c) => c.name)).toEqual(["Facebook", "Instagram", "X", "LinkedIn", "XING", "TikTok", "YouTube", "Pinterest", "Threads", "Reddit", "Snapchat", "WhatsApp", "Email", "Newsletter", "Print (QR)"]);
    const byKey = Object.fromEntries(channels.map((c) => [c.key, c]));
    expect(byKey.facebook).toMatchObject({ kind: "social_media", utmSource: "facebook", utmMedium: "social" });
    expect(byKey.linkedin).toMatchObject({ kind: "social_network", utmSource: "linkedin", utmMedium: "social" });
    expect(byKey.xing!.kind).toBe("social_network");
    expect(byKey.newsletter).toMatchObject({ kind: "email", utmSource: "newsletter", utmMedium: "email" });
    expect(byKey.print).toMatchObject({ kind: "offline", utmSource: "print", utmMedium: "offline" });
    expect(byKey.whatsapp!.kind).toBe("messaging");
  });

  it("gives a new user's personal workspace the default channels too", async () => {
    const user = await makeUser("personal-channels");
    const personal = await db().workspace.findFirstOrThrow({ where: { personal: true, memberships: { some: { userId: user.id } } } });
    expect(await db().channel.count({ where: { workspaceId: personal.id } })).toBe(DEFAULT_CHANNELS.length);
  });

  it("lets a workspace change Facebook's kind, add its own channel and delete one for good", async () => {
    const { access } = await workspace("edit");
    const facebook = (await listChannels(access)).find((c) => c.key === "facebook")!;
    const changed = await updateChannel(access, facebook.id, { kind: "social_network", utmMedium: "community" });
    expect(changed).toMatchObject({ kind: "social_network", utmSource: "facebook", utmMedium: "community" });
    const mastodon = await createChannel(access, { name: "Mastodon", kind: "social_media", utmSource: "mastodon", utmMedium: "social" });
    expect(mastodon).toMatchObject({ key: "mastodon", position: DEFAULT_CHANNELS.length });
    expect((await failureOf(createChannel(access, { name: "Mastodon", kind: "social_media", utmSource: "m", utmMedium: "social" }))).status).toBe(409);
    // @ts-expect-error no such kind: the type says so, and the schema refuses it at run time.
    expect((await failureOf(updateChannel(access, facebook.id, { kind: "carrier_pigeon" }))).code).toBe("validation_failed");
    expect((await failureOf(createChannel(access, { name: "No source", kind: "other", utmSource: " ", utmMedium: "x" }))).code).toBe("validation_failed");
    const snapchat = (await listChannels(access)).find((c) => c.key === "snapchat")!;
    await deleteChannel(access, snapchat.id);
    const after = await listChannels(access);
    expect(after.map((c) => c.key)).not.toContain("snapchat");
    expect(after.map((c) => c.key)).toContain("mastodon");
    expect(after.find((c) => c.key === "facebook")!.kind).toBe("social_network");
  });

  it("does not bring deleted defaults back, even when every channel is deleted", async () => {
    const { access } = await workspace("empty");
    for (const c of await listChannels(access)) await deleteChannel(access, c.id);
    expect(await listChannels(access)).toEqual([]);
  });

  it("keeps another workspace's channels out of reach (404)", async () => {
    const { access: mine } = await workspace("mine");
    const { access: theirAccess } = await workspace("theirs");
    const theirs = (await listChannels(theirAccess))[0]!;
    expect((await failureOf(updateChannel(mine, theirs.id, { name: "Mine now" }))).status).toBe(404);
    expect((await failureOf(deleteChannel(mine, theirs.id))).status).toBe(404);
    expect((await listChannels(theirAccess))[0]!.name).toBe("Facebook");
  });
});
