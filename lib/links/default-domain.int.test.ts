import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, getOnHost, startRedirectServer, type RunningServer } from "@/tests/redirect-server";

// The link is made while the app lives at one address, then served after a restart at another.
const [first, second] = [await freePort(), await freePort()];
process.env.APP_URL = `http://localhost:${first}`;
const { db } = await import("@/lib/db/client");
const { createLink } = await import("@/lib/links/create-link");
const { addDomain } = await import("@/lib/domains/manage-domains");
const { createWorkspace } = await import("@/lib/workspaces/create-workspace");
const { accessFor, makeUser } = await import("@/tests/factories");

const HUMAN = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const servers: RunningServer[] = [];
let access: Awaited<ReturnType<typeof accessFor>>;

beforeAll(async () => {
  const user = await makeUser("moving");
  const ws = await createWorkspace(user.id, { name: "Moving house" });
  access = await accessFor(user, ws.slug, "domains.manage");
});
afterAll(async () => {
  for (const s of servers) await s.stop();
});

// Starts the real server twice, one after the other: more than the default 20 s on a busy machine.
describe("links on the app's own address", { timeout: 90_000 }, () => {
  it("follow APP_URL: a link made under one address redirects after a restart under another; a branded domain keeps its host", async () => {
    const link = await createLink(access, { url: "https://shop.example/printed" });
    expect(link.shortUrl).toBe(`http://localhost:${first}/${link.slug}`);
    const hostname = `go-${Date.now()}.brand.example`;
    await addDomain(access, { hostname });
    const branded = await createLink(access, { url: "https://shop.example/branded", domain: hostname });
    expect(branded.shortUrl).toBe(`https://${hostname}/${branded.slug}`);

    const a = await startRedirectServer({}, first);
    servers.push(a);
    expect((await getOnHost(first, `localhost:${first}`, `/${link.slug}`, HUMAN)).location).toBe("https://shop.example/printed");
    expect(await a.stop()).toBe(0);

    // The self-hoster moves from the trial address to the real one.
    const b = await startRedirectServer({ APP_URL: `http://localhost:${second}` }, second);
    servers.push(b);
    const moved = await getOnHost(second, `localhost:${second}`, `/${link.slug}`, HUMAN);
    expect(moved.status).toBe(302);
    expect(moved.location).toBe("https://shop.example/printed");
    const brandedHit = await getOnHost(second, hostname, `/${branded.slug}`, HUMAN);
    expect(brandedHit.location).toBe("https://shop.example/branded");
    // The old address is no longer the app's: it is not one of the workspace's domains either.
    expect((await getOnHost(second, `localhost:${first}`, `/${link.slug}`, HUMAN)).status).toBe(404);

    const stored = await db().link.findMany({ where: { id: { in: [link.id, branded.id] } }, select: { id: true, domain: true } });
    expect(Object.fromEntries(stored.map((s) => [s.id, s.domain]))).toEqual({ [link.id]: "", [branded.id]: hostname });
  });
});
