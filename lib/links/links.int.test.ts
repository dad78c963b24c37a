import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { accessFor, expireLink, failureOf, makeUser } from "@/tests/factories";
import { createLink } from "./create-link";
import { updateLink } from "./update-link";
import { getLink } from "./get-link";
import { deleteLink } from "./delete-link";
import { duplicateLink } from "./duplicate-link";
import { listLinks } from "./list-links";
import { SLUG_ALPHABET } from "./slug";

async function workspace(name = "links") {
  const user = await makeUser(name);
  const ws = await createWorkspace(user.id, { name: `${name} team` });
  return { user, ws, access: await accessFor(user, ws.slug, "links.write") };
}

const REFUSED = [
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  " javascript:alert(1)",
  "java\tscript:alert(1)",
  "java\nscript:alert(1)",
  "\u0001javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "DATA:text/html;base64,PHNjcmlwdD4=",
  "file:///etc/passwd",
  "vbscript:msgbox(1)",
  "ftp://example.com/file",
  "mailto:someone@example.com",
  "blob:https://example.com/uuid",
  "//evil.example/path",
  "not a url",
  `https://example.com/${"a".repeat(2050)}`,
];

describe("links", () => {
  it("creates a link from just a URL, with a 7-character random slug from the unambiguous alphabet", async () => {
    const { access } = await workspace("rand");
    const link = await createLink(access, { url: "https://example.com/spring?ref=1" });
    expect(link.slug).toMatch(new RegExp(`^[${SLUG_ALPHABET}]{7}$`));
    expect(link.shortUrl).toBe(`http://localhost:3000/${link.slug}`);
    expect(link).toMatchObject({ url: "https://example.com/spring?ref=1", redirectType: 302, forwardQuery: true, clicks: 0, hasPassword: false });
  });

  it("stores custom slugs lower-case and answers a taken one with 409, in any case", async () => {
    const { access } = await workspace("custom");
    const slug = `Spring-${Date.now()}`;
    const link = await createLink(access, { url: "https://example.com", slug });
    expect(link.slug).toBe(slug.toLowerCase());
    await expect(createLink(access, { url: "https://example.org", slug: slug.toUpperCase() })).rejects.toMatchObject({ code: "conflict", status: 409 });
  });

  it("refuses reserved slugs and @handles", async () => {
    const { access } = await workspace("reserved");
    for (const slug of ["api", "_next", "robots.txt", "favicon.ico", ".well-known", "signin", "W"]) {
      expect((await failureOf(createLink(access, { url: "https://example.com", slug }))).code, slug).toBe("validation_failed");
    }
    await expect(createLink(access, { url: "https://example.com", slug: "@ana" })).rejects.toThrow(/reserved for bio pages/);
  });

  it.each(REFUSED.map((url) => [JSON.stringify(url).slice(0, 50), url]))("refuses the destination %s and writes nothing", async (_label, url) => {
    const { access, ws } = await workspace("refuse");
    const failure = await failureOf(createLink(access, { url: url! }));
    expect(failure.code).toBe("validation_failed");
    expect(failure.message).toMatch(/Only web addresses|full web address|at most 2048/);
    expect(await db().link.count({ where: { workspaceId: ws.id } })).toBe(0);
  });

  it("refuses a link to its own short URL", async () => {
    const { access } = await workspace("self");
    await expect(createLink(access, { url: "http://localhost:3000/loop-me", slug: "loop-me" })).rejects.toThrow(/redirect loop/);
  });

  it("inherits the campaign's UTM values, merges them into the final URL, the link's own winning", async () => {
    const { access, ws } = await workspace("utm");
    const campaign = await db().campaign.create({ data: { workspaceId: ws.id, name: "Spring", utmCampaign: "spring", utmMedium: "social" } });
    const link = await createLink(access, { url: "https://shop.example/p?utm_source=old", campaignId: campaign.id, utm: { source: "instagram", medium: "story" } });
    expect(link.utm).toMatchObject({ source: "instagram", medium: "story", campaign: "spring" });
    const final = new URL(link.finalUrl);
    expect(Object.fromEntries(final.searchParams)).toEqual({ utm_source: "instagram", utm_medium: "story", utm_campaign: "spring" });
  });

  it("edits every field; the slug stays and the password is never returned", async () => {
    const { access, ws } = await workspace("edit");
    const link = await createLink(access, { url: "https://example.com/a", tags: ["Launch"] });
    const updated = await updateLink(access, link.id, {
      url: "https://example.com/b",
      title: "B page",
      tags: ["Launch", "Q3"],
      password: "secret-pass",
      redirectType: 301,
      geo: { de: "https://example.de" },
      expiresAt: "2030-01-01T00:00:00Z",
    });
    expect(updated).toMatchObject({ slug: link.slug, url: "https://example.com/b", title: "B page", tags: ["Launch", "Q3"], hasPassword: true, redirectType: 301, geo: { DE: "https://example.de/" } });
    expect(JSON.stringify(updated)).not.toContain("secret-pass");
    const row = await db().link.findUniqueOrThrow({ where: { id: link.id } });
    expect(row.passwordHash).toMatch(/^scrypt\$/);
    expect(await db().tag.count({ where: { workspaceId: ws.id } })).toBe(2);
    const cleared = await updateLink(access, link.id, { password: null });
    expect(cleared.hasPassword).toBe(false);
  });

  it("duplicates a link under a new slug and deletes one", async () => {
    const { access, ws } = await workspace("dup");
    const link = await createLink(access, { url: "https://example.com", title: "Original", password: "pass1234" });
    const copy = await duplicateLink(access, link.id);
    expect(copy).toMatchObject({ url: link.url, title: "Original (copy)", hasPassword: true });
    expect(copy.slug).not.toBe(link.slug);
    await deleteLink(ws.id, link.id);
    await expect(getLink(ws.id, link.id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("never shows or changes another workspace's link: 404 as if missing", async () => {
    const a = await workspace("tenant-a");
    const b = await workspace("tenant-b");
    const link = await createLink(a.access, { url: "https://example.com" });
    await expect(getLink(b.ws.id, link.id)).rejects.toMatchObject({ code: "not_found", message: "Link not found" });
    await expect(updateLink(b.access, link.id, { url: "https://evil.example" })).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteLink(b.ws.id, link.id)).rejects.toMatchObject({ code: "not_found" });
    expect((await getLink(a.ws.id, link.id)).url).toBe("https://example.com/");
    expect((await listLinks(b.ws.id, {})).data).toHaveLength(0);
  });

  it("lets exactly one of several concurrent creations take a slug", async () => {
    const { access, ws } = await workspace("race");
    const slug = `race-${Date.now()}`;
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => createLink(access, { url: "https://example.com", slug })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected")) expect((r as PromiseRejectedResult).reason).toMatchObject({ code: "conflict" });
    expect(await db().link.count({ where: { workspaceId: ws.id } })).toBe(1);
  });

  it("lists with filters, search, status and cursor pagination", async () => {
    const { access, ws } = await workspace("list");
    for (let i = 0; i < 5; i++) await createLink(access, { url: `https://example.com/${i}`, title: `Page ${i}`, tags: i % 2 ? ["odd"] : [] });
    await expireLink((await createLink(access, { url: "https://example.com/old", title: "Gone", expiresAt: "2030-01-01T00:00:00Z" })).id);
    await createLink(access, { url: "https://example.com/off", title: "Off", disabled: true });

    const first = await listLinks(ws.id, { limit: 3 });
    expect(first.data).toHaveLength(3);
    const second = await listLinks(ws.id, { limit: 3, cursor: first.nextCursor! });
    const third = await listLinks(ws.id, { limit: 3, cursor: second.nextCursor! });
    const all = [...first.data, ...second.data, ...third.data].map((l) => l.id);
    expect(new Set(all).size).toBe(7);
    expect(third.nextCursor).toBeNull();

    expect((await listLinks(ws.id, { tag: "odd" })).data).toHaveLength(2);
    expect((await listLinks(ws.id, { search: "PAGE 3" })).data.map((l) => l.title)).toEqual(["Page 3"]);
    expect((await listLinks(ws.id, { status: "expired" })).data.map((l) => l.title)).toEqual(["Gone"]);
    expect((await listLinks(ws.id, { status: "disabled" })).data.map((l) => l.title)).toEqual(["Off"]);
    expect((await listLinks(ws.id, { status: "active" })).data).toHaveLength(5);
  });
});
