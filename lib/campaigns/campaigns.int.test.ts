import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { createLink } from "@/lib/links/create-link";
import { listChannels } from "@/lib/channels/list-channels";
import { accessFor, failureOf, makeUser } from "@/tests/factories";
import { createCampaign } from "./create-campaign";
import { updateCampaign } from "./update-campaign";
import { deleteCampaign } from "./delete-campaign";
import { getCampaign } from "./get-campaign";
import { listCampaigns } from "./list-campaigns";
import { createChannelLinkSet, slugifyCampaignName } from "./create-channel-link-set";

async function workspace(name = "camp") {
  const user = await makeUser(name);
  const ws = await createWorkspace(user.id, { name: `${name} team` });
  return { user, ws, access: await accessFor(user, ws.slug, "campaigns.write") };
}

describe("campaigns", () => {
  it("creates a campaign with dates and UTM defaults that new links inherit", async () => {
    const { access } = await workspace("create");
    const c = await createCampaign(access, {
      name: " Spring Sale ",
      description: "March push",
      startsAt: "2026-03-01T00:00:00Z",
      endsAt: "2026-03-31T23:59:00Z",
      utm: { medium: "social", campaign: "spring-sale", content: "" },
    });
    expect(c).toMatchObject({ name: "Spring Sale", description: "March push", startsAt: "2026-03-01T00:00:00.000Z", endsAt: "2026-03-31T23:59:00.000Z", linkCount: 0, clicks: 0 });
    expect(c.utm).toEqual({ source: null, medium: "social", campaign: "spring-sale", term: null, content: null });
    const link = await createLink(access, { url: "https://shop.example/spring", campaignId: c.id });
    expect(link.finalUrl).toBe("https://shop.example/spring?utm_medium=social&utm_campaign=spring-sale");
  });

  it("answers a name already used in the workspace with 409, on create and on rename", async () => {
    const { access } = await workspace("dupe");
    await createCampaign(access, { name: "Launch" });
    const failure = await failureOf(createCampaign(access, { name: "Launch" }));
    expect(failure).toMatchObject({ code: "conflict", status: 409 });
    expect(failure.details).toMatchObject({ fields: { name: expect.any(String) } });
    const other = await createCampaign(access, { name: "Other" });
    expect((await failureOf(updateCampaign(access, other.id, { name: "Launch" }))).status).toBe(409);
    // Another workspace may use the same name.
    const { access: theirs } = await workspace("dupe2");
    await expect(createCampaign(theirs, { name: "Launch" })).resolves.toMatchObject({ name: "Launch" });
  });

  it("refuses an end before (or at) the start, an empty name and malformed dates, including a PATCH of one date", async () => {
    const { access, ws } = await workspace("dates");
    const backwards = await failureOf(createCampaign(access, { name: "Backwards", startsAt: "2026-05-01T00:00:00Z", endsAt: "2026-04-01T00:00:00Z" }));
    expect(backwards.code).toBe("validation_failed");
    expect(backwards.details).toMatchObject({ fields: { endsAt: "The end must come after the start." } });
    expect((await failureOf(createCampaign(access, { name: "  " }))).code).toBe("validation_failed");
    expect((await failureOf(createCampaign(access, { name: "Bad", startsAt: "next tuesday" }))).code).toBe("validation_failed");
    const c = await createCampaign(access, { name: "Dated", startsAt: "2026-05-01T00:00:00Z", endsAt: "2026-06-01T00:00:00Z" });
    const patch = await failureOf(updateCampaign(access, c.id, { endsAt: "2026-04-01T00:00:00Z" }));
    expect(patch.code).toBe("validation_failed");
    expect(await db().campaign.count({ where: { workspaceId: ws.id } })).toBe(1);
    expect((await updateCampaign(access, c.id, { endsAt: null, description: "open-ended" })).endsAt).toBeNull();
  });

  it("keeps another workspace's campaigns out of reach: 404 for get, update, delete and link sets", async () => {
    const { access: mine } = await workspace("mine");
    const { access: theirs } = await workspace("theirs");
    const secret = await createCampaign(theirs, { name: "Secret" });
    for (const attempt of [
      () => getCampaign(mine, secret.id),
      () => updateCampaign(mine, secret.id, { name: "Hijacked" }),
      () => deleteCampaign(mine, secret.id),
      () => createChannelLinkSet(mine, secret.id, { url: "https://example.com", channelIds: ["x"] }),
    ]) {
      expect((await failureOf(attempt())).status).toBe(404);
    }
    expect(await listCampaigns(mine)).toEqual([]);
    expect((await getCampaign(theirs, secret.id)).name).toBe("Secret");
  });

  it("lists campaigns with their link counts and clicks; a campaign shows its links and the sum of their clicks", async () => {
    const { access } = await workspace("stats");
    const a = await createCampaign(access, { name: "A" });
    const b = await createCampaign(access, { name: "B" });
    const l1 = await createLink(access, { url: "https://example.com/1", campaignId: a.id });
    const l2 = await createLink(access, { url: "https://example.com/2", campaignId: a.id });
    await createLink(access, { url: "https://example.com/3" });
    await db().link.update({ where: { id: l1.id }, data: { clicks: 7 } });
    await db().link.update({ where: { id: l2.id }, data: { clicks: 5 } });
    const list = await listCampaigns(access);
    expect(list.map((c) => [c.name, c.linkCount, c.clicks])).toEqual([
      ["B", 0, 0],
      ["A", 2, 12],
    ]);
    const detail = await getCampaign(access, a.id);
    expect(detail.clicks).toBe(12);
    expect(detail.links.map((l) => [l.id, l.clicks])).toEqual([
      [l1.id, 7],
      [l2.id, 5],
    ]);
    expect((await getCampaign(access, b.id)).links).toEqual([]);
  });

  it("deletes a campaign and keeps its links, now in no campaign", async () => {
    const { access } = await workspace("delete");
    const c = await createCampaign(access, { name: "Gone" });
    const link = await createLink(access, { url: "https://example.com", campaignId: c.id });
    await deleteCampaign(access, c.id);
    expect((await failureOf(getCampaign(access, c.id))).status).toBe(404);
    expect(await db().link.findUnique({ where: { id: link.id }, select: { campaignId: true } })).toEqual({ campaignId: null });
  });
});

describe("channel link sets", () => {
  it("creates one link per channel with the channel's utm_source/utm_medium and the campaign's utm_campaign", async () => {
    const { access } = await workspace("set");
    const campaign = await createCampaign(access, { name: "Summer Launch", utm: { content: "hero" } });
    const channels = await listChannels(access);
    const pick = (key: string) => channels.find((c) => c.key === key)!.id;
    const links = await createChannelLinkSet(access, campaign.id, { url: "https://shop.example/summer?ref=1", channelIds: [pick("facebook"), pick("linkedin"), pick("newsletter")] });
    expect(links.map((l) => l.finalUrl)).toEqual([
      "https://shop.example/summer?ref=1&utm_source=facebook&utm_medium=social&utm_campaign=summer-launch&utm_content=hero",
      "https://shop.example/summer?ref=1&utm_source=linkedin&utm_medium=social&utm_campaign=summer-launch&utm_content=hero",
      "https://shop.example/summer?ref=1&utm_source=newsletter&utm_medium=email&utm_campaign=summer-launch&utm_content=hero",
    ]);
    expect(links.map((l) => l.title)).toEqual(["Summer Launch · Facebook", "Summer Launch · LinkedIn", "Summer Launch · Newsletter"]);
    expect(links.every((l) => l.campaignId === campaign.id)).toBe(true);
    expect(links.map((l) => l.channelId)).toEqual([pick("facebook"), pick("linkedin"), pick("newsletter")]);
    expect(new Set(links.map((l) => l.slug)).size).toBe(3);
    expect((await getCampaign(access, campaign.id)).linkCount).toBe(3);
  });

  it("uses the campaign's own utm_campaign when it has one, else its slugified name", async () => {
    const { access } = await workspace("utmc");
    const campaign = await createCampaign(access, { name: "Black Friday", utm: { campaign: "bf-2026" } });
    const [fb] = (await listChannels(access)).filter((c) => c.key === "facebook");
    const [link] = await createChannelLinkSet(access, campaign.id, { url: "https://example.com", channelIds: [fb!.id] });
    expect(link!.utm.campaign).toBe("bf-2026");
    expect(slugifyCampaignName("Frühling & Sommer 2026!")).toBe("fruhling-sommer-2026");
  });

  it("creates nothing when the URL is invalid or one channel is not the workspace's", async () => {
    const { access, ws } = await workspace("atomic");
    const { access: other } = await workspace("atomic2");
    const campaign = await createCampaign(access, { name: "Atomic" });
    const mine = await listChannels(access);
    const foreign = (await listChannels(other))[0]!;
    const invalid = await failureOf(createChannelLinkSet(access, campaign.id, { url: "javascript:alert(1)", channelIds: [mine[0]!.id, mine[1]!.id] }));
    expect(invalid.code).toBe("validation_failed");
    // The foreign channel comes second: the first link is written, then rolled back.
    const partial = await failureOf(createChannelLinkSet(access, campaign.id, { url: "https://example.com", channelIds: [mine[0]!.id, foreign.id] }));
    expect(partial).toMatchObject({ code: "unprocessable", status: 422 });
    expect((await failureOf(createChannelLinkSet(access, campaign.id, { url: "https://example.com", channelIds: [] }))).code).toBe("validation_failed");
    expect(await db().link.count({ where: { workspaceId: ws.id } })).toBe(0);
  });
});
