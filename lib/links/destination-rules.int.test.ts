import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { addDomain, setDomainRedirects } from "@/lib/domains/manage-domains";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { accessFor, failureOf, makeUser } from "@/tests/factories";
import { bulkCreateLinks } from "./bulk-create-links";
import { createLink } from "./create-link";
import { commitImport } from "./import-links-csv";
import { updateLink } from "./update-link";
import { createBioPage } from "@/lib/bio-pages/create-bio-page";

// The rule against redirect loops: no destination on Pennant's own host in any
// spelling (any loopback name on the app's port or with none), none on the link's own (branded) domain, and no domain fallback on
// any short-link domain. And no credentials in a destination. On every path.
async function workspace(name: string) {
  const user = await makeUser(name);
  const ws = await createWorkspace(user.id, { name: `${name} team` });
  return { ws, access: await accessFor(user, ws.slug, "links.write") };
}
const uid = () => Math.random().toString(36).slice(2, 8);

// The tests run with APP_URL http://localhost:3000.
const OWN_HOST = [
  "http://localhost:3000/other-link",
  "http://localhost/other-link",
  "http://LOCALHOST/x",
  "http://127.0.0.1/x",
  "http://127.0.0.1:3000/x",
  "http://[::1]:3000/x",
  "http://0.0.0.0:3000/x",
  "http://localhost./x",
];
const CREDENTIALS = ["https://user:pass@example.com/", "https://user@example.com/", "https://:secret@example.com/", "https://bank.example%40evil.example@evil.example/"];

describe("destinations that would loop or disguise themselves", () => {
  it.each(OWN_HOST)("refuses %s on create, update, bulk and CSV, and writes nothing", async (url) => {
    const { ws, access } = await workspace("loop");
    const created = await failureOf(createLink(access, { url }));
    expect(created).toMatchObject({ status: 422 });
    expect(created.message).toMatch(/Pennant's own domain|redirect loop/);
    for (const field of ["expiredUrl", "ios", "android"] as const) {
      expect((await failureOf(createLink(access, { url: "https://example.com/", [field]: url }))).status, field).toBe(422);
    }
    expect((await failureOf(createLink(access, { url: "https://example.com/", geo: { DE: url } }))).status).toBe(422);
    const bulk = await bulkCreateLinks(access, { links: [{ url }] });
    expect(bulk.results[0]).toMatchObject({ ok: false });
    const imported = await commitImport(access, Papa.unparse([["url", "slug"], [url, `l-${uid()}`]]));
    expect(imported.ok).toBe(false);
    expect(await db().link.count({ where: { workspaceId: ws.id } })).toBe(0);

    const link = await createLink(access, { url: "https://example.com/ok" });
    expect((await failureOf(updateLink(access, link.id, { url }))).status).toBe(422);
    expect((await db().link.findUniqueOrThrow({ where: { id: link.id } })).url).toBe("https://example.com/ok");
  });

  it.each(CREDENTIALS)("refuses the destination with credentials %s, saying why", async (url) => {
    const { ws, access } = await workspace("cred");
    const failure = await failureOf(createLink(access, { url }));
    expect(failure).toMatchObject({ status: 422 });
    expect(failure.message).toMatch(/user name and password/);
    expect(await db().link.count({ where: { workspaceId: ws.id } })).toBe(0);
  });

  it("keeps a branded domain's links off that domain (another short link there, or itself)", async () => {
    const { ws, access } = await workspace("brand-loop");
    const hostname = `go-${uid()}.example.com`;
    await addDomain(access, { hostname });
    const a = await createLink(access, { url: "https://example.com/a", domain: hostname });
    expect((await failureOf(createLink(access, { url: `https://${hostname}/${a.slug}`, domain: hostname }))).message).toMatch(/cannot send visitors back/);
    expect((await failureOf(updateLink(access, a.id, { url: `https://${hostname.toUpperCase()}/${a.slug}` }))).message).toMatch(/own short URL/);
    expect(await db().link.count({ where: { workspaceId: ws.id } })).toBe(1);
  });

  it("refuses a destination on another of the workspace's domains, or any short-link domain in Pennant, on every path", async () => {
    const { ws, access } = await workspace("cross-loop");
    const { access: other } = await workspace("cross-loop-other");
    const home = `go-${uid()}.example.com`;
    const sibling = `get-${uid()}.example.com`;
    const elsewhere = `away-${uid()}.example.com`;
    await addDomain(access, { hostname: home });
    await addDomain(access, { hostname: sibling });
    await addDomain(other, { hostname: elsewhere });
    const target = await createLink(access, { url: "https://example.com/final", domain: sibling });
    const loops = [`https://${sibling}/${target.slug}`, `https://${sibling.toUpperCase()}./${target.slug}`, `http://${elsewhere}/x`];
    for (const url of loops) {
      // API and UI (one operation), every destination field.
      for (const domain of [home, undefined]) {
        const failure = await failureOf(createLink(access, { url, ...(domain ? { domain } : {}) }));
        expect(failure, url).toMatchObject({ status: 422 });
        expect(failure.message).toMatch(/short-link domain in Pennant/);
        expect(failure.details).toMatchObject({ fields: { url: expect.any(String) } });
      }
      for (const field of ["expiredUrl", "ios", "android"] as const) {
        expect((await failureOf(createLink(access, { url: "https://example.com/", domain: home, [field]: url }))).details, field).toMatchObject({ fields: { [field]: expect.any(String) } });
      }
      expect((await failureOf(createLink(access, { url: "https://example.com/", geo: { DE: url } }))).status).toBe(422);
      // Bulk and CSV.
      expect((await bulkCreateLinks(access, { links: [{ url, domain: home }] })).results[0]).toMatchObject({ ok: false });
      // Refused in the preview (this workspace's domains) or at the commit (422, nothing written).
      const imported = await commitImport(access, Papa.unparse([["url", "domain"], [url, home]])).then(
        (r) => (r.ok ? "imported" : "refused"),
        (err: unknown) => (err instanceof AppError && err.status === 422 ? "refused" : Promise.reject(err)),
      );
      expect(imported, url).toBe("refused");
      // Update.
      const link = await createLink(access, { url: "https://example.com/ok", domain: home });
      expect((await failureOf(updateLink(access, link.id, { url }))).status).toBe(422);
      expect((await db().link.findUniqueOrThrow({ where: { id: link.id } })).url).toBe("https://example.com/ok");
      await db().link.delete({ where: { id: link.id } });
    }
    // The CSV preview names the row's problem (this workspace's domains are known to it).
    const preview = await commitImport(access, Papa.unparse([["url", "domain"], [`https://${sibling}/${target.slug}`, home]]));
    expect(JSON.stringify(preview)).toMatch(/short-link domain in Pennant/);
    // A bio page's button: refused when the draft is saved, on its field, and nothing is written.
    const refused = await failureOf(createBioPage(access, { handle: `loop${uid()}`, title: "Loop", blocks: [{ type: "link", label: "Go", url: `https://${sibling}/${target.slug}` }] }));
    expect(refused.status).toBe(422);
    expect(refused.message).toMatch(/short-link domain in Pennant/);
    expect(await db().bioPage.count({ where: { workspaceId: ws.id } })).toBe(0);
    expect(await db().link.count({ where: { workspaceId: ws.id } })).toBe(1);
  });

  it("keeps a domain's root and not-found addresses off every short-link domain", async () => {
    const { access } = await workspace("dom-loop");
    const { access: other } = await workspace("dom-loop-other");
    const hostname = `go-${uid()}.example.com`;
    const elsewhere = `links-${uid()}.example.com`;
    const domain = await addDomain(access, { hostname });
    await addDomain(other, { hostname: elsewhere });
    for (const input of [{ rootUrl: `https://${hostname}/` }, { notFoundUrl: `https://${hostname}/missing` }, { rootUrl: `https://${elsewhere}/x` }, { notFoundUrl: "http://localhost:3000/" }]) {
      const failure = await failureOf(setDomainRedirects(access, domain.id, { rootUrl: null, notFoundUrl: null, ...input }));
      expect(failure.status, JSON.stringify(input)).toBe(422);
    }
    const row = await db().domain.findUniqueOrThrow({ where: { id: domain.id } });
    expect(row).toMatchObject({ rootUrl: null, notFoundUrl: null });
    expect(await setDomainRedirects(access, domain.id, { rootUrl: "https://brand.example/", notFoundUrl: null })).toMatchObject({ rootUrl: "https://brand.example/" });
  });
});

describe("geo targets", () => {
  it("accepts only ISO 3166-1 alpha-2 codes, within a maximum", async () => {
    const { ws, access } = await workspace("geo");
    for (const code of ["XX", "UK", "EU", "ZZ", "AAA", "1A"]) {
      const failure = await failureOf(createLink(access, { url: "https://example.com/", geo: { [code]: "https://example.de/" } }));
      expect(failure.status, code).toBe(422);
    }
    const tooMany = Object.fromEntries(["DE", "FR", "GB", "US", "IT", "ES", "NL", "BE", "AT", "CH", "SE", "NO", "DK", "FI", "PL", "CZ", "SK", "HU", "RO", "BG", "GR", "PT", "IE", "IS", "EE", "LV", "LT", "SI", "HR", "RS", "BA", "ME", "MK", "AL", "TR", "CY", "MT", "LU", "LI", "MC", "SM", "AD", "UA", "MD", "BY", "RU", "GE", "AM", "AZ", "KZ", "JP"].map((c) => [c, "https://example.com/" + c]));
    expect((await failureOf(createLink(access, { url: "https://example.com/", geo: tooMany }))).message).toMatch(/at most 50 country targets/);
    expect(await db().link.count({ where: { workspaceId: ws.id } })).toBe(0);
    const ok = await createLink(access, { url: "https://example.com/", geo: { gb: "https://example.co.uk/", AX: "https://example.ax/" } });
    expect(ok.geo).toEqual({ GB: "https://example.co.uk/", AX: "https://example.ax/" });
  });
});
