import { describe, expect, it } from "vitest";
import { createLink } from "@/lib/links/create-link";
import { deleteLink } from "@/lib/links/delete-link";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { accessFor, failureOf, makeUser } from "@/tests/factories";
import { addDomain, listDomains, removeDomain, setDomainRedirects } from "./manage-domains";

async function workspace(name: string) {
  const user = await makeUser(name);
  const ws = await createWorkspace(user.id, { name: `${name} team` });
  return { ws, access: await accessFor(user, ws.slug, "links.write") };
}

const host = (label: string) => `${label}-${Math.random().toString(36).slice(2, 8)}.example.com`;

describe("branded domains", () => {
  it("adds a domain typed the way people paste it, and lists it with its link count", async () => {
    const { access } = await workspace("dom-add");
    const hostname = host("go");
    const added = await addDomain(access, { hostname: ` HTTPS://${hostname.toUpperCase()}/some/path ` });
    expect(added).toMatchObject({ hostname, links: 0 });
    await createLink(access, { url: "https://example.com/a", domain: hostname });
    await createLink(access, { url: "https://example.com/b" });
    expect(await listDomains(access)).toEqual([expect.objectContaining({ hostname, links: 1 })]);
  });

  it("refuses hostnames that are not domains, and the app's own domain, with a clear message", async () => {
    const { access } = await workspace("dom-bad");
    for (const hostname of ["", "localhost", "exa mple.com", "-bad.example.com", "example", "http://"]) {
      const failure = await failureOf(addDomain(access, { hostname }));
      expect(failure.status, hostname).toBe(422);
      expect(failure.message.length, hostname).toBeGreaterThan(10);
    }
    const own = await failureOf(addDomain(access, { hostname: "localhost:3000" }));
    expect(own.status).toBe(422);
  });

  it("answers 409 when the domain is already set up, here or in another workspace", async () => {
    const a = await workspace("dom-a");
    const b = await workspace("dom-b");
    const hostname = host("taken");
    await addDomain(a.access, { hostname });
    const again = await failureOf(addDomain(a.access, { hostname }));
    expect(again).toMatchObject({ status: 409, code: "conflict" });
    const other = await failureOf(addDomain(b.access, { hostname: hostname.toUpperCase() }));
    expect(other).toMatchObject({ status: 409, code: "conflict" });
    expect(other.message).toContain(hostname);
  });

  it("keeps one slug namespace per domain", async () => {
    const { access } = await workspace("dom-ns");
    const hostname = host("ns");
    await addDomain(access, { hostname });
    const slug = `spring-${Date.now()}`;
    const onDefault = await createLink(access, { url: "https://example.com/default", slug });
    const onBranded = await createLink(access, { url: "https://example.com/branded", slug, domain: hostname });
    expect(onDefault.shortUrl).toBe(`http://localhost:3000/${slug}`);
    expect(onBranded.shortUrl).toBe(`https://${hostname}/${slug}`);
    expect((await failureOf(createLink(access, { url: "https://example.com/x", slug, domain: hostname }))).status).toBe(409);
  });

  it("does not let another workspace put links on, list or remove a workspace's domain", async () => {
    const owner = await workspace("dom-owner");
    const intruder = await workspace("dom-intruder");
    const hostname = host("mine");
    const domain = await addDomain(owner.access, { hostname });
    const onForeign = await failureOf(createLink(intruder.access, { url: "https://example.com", domain: hostname }));
    expect(onForeign.status).toBe(422);
    expect(onForeign.message).toContain("not set up in this workspace");
    expect(await listDomains(intruder.access)).toEqual([]);
    expect((await failureOf(removeDomain(intruder.access, domain.id))).status).toBe(404);
    expect(await listDomains(owner.access)).toHaveLength(1);
  });

  it("keeps where the bare address and unknown links go: web addresses only, empty for none, this workspace's domains only", async () => {
    const { access } = await workspace("dom-redirects");
    const intruder = await workspace("dom-redirects-intruder");
    const domain = await addDomain(access, { hostname: host("brand") });
    expect(domain).toMatchObject({ rootUrl: null, notFoundUrl: null });

    const set = await setDomainRedirects(access, domain.id, { rootUrl: "brand.example", notFoundUrl: "https://brand.example/missing" });
    expect(set).toMatchObject({ rootUrl: "https://brand.example/", notFoundUrl: "https://brand.example/missing" });
    expect(await listDomains(access)).toEqual([expect.objectContaining({ rootUrl: "https://brand.example/", notFoundUrl: "https://brand.example/missing" })]);

    const bad = await failureOf(setDomainRedirects(access, domain.id, { rootUrl: "javascript:alert(1)", notFoundUrl: "" }));
    expect(bad.status).toBe(422);
    expect(bad).toMatchObject({ details: { fields: { rootUrl: expect.stringMatching(/Only web addresses/) } } });
    // Refused whole: the other field is not cleared either.
    expect(await listDomains(access)).toEqual([expect.objectContaining({ rootUrl: "https://brand.example/", notFoundUrl: "https://brand.example/missing" })]);

    expect((await failureOf(setDomainRedirects(intruder.access, domain.id, { rootUrl: "https://evil.example" }))).status).toBe(404);
    expect(await setDomainRedirects(access, domain.id, { rootUrl: "", notFoundUrl: null })).toMatchObject({ rootUrl: null, notFoundUrl: null });
  });

  it("refuses to remove a domain while short links use it, then removes it once they are gone", async () => {
    const { access } = await workspace("dom-remove");
    const hostname = host("busy");
    const domain = await addDomain(access, { hostname });
    const link = await createLink(access, { url: "https://example.com/x", domain: hostname });
    const refused = await failureOf(removeDomain(access, domain.id));
    expect(refused).toMatchObject({ status: 409, code: "conflict" });
    expect(refused.message).toBe(`1 short link still uses ${hostname}. Move or delete it first.`);
    expect(await listDomains(access)).toHaveLength(1);
    await deleteLink(access, link.id);
    await removeDomain(access, domain.id);
    expect(await listDomains(access)).toEqual([]);
  });
});
