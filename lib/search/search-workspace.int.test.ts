import { describe, expect, it } from "vitest";
import { createBioPage } from "@/lib/bio-pages/create-bio-page";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { createLink } from "@/lib/links/create-link";
import { createQrCode } from "@/lib/qr/create-qr-code";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { accessFor, failureOf, makeUser } from "@/tests/factories";
import { searchWorkspace } from "./search-workspace";

async function workspace(name: string) {
  const user = await makeUser(name);
  const ws = await createWorkspace(user.id, { name: `${name} team` });
  return { ws, access: await accessFor(user, ws.slug, "bio.write") };
}

describe("searchWorkspace (the command menu's jump to)", () => {
  it("finds links, campaigns, bio pages and QR codes by name, case-insensitively, with the page each opens", async () => {
    const { ws, access } = await workspace("find");
    const link = await createLink(access, { url: "https://shop.example/autumn", title: "Autumn sale page" });
    const campaign = await createCampaign(access, { name: "Autumn Launch" });
    const page = await createBioPage(access, { handle: `autumn_${Date.now().toString(36)}`, title: "Autumn bio" });
    await createQrCode(access, { linkId: link.id });
    await createLink(access, { url: "https://shop.example/spring", title: "Spring" });

    const hits = await searchWorkspace(access, { q: "AUTUMN" });
    expect(hits).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "link", id: link.id, label: "Autumn sale page", path: `/w/${ws.slug}/links/${link.id}` }),
        expect.objectContaining({ kind: "campaign", id: campaign.id, label: "Autumn Launch", path: `/w/${ws.slug}/campaigns/${campaign.id}` }),
        expect.objectContaining({ kind: "bio", id: page.id, label: "Autumn bio", path: `/w/${ws.slug}/bio/${page.id}` }),
        expect.objectContaining({ kind: "qr", id: link.id, path: `/w/${ws.slug}/qr/${link.id}` }),
      ]),
    );
    expect(hits.map((h) => h.label)).not.toContain("Spring");
  });

  it("never shows another workspace's names", async () => {
    const mine = await workspace("mine");
    const theirs = await workspace("theirs");
    await createCampaign(theirs.access, { name: "Secret merger" });
    await createLink(theirs.access, { url: "https://secret.example/merger", title: "Secret merger deck" });
    expect(await searchWorkspace(mine.access, { q: "merger" })).toEqual([]);
    expect((await searchWorkspace(theirs.access, { q: "merger" })).length).toBe(2);
  });

  it("refuses an empty query with a message", async () => {
    const { access } = await workspace("empty");
    expect(await failureOf(searchWorkspace(access, { q: "  " }))).toMatchObject({ status: 422 });
  });
});
