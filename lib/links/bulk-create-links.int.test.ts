import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { accessFor, failureOf, makeUser } from "@/tests/factories";
import { bulkCreateLinks } from "./bulk-create-links";
import { createLink } from "./create-link";

async function workspace(name: string) {
  const user = await makeUser(name);
  const ws = await createWorkspace(user.id, { name: `${name} team` });
  return { ws, access: await accessFor(user, ws.slug, "links.write") };
}

describe("bulkCreateLinks", () => {
  it("creates the good items and reports each bad one by index, with the error a single create gives", async () => {
    const { ws, access } = await workspace("bulk");
    const taken = `taken-${Date.now()}`;
    await createLink(access, { url: "https://example.com/first", slug: taken });
    const { results } = await bulkCreateLinks(access, {
      links: [
        { url: "https://example.com/a", tags: ["bulk"], utm: { source: "crm" } },
        { url: "javascript:alert(1)" },
        { url: "https://example.com/b", slug: taken },
        "not an object",
        { url: "https://example.com/c", slug: `fresh-${Date.now()}` },
      ],
    });
    expect(results.map((r) => [r.index, r.ok])).toEqual([
      [0, true],
      [1, false],
      [2, false],
      [3, false],
      [4, true],
    ]);
    const [a, bad, dup, notObject] = results;
    expect(a?.ok && a.link).toMatchObject({ url: "https://example.com/a", tags: ["bulk"], utm: { source: "crm" } });
    expect(!bad?.ok && bad?.error).toMatchObject({ code: "validation_failed", details: { fields: { url: expect.stringMatching(/Only web addresses/) } } });
    expect(!dup?.ok && dup?.error).toMatchObject({ code: "conflict", details: { fields: { slug: expect.any(String) } } });
    expect(!notObject?.ok && notObject?.error.code).toBe("validation_failed");
    expect(await db().link.count({ where: { workspaceId: ws.id } })).toBe(3);
  });

  it("refuses an empty batch, a batch over 100 and a body without `links`, creating nothing", async () => {
    const { ws, access } = await workspace("bulk-limits");
    expect((await failureOf(bulkCreateLinks(access, { links: [] }))).code).toBe("validation_failed");
    const tooMany = Array.from({ length: 101 }, (_, i) => ({ url: `https://example.com/${i}` }));
    const over = await failureOf(bulkCreateLinks(access, { links: tooMany }));
    expect(over).toMatchObject({ code: "validation_failed", status: 422 });
    expect(over.message).toMatch(/at most 100/);
    expect((await failureOf(bulkCreateLinks(access, [{ url: "https://example.com" }]))).code).toBe("validation_failed");
    expect(await db().link.count({ where: { workspaceId: ws.id } })).toBe(0);
  });

  it("answers a slug repeated inside one batch with a conflict for the second item only", async () => {
    const { access } = await workspace("bulk-repeat");
    const slug = `twice-${Date.now()}`;
    const { results } = await bulkCreateLinks(access, { links: [{ url: "https://example.com/1", slug }, { url: "https://example.com/2", slug }] });
    expect(results[0]).toMatchObject({ ok: true, link: { slug } });
    expect(results[1]).toMatchObject({ ok: false, error: { code: "conflict" } });
  });
});
