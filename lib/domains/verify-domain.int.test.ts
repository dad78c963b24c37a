import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { accessFor, failureOf, makeUser } from "@/tests/factories";
import type { DnsResolver } from "./check-dns";
import { addDomain, listDomains } from "./manage-domains";
import { appHostname, recheckDomains, RECHECK, verifyDomain } from "./verify-domain";

/** The outside world, as a table: host -> CNAME targets; anything else does not exist. */
function dns(cnames: Record<string, string[]>): DnsResolver {
  const missing = () => Promise.reject(Object.assign(new Error("not found"), { code: "ENOTFOUND" }));
  return { resolveCname: (h) => (cnames[h] ? Promise.resolve(cnames[h]) : missing()), resolve4: missing, resolve6: missing };
}

async function workspace(name: string) {
  const user = await makeUser(name);
  const ws = await createWorkspace(user.id, { name: `${name} team` });
  return { ws, access: await accessFor(user, ws.slug, "domains.manage") };
}

describe("branded domain verification", () => {
  it("is pending until checked, then verified or failed with the reason and the time of the check", async () => {
    const { ws, access } = await workspace("verify");
    const hostname = `go-${Date.now()}.brand.example`;
    const domain = await addDomain(access, { hostname });
    expect(domain).toMatchObject({ status: "pending", checkedAt: null, checkError: null });

    await verifyDomain(access, domain.id, dns({}));
    let listed = (await listDomains(ws.id)).find((d) => d.id === domain.id)!;
    expect(listed.status).toBe("failed");
    expect(listed.checkError).toMatch(`No CNAME, A or AAAA record found for ${hostname}`);
    expect(listed.checkedAt).not.toBeNull();

    await verifyDomain(access, domain.id, dns({ [hostname]: [`${appHostname()}.`] }));
    listed = (await listDomains(ws.id)).find((d) => d.id === domain.id)!;
    expect(listed).toMatchObject({ status: "verified", checkError: null });
    expect(listed.verifiedAt).not.toBeNull();
  });

  it("answers another workspace's domain like a missing one", async () => {
    const a = await workspace("verify-a");
    const b = await workspace("verify-b");
    const domain = await addDomain(a.access, { hostname: `x-${Date.now()}.brand.example` });
    expect((await failureOf(verifyDomain(b.access, domain.id, dns({})))).status).toBe(404);
  });

  it("re-checks periodically: new and failing domains soon, verified ones daily", async () => {
    const { access } = await workspace("recheck");
    const fresh = await addDomain(access, { hostname: `fresh-${Date.now()}.brand.example` });
    const good = await addDomain(access, { hostname: `good-${Date.now()}.brand.example` });
    const world = dns({ [fresh.hostname]: [appHostname()], [good.hostname]: [appHostname()] });
    await verifyDomain(access, good.id, world);
    const now = Date.now();
    await recheckDomains(world, now, 1000);
    expect((await db().domain.findUniqueOrThrow({ where: { id: fresh.id } })).checkError).toBeNull();
    const checked = (await db().domain.findUniqueOrThrow({ where: { id: good.id } })).checkedAt!;
    // Within a day a verified domain is left alone; after it, looked up again.
    await recheckDomains(world, now + RECHECK.verifiedAfterMs - 60_000, 1000);
    expect((await db().domain.findUniqueOrThrow({ where: { id: good.id } })).checkedAt).toEqual(checked);
    await recheckDomains(dns({}), now + RECHECK.verifiedAfterMs + 60_000, 1000);
    const broken = await db().domain.findUniqueOrThrow({ where: { id: good.id } });
    expect(broken.checkError).toMatch(/No CNAME/);
    expect(broken.verifiedAt).not.toBeNull(); // when it was last verified stays known
  });
});
