import { describe, expect, it } from "vitest";
import { createLink } from "@/lib/links/create-link";
import { getLink } from "@/lib/links/get-link";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { accessFor, failureOf, makeUser } from "@/tests/factories";
import { createTag } from "./create-tag";
import { deleteTag } from "./delete-tag";
import { listTags } from "./list-tags";
import { updateTag } from "./update-tag";

async function workspace(name: string) {
  const user = await makeUser(name);
  const ws = await createWorkspace(user.id, { name: `${name} team` });
  return { ws, access: await accessFor(user, ws.slug, "links.write") };
}

describe("tags", () => {
  it("creates, lists by name with link counts, renames and recolours", async () => {
    const { access } = await workspace("tags");
    const spring = await createTag(access, { name: "  spring  ", color: "green" });
    expect(spring).toMatchObject({ name: "spring", color: "green", links: 0 });
    await createTag(access, { name: "autumn" });
    await createLink(access, { url: "https://example.com", tags: ["spring"] });
    expect((await listTags(access)).map((t) => [t.name, t.color, t.links])).toEqual([
      ["autumn", "gray", 0],
      ["spring", "green", 1],
    ]);
    const renamed = await updateTag(access, spring.id, { name: "spring-26" });
    expect(renamed).toMatchObject({ id: spring.id, name: "spring-26", color: "green", links: 1 });
    expect((await updateTag(access, spring.id, { color: "blue" })).color).toBe("blue");
  });

  it("links follow a renamed tag, and lose a deleted one while staying themselves", async () => {
    const { access } = await workspace("tags-follow");
    const link = await createLink(access, { url: "https://example.com", tags: ["promo", "email"] });
    const promo = (await listTags(access)).find((t) => t.name === "promo")!;
    await updateTag(access, promo.id, { name: "promo-q3" });
    expect((await getLink(access, link.id)).tags).toEqual(["email", "promo-q3"]);
    await deleteTag(access, promo.id);
    expect((await getLink(access, link.id)).tags).toEqual(["email"]);
    expect((await listTags(access)).map((t) => t.name)).toEqual(["email"]);
  });

  it("answers a taken name with 409, on create and on rename", async () => {
    const { access } = await workspace("tags-unique");
    await createTag(access, { name: "launch" });
    const other = await createTag(access, { name: "other" });
    expect(await failureOf(createTag(access, { name: "launch" }))).toMatchObject({ code: "conflict", status: 409, details: { fields: { name: expect.any(String) } } });
    expect((await failureOf(updateTag(access, other.id, { name: "launch" }))).status).toBe(409);
  });

  it("allows the same name in two workspaces, and treats another workspace's tag as missing", async () => {
    const a = await workspace("tags-a");
    const b = await workspace("tags-b");
    const mine = await createTag(a.access, { name: "shared" });
    await expect(createTag(b.access, { name: "shared" })).resolves.toMatchObject({ name: "shared" });
    expect((await failureOf(updateTag(b.access, mine.id, { name: "stolen" }))).status).toBe(404);
    expect((await failureOf(deleteTag(b.access, mine.id))).status).toBe(404);
    expect((await listTags(a.access)).map((t) => t.name)).toEqual(["shared"]);
  });

  it("validates names and colours with a message per field", async () => {
    const { access } = await workspace("tags-valid");
    expect(await failureOf(createTag(access, { name: "   " }))).toMatchObject({ code: "validation_failed", details: { fields: { name: expect.any(String) } } });
    expect(await failureOf(createTag(access, { name: "x".repeat(41) }))).toMatchObject({ code: "validation_failed" });
    // @ts-expect-error "chartreuse" is no tag colour: the type says so, and the schema refuses it at run time.
    expect(await failureOf(createTag(access, { name: "ok", color: "chartreuse" }))).toMatchObject({ details: { fields: { color: expect.stringMatching(/gray/) } } });
    const tag = await createTag(access, { name: "ok" });
    expect((await failureOf(updateTag(access, tag.id, {}))).code).toBe("validation_failed");
  });
});
