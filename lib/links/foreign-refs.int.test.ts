import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { listChannels } from "@/lib/channels/list-channels";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { accessFor, failureOf, makeUser } from "@/tests/factories";
import { bulkUpdateLinks } from "./bulk-update-links";
import { createLink } from "./create-link";
import { updateLink } from "./update-link";

async function workspace(name: string) {
  const user = await makeUser(name);
  const ws = await createWorkspace(user.id, { name: `${name} team` });
  const access = await accessFor(user, ws.slug, "links.write");
  return { ws, access };
}

/** Another workspace's campaign (with UTM defaults a link would inherit) and channel. */
async function strangersRefs() {
  const { access } = await workspace("stranger");
  const campaign = await createCampaign(access, { name: "Their launch", utm: { source: "theirs", medium: "their-medium", campaign: "their-launch" } });
  const channel = (await listChannels(access))[0]!;
  return { campaignId: campaign.id, channelId: channel.id };
}

const linkRow = (id: string) => db().link.findUniqueOrThrow({ where: { id }, select: { campaignId: true, channelId: true, utmSource: true, utmMedium: true, utmCampaign: true, url: true, title: true } });

describe("another workspace's campaign or channel on a link", () => {
  it("createLink answers 422 and writes nothing, for a foreign campaign and for a foreign channel", async () => {
    const { ws, access } = await workspace("creator");
    const theirs = await strangersRefs();
    const campaign = await failureOf(createLink(access, { url: "https://example.com/a", campaignId: theirs.campaignId }));
    expect(campaign).toMatchObject({ status: 422, code: "unprocessable", details: { fields: { campaignId: "Unknown campaign." } } });
    const channel = await failureOf(createLink(access, { url: "https://example.com/b", channelId: theirs.channelId }));
    expect(channel).toMatchObject({ status: 422, code: "unprocessable", details: { fields: { channelId: "Unknown channel." } } });
    expect(await db().link.count({ where: { workspaceId: ws.id } })).toBe(0);
    // Nothing carries the stranger's UTM values anywhere.
    expect(await db().link.count({ where: { utmSource: "theirs" } })).toBe(0);
  });

  it("updateLink answers 422 and leaves the link as it was, inheriting no UTM values", async () => {
    const { access } = await workspace("editor");
    const theirs = await strangersRefs();
    const link = await createLink(access, { url: "https://example.com/mine", title: "Mine" });
    const before = await linkRow(link.id);
    const failure = await failureOf(updateLink(access, link.id, { campaignId: theirs.campaignId, title: "Changed", url: "https://example.com/changed" }));
    expect(failure).toMatchObject({ status: 422, code: "unprocessable" });
    expect(await failureOf(updateLink(access, link.id, { channelId: theirs.channelId, title: "Changed" }))).toMatchObject({ status: 422, code: "unprocessable" });
    expect(await linkRow(link.id)).toEqual(before);
    expect(before).toMatchObject({ campaignId: null, channelId: null, utmSource: null, title: "Mine", url: "https://example.com/mine" });
  });

  it("bulk update answers 422 and changes none of the links (tags, flags and campaign alike)", async () => {
    const { ws, access } = await workspace("bulk");
    const theirs = await strangersRefs();
    const links = await Promise.all(["a", "b"].map((s) => createLink(access, { url: `https://example.com/${s}` })));
    const before = await Promise.all(links.map((l) => linkRow(l.id)));
    const failure = await failureOf(bulkUpdateLinks(access, { ids: links.map((l) => l.id), campaignId: theirs.campaignId, disabled: true, addTags: ["moved"] }));
    expect(failure).toMatchObject({ status: 422, code: "unprocessable" });
    expect(await Promise.all(links.map((l) => linkRow(l.id)))).toEqual(before);
    expect(await db().link.count({ where: { workspaceId: ws.id, disabled: true } })).toBe(0);
    expect(await db().tag.count({ where: { workspaceId: ws.id } })).toBe(0);
    expect(await db().linkTag.count({ where: { linkId: { in: links.map((l) => l.id) } } })).toBe(0);
  });
});
