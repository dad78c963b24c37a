import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { accessFor, failureOf, makeUser } from "@/tests/factories";
import { createLink } from "./create-link";
import { deleteLinks } from "./delete-link";
import { exportLinksCsvText } from "./export-links-csv";
import { commitImport, previewImport } from "./import-links-csv";
import { MAX_IMPORT_ROWS } from "./csv-columns";

async function workspace(name = "csv") {
  const user = await makeUser(name);
  const ws = await createWorkspace(user.id, { name: `${name} team` });
  return { user, ws, access: await accessFor(user, ws.slug, "links.write") };
}

const uid = () => Math.random().toString(36).slice(2, 8);
const count = (workspaceId: string) => db().link.count({ where: { workspaceId } });
const csv = (rows: (string | number)[][]) => Papa.unparse(rows);
const parseExport = (text: string) => Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;

describe("CSV import", () => {
  it("imports every row of a good file, with tags, campaign, UTM and options", async () => {
    const { access, ws } = await workspace("good");
    await db().campaign.create({ data: { workspaceId: ws.id, name: "Spring Sale", utmCampaign: "spring" } });
    const s = uid();
    const file = csv([
      ["URL", "Slug", "Title", "Tags", "Campaign", "utm_source", "expires_at", "max_clicks", "redirect_type", "forward_query", "password", "notes"],
      ["https://example.com/a", `a-${s}`, "First", "sale|spring", "spring sale", "instagram", "2030-01-01T00:00:00Z", "100", "301", "false", "open sesame", "n1"],
      ["example.org/b", `b-${s}`, "Second", "", "", "", "", "", "", "", "", ""],
      ["https://example.net/c", "", "", " one | two ", "", "", "", "", "", "yes", "", ""],
    ]);
    const preview = await previewImport(access, file);
    expect(preview).toMatchObject({ ok: true, validCount: 3, fileErrors: [] });
    expect(preview.rows.map((r) => r.row)).toEqual([2, 3, 4]);
    expect(await count(ws.id)).toBe(0);

    const result = await commitImport(access, file);
    expect(result).toMatchObject({ ok: true, created: 3 });
    const links = await db().link.findMany({ where: { workspaceId: ws.id }, include: { tags: { include: { tag: true } }, campaign: true }, orderBy: { url: "asc" } });
    expect(links.map((l) => l.url)).toEqual(["https://example.com/a", "https://example.net/c", "https://example.org/b"]);
    const [a, c, b] = links;
    expect(a).toMatchObject({ slug: `a-${s}`, title: "First", utmSource: "instagram", utmCampaign: "spring", maxClicks: 100, redirectType: 301, forwardQuery: false, notes: "n1" });
    expect(a!.campaign?.name).toBe("Spring Sale");
    expect(a!.passwordHash).toMatch(/^scrypt\$/);
    expect(a!.expiresAt?.toISOString()).toBe("2030-01-01T00:00:00.000Z");
    expect(a!.tags.map((t) => t.tag.name).sort()).toEqual(["sale", "spring"]);
    expect(b!.slug).toBe(`b-${s}`);
    expect(c!.slug).toMatch(/^[a-z0-9]{7}$/);
    expect(c!.tags.map((t) => t.tag.name).sort()).toEqual(["one", "two"]);
  });

  it("reports every bad row with its row number and column, and writes nothing", async () => {
    const { access, ws } = await workspace("bad");
    const s = uid();
    await createLink(access, { url: "https://example.com/old", slug: `taken-${s}` });
    const before = await count(ws.id);
    const file = csv([
      ["url", "slug", "expires_at", "campaign", "colour"],
      ["https://example.com/ok", `ok-${s}`, "", "", ""],
      ["javascript:alert(1)", "", "", "", ""],
      ["https://example.com/r", "api", "", "", ""],
      ["https://example.com/d1", `dup-${s}`, "", "", ""],
      ["https://example.com/d2", `dup-${s}`, "", "", ""],
      ["https://example.com/t", `taken-${s}`, "", "", ""],
      ["https://example.com/date", "", "next tuesday", "", ""],
      ["https://example.com/camp", "", "", "Nope", ""],
    ]);
    const preview = await previewImport(access, file);
    expect(preview.ok).toBe(false);
    expect(preview.fileErrors).toEqual([{ row: 1, column: "colour", message: expect.stringMatching(/Unknown column "colour"/) }]);
    const errorsAt = (row: number) => preview.rows.find((r) => r.row === row)!.errors;
    expect(errorsAt(2)).toEqual([]);
    expect(errorsAt(3)).toEqual([{ column: "url", message: expect.stringMatching(/Only web addresses/) }]);
    expect(errorsAt(4)).toEqual([{ column: "slug", message: expect.stringMatching(/reserved/) }]);
    expect(errorsAt(5)).toEqual([]);
    expect(errorsAt(6)).toEqual([{ column: "slug", message: expect.stringMatching(/also on row 5/) }]);
    expect(errorsAt(7)).toEqual([{ column: "slug", message: expect.stringMatching(/already exists/) }]);
    expect(errorsAt(8)).toEqual([{ column: "expires_at", message: expect.stringMatching(/ISO 8601/) }]);
    expect(errorsAt(9)).toEqual([{ column: "campaign", message: expect.stringMatching(/no campaign named "Nope"/) }]);
    expect(preview.validCount).toBe(2);

    const result = await commitImport(access, file);
    expect(result.ok).toBe(false);
    expect(result.created).toBe(0);
    expect(result.preview.rows.filter((r) => !r.ok).map((r) => r.row)).toEqual([3, 4, 6, 7, 8, 9]);
    expect(await count(ws.id)).toBe(before);
  });

  it("an unknown column alone stops the import", async () => {
    const { access, ws } = await workspace("unknown");
    const result = await commitImport(access, csv([["url", "Colour"], ["https://example.com", "red"]]));
    expect(result.ok).toBe(false);
    expect(result.preview.rows[0]!.ok).toBe(true);
    expect(result.preview.fileErrors[0]).toMatchObject({ row: 1, column: "colour" });
    expect(await count(ws.id)).toBe(0);
  });

  it("reads quoted commas and line breaks, a BOM, semicolon files and blank lines, numbering rows as a spreadsheet does", async () => {
    const { access, ws } = await workspace("quoted");
    const file = '\uFEFFurl,title,description\r\n"https://example.com/?a=1,2","Hello, world","Line one\nLine two"\r\n\r\nhttps://example.com/x,"Say ""hi""",\r\n';
    const preview = await previewImport(access, file);
    expect(preview.fileErrors).toEqual([]);
    expect(preview.rows.map((r) => [r.row, r.ok])).toEqual([[2, true], [4, true]]);
    expect(await commitImport(access, file)).toMatchObject({ ok: true, created: 2 });
    const links = await db().link.findMany({ where: { workspaceId: ws.id }, orderBy: { url: "asc" } });
    expect(links.map((l) => [l.url, l.title, l.description])).toEqual([
      ["https://example.com/?a=1,2", "Hello, world", "Line one\nLine two"],
      ["https://example.com/x", 'Say "hi"', null],
    ]);
    const semi = await previewImport(access, "url;title\nhttps://example.com/s;Semi, colon\n");
    expect(semi.rows[0]).toMatchObject({ ok: true, link: { url: "https://example.com/s", title: "Semi, colon" } });
  });

  it("refuses empty, header-only, url-less, too-big and too-long files with clear messages", async () => {
    const { access } = await workspace("limits");
    expect((await failureOf(previewImport(access, ""))).message).toMatch(/file is empty/);
    expect((await failureOf(previewImport(access, "\uFEFF  \n"))).message).toMatch(/file is empty/);
    expect((await failureOf(previewImport(access, "url,title\n"))).message).toMatch(/no links/);
    expect((await failureOf(previewImport(access, "title\nHello\n"))).message).toMatch(/no url column/);
    const big = "url,notes\n" + `https://example.com,${"x".repeat(2 * 1024 * 1024)}\n`;
    expect(await failureOf(previewImport(access, big))).toMatchObject({ code: "unprocessable", message: expect.stringMatching(/larger than 2 MB/) });
    const long = "url\n" + "https://example.com\n".repeat(MAX_IMPORT_ROWS + 1);
    expect((await failureOf(previewImport(access, long))).message).toMatch(/at most 5,000/);
  });
});

describe("CSV export", () => {
  it("round-trips: export, then import into another workspace gives the same links", async () => {
    const a = await workspace("exp-a");
    const b = await workspace("exp-b");
    await db().campaign.create({ data: { workspaceId: a.ws.id, name: "Launch" } });
    const campaign = await db().campaign.findFirstOrThrow({ where: { workspaceId: a.ws.id } });
    await db().campaign.create({ data: { workspaceId: b.ws.id, name: "Launch" } });
    const s = uid();
    const made = [
      await createLink(a.access, { url: "https://example.com/1", slug: `one-${s}`, title: "One, with comma", tags: ["x", "y"], campaignId: campaign.id, utm: { source: "news" } }),
      await createLink(a.access, { url: "https://example.com/2", title: "Multi\nline", notes: "-minus first", expiresAt: "2031-05-01T10:00:00Z", maxClicks: 5 }),
      await createLink(a.access, { url: "https://example.com/3", password: "secret-pass", forwardQuery: false, redirectType: 308 }),
    ];
    const text = await exportLinksCsvText(a.access);
    expect(text).not.toMatch(/secret-pass|scrypt|password/);
    // Slugs are global per domain: the links move, so A lets go of them first.
    await deleteLinks(a.access, { ids: made.map((l) => l.id) });

    const result = await commitImport(b.access, text);
    expect(result).toMatchObject({ ok: true, created: 3 });
    const moved = await db().link.findMany({ where: { workspaceId: b.ws.id }, include: { tags: { include: { tag: true } }, campaign: true }, orderBy: { url: "asc" } });
    expect(moved.map((l) => ({ url: l.url, slug: l.slug, title: l.title, tags: l.tags.map((t) => t.tag.name).sort(), campaign: l.campaign?.name ?? null }))).toEqual(
      made.map((l) => ({ url: l.url, slug: l.slug, title: l.title, tags: l.tags, campaign: l.campaignId ? "Launch" : null })),
    );
    expect(moved[1]).toMatchObject({ notes: "-minus first", maxClicks: 5, expiresAt: new Date("2031-05-01T10:00:00Z") });
    expect(moved[2]).toMatchObject({ forwardQuery: false, redirectType: 308, passwordHash: null });
    expect(moved[0]!.utmSource).toBe("news");
  });

  it("neutralises cells a spreadsheet would run as formulas", async () => {
    const { access } = await workspace("inject");
    await createLink(access, { url: "https://example.com/f", title: "=HYPERLINK(\"http://evil\")", notes: "@SUM(1)", description: "+1\n=2", tags: ["-x"] });
    // The forms trim; data from elsewhere (an older import, the database) may not be.
    const g0 = await createLink(access, { url: "https://example.com/g" });
    await db().link.update({ where: { id: g0.id }, data: { title: "\tTabbed", notes: "\r=cr" } });
    const [header, ...rows] = Papa.parse<string[]>(await exportLinksCsvText(access), { skipEmptyLines: true }).data;
    const col = (name: string) => header!.indexOf(name);
    const f = rows.find((r) => r[col("url")] === "https://example.com/f")!;
    expect(f[col("title")]).toBe("'=HYPERLINK(\"http://evil\")");
    expect(f[col("notes")]).toBe("'@SUM(1)");
    expect(f[col("description")]).toBe("'+1\n=2");
    expect(f[col("tags")]).toBe("'-x");
    const g = rows.find((r) => r[col("url")] === "https://example.com/g")!;
    expect(g[col("title")]).toBe("'\tTabbed");
    expect(g[col("notes")]).toBe("'\r=cr");
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it("holds only the workspace's own links, follows the list filters, and pages through many", async () => {
    const a = await workspace("iso-a");
    const b = await workspace("iso-b");
    await createLink(b.access, { url: "https://other.example/secret", title: "B's link" });
    await createLink(a.access, { url: "https://example.com/tagged", tags: ["promo"] });
    await db().link.updateMany({ where: { workspaceId: a.ws.id }, data: {} });
    const many = csv([["url"], ...Array.from({ length: 230 }, (_, i) => [`https://example.com/n/${i}`])]);
    expect(await commitImport(a.access, many)).toMatchObject({ ok: true, created: 230 });

    const all = parseExport(await exportLinksCsvText(a.access));
    expect(all).toHaveLength(231);
    expect(new Set(all.map((r) => r.url)).size).toBe(231);
    expect(all.some((r) => r.url?.includes("other.example"))).toBe(false);
    expect(all.every((r) => r.status === "active" && r.short_url?.startsWith("http"))).toBe(true);
    const tagged = parseExport(await exportLinksCsvText(a.access, { tag: "promo" }));
    expect(tagged.map((r) => r.url)).toEqual(["https://example.com/tagged"]);
    const searched = parseExport(await exportLinksCsvText(a.access, { search: "n/22" }));
    expect(searched.map((r) => r.url).sort()).toEqual(["https://example.com/n/22", ...Array.from({ length: 10 }, (_, i) => `https://example.com/n/22${i}`)].sort());
  });
});
