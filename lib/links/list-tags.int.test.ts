import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { accessFor, makeUser } from "@/tests/factories";
import { createLink } from "./create-link";
import { findTagId, listTagNames } from "./list-tag-names";

describe("listTagNames", () => {
  it("lists the workspace's tag names once each, sorted, never another workspace's", async () => {
    const ana = await makeUser("ana");
    const bo = await makeUser("bo");
    const mine = await createWorkspace(ana.id, { name: "Ana tags" });
    const theirs = await createWorkspace(bo.id, { name: "Bo tags" });
    const access = await accessFor(ana, mine.slug, "links.write");
    await createLink(access, { url: "https://example.com/a", tags: ["spring", "email"] });
    await createLink(access, { url: "https://example.com/b", tags: ["spring"] });
    await createLink(await accessFor(bo, theirs.slug, "links.write"), { url: "https://example.com/c", tags: ["secret"] });

    expect(await listTagNames(access)).toEqual(["email", "spring"]);
    expect(await listTagNames(await accessFor(bo, theirs.slug))).toEqual(["secret"]);
  });

  it("finds a tag's id by its name within the workspace only", async () => {
    const ana = await makeUser("ana");
    const bo = await makeUser("bo");
    const mine = await createWorkspace(ana.id, { name: "Ana tag ids" });
    const theirs = await createWorkspace(bo.id, { name: "Bo tag ids" });
    const access = await accessFor(ana, mine.slug, "links.write");
    await createLink(access, { url: "https://example.com/a", tags: ["spring"] });
    await createLink(await accessFor(bo, theirs.slug, "links.write"), { url: "https://example.com/c", tags: ["secret"] });

    const id = await findTagId(access, "spring");
    const spring = await db().tag.findFirstOrThrow({ where: { workspaceId: mine.id, name: "spring" } });
    expect(id).toBe(spring.id);
    expect(await findTagId(access, "secret")).toBeNull();
    expect(await findTagId(access, "nope")).toBeNull();
  });
});
