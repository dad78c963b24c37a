import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { accessFor, makeUser } from "@/tests/factories";
import { listCampaignOptions } from "./list-campaign-options";

describe("listCampaignOptions", () => {
  it("lists this workspace's campaigns by name, id and name only, never another workspace's", async () => {
    const ana = await makeUser("ana");
    const bo = await makeUser("bo");
    const mine = await createWorkspace(ana.id, { name: "Ana team" });
    const theirs = await createWorkspace(bo.id, { name: "Bo team" });
    await db().campaign.createMany({
      data: [
        { workspaceId: mine.id, name: "Summer sale", utmSource: "newsletter" },
        { workspaceId: mine.id, name: "Autumn launch" },
        { workspaceId: theirs.id, name: "Secret plan" },
      ],
    });

    const options = await listCampaignOptions(await accessFor(ana, mine.slug));
    expect(options.map((o) => o.name)).toEqual(["Autumn launch", "Summer sale"]);
    expect(Object.keys(options[0]!).sort()).toEqual(["id", "name"]);
    expect(await listCampaignOptions(await accessFor(bo, theirs.slug))).toEqual([expect.objectContaining({ name: "Secret plan" })]);
  });

  it("answers an empty list for a workspace without campaigns", async () => {
    const cy = await makeUser("cy");
    const ws = await createWorkspace(cy.id, { name: "Cy team" });
    expect(await listCampaignOptions(await accessFor(cy, ws.slug))).toEqual([]);
  });
});
