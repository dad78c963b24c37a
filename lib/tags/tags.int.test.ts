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
    const { ws, access } = await workspace("tags");
    const spring = await createTag(ws.id, { name: "  spring  ", color: "green" });
    expect(spring).toMatchObject({ name: "spring", color: "green", links: 0 });
    await createTag(ws.id, { name: "autumn" });
    await createLink(access, { url: "https://example.com", tags: ["spring"] });
    expect((await listTags(ws.id)).map((t) => [t.name, t.color, t.links])).toEqual([
      ["autumn", "gray", 0],
      ["spring", "green", 1],
    ]);
    const renamed = await updateTag(ws.id, spring.id, { name: "spring-26" });
    expect(renamed).toMatchObject({ id: spring.id, name: "spring-26", color: "green", links: 1 });
    expect((await updateTag(ws.id, spring.id, { color: "blue" })).color).toBe("blue");
  });

  it("links follow a renamed tag, and lose a deleted one while staying themselves", async () => {
    const { ws, access } = await workspace("tags-follow");
    const link = await createLink(access, { url: "https://example.com", tags: ["promo", "email"] });
    const promo = (await listTags(ws.id)).find((t) => t.name === "promo")!;
    await updateTag(ws.id, promo.id, { name: "promo-q3" });
    expect((await getLink(ws.id, link.id)).tags).toEqual(["email", "promo-q3"]);
    await deleteTag(ws.id, promo.id);
    expect((await getLink(ws.id, link.id)).tags).toEqual(["email"]);
    expect((await listTags(ws.id)).map((t) => t.name)).toEqual(["email"]);
  });

  it("answers a taken name with 409, on create and on rename", async () => {
    const { ws } = await workspace("tags-unique");
    await createTag(ws.id, { name: "launch" });
    const other = await createTag(ws.id, { name: "other" });
    expect(await failureOf(createTag(ws.id, { name: "launch" }))).toMatchObject({ code: "conflict", status: 409, details: { fields: { name: expect.any(String) } } });
    expect((await failureOf(updateTag(ws.id, other.id, { name: "launch" }))).status).toBe(409);
  });

  it("allows the same name in two workspaces, and treats another workspace's tag as missing", async () => {
    const a = await workspace("tags-a");
    const b = await workspace("tags-b");
    const mine = await createTag(a.ws.id, { name: "shared" });
    await expect(createTag(b.ws.id, { name: "shared" })).resolves.toMatchObject({ name: "shared" });
    expect((await failureOf(updateTag(b.ws.id, mine.id, { name: "stolen" }))).status).toBe(404);
    expect((await failureOf(deleteTag(b.ws.id, mine.id))).status).toBe(404);
    expect((await listTags(a.ws.id)).map((t) => t.name)).toEqual(["shared"]);
  });

  it("validates names and colours with a message per field", async () => {
    const { ws } = await workspace("tags-valid");
    expect(await failureOf(createTag(ws.id, { name: "   " }))).toMatchObject({ code: "validation_failed", details: { fields: { name: expect.any(String) } } });
    expect(await failureOf(createTag(ws.id, { name: "x".repeat(41) }))).toMatchObject({ code: "validation_failed" });
    expect(await failureOf(createTag(ws.id, { name: "ok", color: "chartreuse" as never }))).toMatchObject({ details: { fields: { color: expect.stringMatching(/gray/) } } });
    const tag = await createTag(ws.id, { name: "ok" });
    expect((await failureOf(updateTag(ws.id, tag.id, {}))).code).toBe("validation_failed");
  });
});
