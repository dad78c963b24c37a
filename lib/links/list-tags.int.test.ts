import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { accessFor, makeUser } from "@/tests/factories";
import { createLink } from "./create-link";
import { listTags } from "./list-tags";

describe("listTags", () => {
  it("lists the workspace's tags once each, sorted, with their ids, never another workspace's", async () => {
    const ana = await makeUser("ana");
    const bo = await makeUser("bo");
    const mine = await createWorkspace(ana.id, { name: "Ana tags" });
    const theirs = await createWorkspace(bo.id, { name: "Bo tags" });
    const access = await accessFor(ana, mine.slug, "links.write");
    await createLink(access, { url: "https://example.com/a", tags: ["spring", "email"] });
    await createLink(access, { url: "https://example.com/b", tags: ["spring"] });
    await createLink(await accessFor(bo, theirs.slug, "links.write"), { url: "https://example.com/c", tags: ["secret"] });

    const stored = await db().tag.findMany({ where: { workspaceId: mine.id } });
    const idOf = (name: string) => stored.find((t) => t.name === name)?.id;
    expect(await listTags(access)).toEqual([
      { id: idOf("email"), name: "email" },
      { id: idOf("spring"), name: "spring" },
    ]);
    expect((await listTags(await accessFor(bo, theirs.slug))).map((t) => t.name)).toEqual(["secret"]);
  });
});
