import { request } from "node:http";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, startRedirectServer, type RunningServer } from "@/tests/redirect-server";

const portA = await freePort();
process.env.APP_URL = `http://localhost:${portA}`;
const { db } = await import("@/lib/db/client");
const { createWorkspace } = await import("@/lib/workspaces/create-workspace");
const { accessFor, makeUser } = await import("@/tests/factories");
const { createBioPage } = await import("./create-bio-page");
const { publishBioPage } = await import("./publish-bio-page");
const { updateBioPage } = await import("./update-bio-page");
const { startChangeFeed, stopChangeFeed } = await import("@/lib/redirect/change-feed");
const { configureBioCache } = await import("./page-cache");
const { addDomain, setDomainRedirects } = await import("@/lib/domains/manage-domains");
const { unpublishBioPage } = await import("./publish-bio-page");
const { failureOf } = await import("@/tests/factories");
const { loadDomainRootPage, loadLivePage } = await import("./live-page");
const { presetTheme } = await import("./themes");
const { deleteWorkspace } = await import("@/lib/workspaces/delete-workspace");

const HUMAN = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";
const REDIS_URL = process.env.TEST_REDIS_URL || "redis://127.0.0.1:6379";

interface Got {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}
function get(port: number, path: string, headers: Record<string, string> = {}, method = "GET", body?: string): Promise<Got> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, method, headers: { host: `localhost:${portA}`, "user-agent": HUMAN, ...headers } }, (res) => {
      let data = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (data += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, tries = 100): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const v = await read();
    if (ok(v)) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  return read();
}

let access: Awaited<ReturnType<typeof accessFor>>;
let server: RunningServer;
const handle = (p: string) => `${p}${Math.random().toString(36).slice(2, 8)}`;

beforeAll(async () => {
  // Starting the real server takes a while on a loaded machine.
  const user = await makeUser("bio-public");
  const ws = await createWorkspace(user.id, { name: "Bio public" });
  access = await accessFor(user, ws.slug, "bio.write");
  server = await startRedirectServer({}, portA);
}, 90_000);
afterAll(async () => {
  await server?.stop();
});

// Every text field of every block type, the handle-adjacent fields and theme-adjacent ones carry markup and script.
const XSS = [`<script>alert(1)</script>`, `"><img src=x onerror=alert(1)>`, `&lt;script&gt;alert(1)&lt;/script&gt;`, `</style><script>alert(1)</script>`, `javascript:alert(1)`];
const evil = XSS.join(" ");

describe("the public page /@handle", { timeout: 90_000 }, () => {
  it("serves the published page from memory with a strict CSP, escapes everything, and records a view", async () => {
    const h = handle("pub_");
    const page = await createBioPage(access, {
      handle: h,
      title: `T ${evil}`.slice(0, 80),
      bio: `B ${evil}`.slice(0, 300),
      blocks: [
        { type: "header", text: `H ${evil}`.slice(0, 80) },
        { type: "text", text: `**bold** [ok](https://example.com) [bad](javascript:alert(1)) ${evil}` },
        { type: "link", label: `L ${evil}`.slice(0, 80), url: "https://example.com/shop" },
        { type: "social", items: [{ network: "instagram", value: "https://instagram.com/ana" }, { network: "email", value: "ana@example.com" }] },
        { type: "embed", url: "https://www.youtube.com/watch?v=dQw4w9WgXcQ", title: `E ${evil}`.slice(0, 80) },
        { type: "contact", name: `C ${evil}`.slice(0, 80), email: "ana@example.com", phone: "+49 30 123456" },
        { type: "subscribe", heading: `S ${evil}`.slice(0, 80), consentText: `K ${evil}`, buttonLabel: "Join" },
      ],
    });
    await publishBioPage(access, page.id);
    const res = await get(server.port, `/@${h.toUpperCase()}`);
    expect(res.status).toBe(200);
    const csp = String(res.headers["content-security-policy"]);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toMatch(/style-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("frame-src https://www.youtube-nocookie.com");
    expect(csp).toContain("img-src 'self'");
    // Nothing user-written became markup: the only <script> is the page's own file, no event handlers, no javascript: links.
    expect(res.body.match(/<script/g)).toHaveLength(1);
    expect(res.body).toMatch(/<script src="\/_bio\/bio\.[a-f0-9]{12}\.js" defer><\/script>/);
    expect(res.body).not.toMatch(/<img src=x/i);
    // No tag carries an event handler (attribute values, where escaped text may say anything, left out).
    expect(res.body.replace(/"[^"]*"/g, '""')).not.toMatch(/<[a-z][^>]*\son[a-z]+=/i);
    expect(res.body).not.toMatch(/href="javascript:/i);
    expect(res.body).not.toContain("</style><script>");
    expect(res.body).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(res.body).toContain("&amp;lt;script&amp;gt;"); // entity-encoded text stays text
    expect(res.body).toContain('<strong>bold</strong> <a href="https://example.com/" rel="noopener nofollow">ok</a>');
    expect(res.body).toContain('rel="me noopener"');
    // The social row shows each network's glyph, named for screen readers.
    expect(res.body).toMatch(/rel="me noopener" title="Instagram"><svg class="icon"[^>]*aria-hidden="true"[^>]*>.*?<\/svg><span class="sr">Instagram<\/span>/);
    expect(res.body).toContain(`<link rel="canonical" href="http://localhost:${portA}/@${h}">`);
    expect(res.body).not.toContain("noindex");
    // Nothing is loaded from the embed's host until the visitor presses play.
    expect(res.body).not.toMatch(/<iframe/);
    expect(res.body).toContain('data-player="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"');
    // The view, through the click pipeline.
    const views = await eventually(() => db().click.findMany({ where: { bioPageId: page.id, event: "view" } }), (v) => v.length === 1, 250); // the click writer thread starts with the first view
    expect(views).toMatchObject([{ linkId: null, trigger: "link", bot: false, device: "mobile" }]);
    // The button goes through its own short link, marked with the page and block.
    const block = (await db().bioBlock.findFirstOrThrow({ where: { bioPageId: page.id, type: "link" }, include: { link: true } }))!;
    expect(res.body).toContain(`href="http://localhost:${portA}/${block.link!.slug}?bio=${page.id}.${block.id}"`);
    const click = await get(server.port, `/${block.link!.slug}?bio=${page.id}.${block.id}`);
    expect(click).toMatchObject({ status: 302, headers: { location: "https://example.com/shop" } });
    const clicks = await eventually(() => db().click.findMany({ where: { bioPageId: page.id, event: "click" } }), (v) => v.length === 1, 250); // the click writer thread starts with the first view
    expect(clicks).toMatchObject([{ trigger: "bio", bioBlockId: block.id, linkId: block.linkId }]);
    // Its assets are content-hashed and cached for good; the vCard downloads.
    const css = /href="(\/_bio\/bio\.[a-f0-9]{12}\.css)"/.exec(res.body)![1]!;
    expect((await get(server.port, css)).headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    const contact = await db().bioBlock.findFirstOrThrow({ where: { bioPageId: page.id, type: "contact" } });
    const vcard = await get(server.port, `/@${h}/vcard/${contact.id}`);
    expect(vcard.headers["content-type"]).toContain("text/vcard");
    expect(vcard.body).toContain("EMAIL;TYPE=INTERNET:ana@example.com");
  });

  it("counts bots and scans apart, and answers unknown, unpublished and deleted handles with the same 404", async () => {
    const h = handle("bot_");
    const page = await createBioPage(access, { handle: h, title: "Bots" });
    const unpublished = await get(server.port, `/@${h}`);
    await publishBioPage(access, page.id);
    // The server remembered "no such page" for up to two seconds (no Redis here to tell it).
    await eventually(() => get(server.port, `/@${h}?qr=1`), (r) => r.status === 200, 40);
    await get(server.port, `/@${h}`, { "user-agent": "facebookexternalhit/1.1" });
    const views = await eventually(() => db().click.findMany({ where: { bioPageId: page.id }, orderBy: { bot: "asc" } }), (v) => v.length === 2, 60);
    expect(views.map((v) => [v.trigger, v.bot])).toEqual([["qr", false], ["link", true]]);
    const unknown = await get(server.port, `/@nobody_${h}`);
    expect(unknown.status).toBe(404);
    expect(unpublished.status).toBe(404);
    expect(unpublished.body).toBe(unknown.body);
  });

  it("draws a preview image for a page without an avatar, and a new one for a new title", async () => {
    const h = handle("og_");
    const page = await createBioPage(access, { handle: h, title: "Preview one", theme: presetTheme("sunset") });
    await publishBioPage(access, page.id);
    const first = await eventually(() => get(server.port, `/@${h}`), (r) => r.status === 200, 40);
    const image = /<meta property="og:image" content="([^"]+)">/.exec(first.body)![1]!;
    expect(image).toMatch(new RegExp(`^http://localhost:${portA}/@${h}/og\\.png\\?v=[a-f0-9]{8}$`));
    expect(first.body).toContain(`<meta name="twitter:image" content="${image}">`);
    expect(first.body).toContain('<meta name="twitter:card" content="summary_large_image">');
    const png = await new Promise<Buffer>((resolve, reject) => {
      request({ host: "127.0.0.1", port: server.port, path: new URL(image).pathname + new URL(image).search, headers: { host: `localhost:${portA}` } }, (res) => {
        expect(res.headers["content-type"]).toBe("image/png");
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve(Buffer.concat(chunks)));
      }).on("error", reject).end();
    });
    const sharp = (await import("sharp")).default;
    expect(await sharp(png).metadata()).toMatchObject({ format: "png", width: 1200, height: 630 });
    await updateBioPage(access, page.id, { title: "Preview two" });
    await publishBioPage(access, page.id);
    const second = await eventually(() => get(server.port, `/@${h}`), (r) => r.body.includes("Preview two"), 60);
    expect(/<meta property="og:image" content="([^"]+)">/.exec(second.body)![1]).not.toBe(image);
    expect((await get(server.port, `/@nobody_${h}/og.png`)).status).toBe(404);
  });

  it("redirects a renamed handle to the new one", async () => {
    const [from, to] = [handle("from_"), handle("to_")];
    const page = await createBioPage(access, { handle: from, title: "Moved" });
    await publishBioPage(access, page.id);
    await updateBioPage(access, page.id, { handle: to });
    const res = await eventually(() => get(server.port, `/@${from}`), (r) => r.status === 302, 40);
    expect(res.headers.location).toBe(`/@${to}`);
  });

  it("shows a scheduled block on time from the cached page, without a publish", async () => {
    const h = handle("soon_");
    const startsAt = new Date(Date.now() + 1500).toISOString();
    const page = await createBioPage(access, { handle: h, title: "Soon", blocks: [{ type: "header", text: "Early bird" }, { type: "header", text: "Doors open", startsAt }] });
    await publishBioPage(access, page.id);
    const before = await get(server.port, `/@${h}`);
    expect(before.body).toContain("Early bird");
    expect(before.body).not.toContain("Doors open");
    await new Promise((r) => setTimeout(r, Date.parse(startsAt) - Date.now() + 50));
    expect((await get(server.port, `/@${h}`)).body).toContain("Doors open");
  });

  it("stores a sign-up from the page's form and says so on the page", async () => {
    const h = handle("join_");
    const page = await createBioPage(access, { handle: h, title: "Join", blocks: [{ type: "subscribe", consentText: "Monthly news." }] });
    await publishBioPage(access, page.id);
    const block = page.blocks[0]!.id as string;
    const post = await get(server.port, `/@${h}/subscribe`, { "content-type": "application/x-www-form-urlencoded" }, "POST", new URLSearchParams({ block, email: "zoe@example.com", consent: "on", website: "" }).toString());
    expect(post.status).toBe(303);
    const back = await get(server.port, String(post.headers.location).replace(/#.*/, ""));
    expect(back.body).toContain("Thanks! You are on the list.");
    expect(await db().bioSubscriber.findMany({ where: { bioPageId: page.id }, select: { email: true, consentText: true } })).toEqual([{ email: "zoe@example.com", consentText: "Monthly news." }]);
  });

  it("shows a page at a branded domain's bare address when the workspace chooses it, and only its own published pages", async () => {
    const h = handle("root_");
    const hostname = `${handle("root")}.example`;
    const page = await createBioPage(access, { handle: h, title: "Brand home" });
    const domain = await addDomain(access, { hostname });
    // Another workspace's page answers exactly like a page that does not exist; a draft-only page cannot be chosen.
    const stranger = await makeUser("bio-root-stranger");
    const theirs = await createBioPage(await accessFor(stranger, (await createWorkspace(stranger.id, { name: "Other" })).slug, "bio.write"), { handle: handle("theirs_"), title: "Theirs" });
    const foreign = await failureOf(setDomainRedirects(access, domain.id, { rootBioPageId: theirs.id }));
    const missing = await failureOf(setDomainRedirects(access, domain.id, { rootBioPageId: "nopage0000000000000000000" }));
    expect([foreign.status, foreign.details, foreign.message]).toEqual([422, { fields: { rootBioPageId: "Choose one of this workspace's bio pages." } }, missing.message]);
    expect(missing.details).toEqual(foreign.details);
    expect((await failureOf(setDomainRedirects(access, domain.id, { rootBioPageId: page.id }))).details).toEqual({ fields: { rootBioPageId: "Publish this page first." } });
    await publishBioPage(access, page.id);
    expect((await failureOf(setDomainRedirects(access, domain.id, { rootUrl: "https://brand.example/", rootBioPageId: page.id }))).details).toHaveProperty("fields.rootBioPageId");
    expect(await setDomainRedirects(access, domain.id, { rootBioPageId: page.id })).toMatchObject({ rootBioPageId: page.id, rootUrl: null });

    // The server remembered "nothing here" for a few seconds (no Redis in this test).
    const home = await eventually(() => get(server.port, "/", { host: hostname }), (r) => r.status === 200, 60);
    expect(home.body).toContain("Brand home");
    expect(home.headers["content-security-policy"]).toContain("default-src 'none'");
    const views = await eventually(() => db().click.findMany({ where: { bioPageId: page.id, event: "view" } }), (v) => v.length === 1, 250);
    expect(views).toMatchObject([{ domain: hostname, trigger: "link", bot: false }]);
    // The app's own address and other paths on the domain are untouched.
    expect((await get(server.port, "/nosuchlink", { host: hostname })).status).toBe(404);

    // Taken offline, the bare address falls back to the domain's other choice (here: Pennant's page, which Next serves).
    await unpublishBioPage(access, page.id);
    const offline = await eventually(() => get(server.port, "/", { host: hostname }), (r) => r.status !== 200, 60);
    expect(offline.body).not.toContain("Brand home");
    await publishBioPage(access, page.id);
    await eventually(() => get(server.port, "/", { host: hostname }), (r) => r.status === 200, 60);
    // Back to a redirect: the page is no longer shown there.
    await setDomainRedirects(access, domain.id, { rootUrl: "https://brand.example/welcome", rootBioPageId: "" });
    const redirected = await eventually(() => get(server.port, "/", { host: hostname }), (r) => r.status === 302, 60);

    expect(redirected.headers.location).toBe("https://brand.example/welcome");
  });
});

describe("two instances sharing Redis", { timeout: 90_000 }, () => {
  let a: RunningServer;
  let b: RunningServer;
  let publisher: Redis;
  beforeAll(async () => {
    await server.stop();
    a = await startRedirectServer({ REDIS_URL }, portA);
    b = await startRedirectServer({ REDIS_URL, APP_URL: `http://localhost:${portA}` });
    publisher = new Redis(REDIS_URL);
    // This process plays the dashboard: its publishes tell the other instances.
    startChangeFeed({ redis: publisher, databaseUrl: process.env.DATABASE_URL });
    configureBioCache({ loader: loadLivePage, domainLoader: loadDomainRootPage });
  }, 90_000);
  afterAll(async () => {
    await stopChangeFeed();
    await Promise.all([a.stop(), b.stop()]);
    publisher.disconnect();
  });

  it("both serve a newly published version at once, though they cache pages for a minute", async () => {
    const h = handle("two_");
    const page = await createBioPage(access, { handle: h, title: "Version one" });
    await publishBioPage(access, page.id);
    expect((await get(a.port, `/@${h}`)).body).toContain("Version one");
    expect((await get(b.port, `/@${h}`)).body).toContain("Version one");
    await updateBioPage(access, page.id, { title: "Version two" });
    expect((await get(b.port, `/@${h}`)).body).toContain("Version one"); // a draft is not live
    await publishBioPage(access, page.id);
    const onB = await eventually(() => get(b.port, `/@${h}`), (r) => r.body.includes("Version two"), 20);
    expect(onB.body).toContain("Version two");
    expect((await get(a.port, `/@${h}`)).body).toContain("Version two");
  });

  it("a domain's bare address showing the page follows a publish at once too", async () => {
    const h = handle("dom2_");
    const hostname = `${handle("two")}.example`;
    const page = await createBioPage(access, { handle: h, title: "Root one" });
    await publishBioPage(access, page.id);
    const domain = await addDomain(access, { hostname });
    await setDomainRedirects(access, domain.id, { rootBioPageId: page.id });
    expect((await eventually(() => get(b.port, "/", { host: hostname }), (r) => r.body.includes("Root one"), 20)).body).toContain("Root one");
    await updateBioPage(access, page.id, { title: "Root two" });
    await publishBioPage(access, page.id);
    const onB = await eventually(() => get(b.port, "/", { host: hostname }), (r) => r.body.includes("Root two"), 20);
    expect(onB.body).toContain("Root two");
  });

  it("a deleted workspace's domain stops showing its page at once, on every instance", async () => {
    const owner = await makeUser("bio-gone");
    const ws = await createWorkspace(owner.id, { name: "Going away" });
    const mine = await accessFor(owner, ws.slug, "bio.write");
    const h = handle("gone_");
    const hostname = `${handle("gone")}.example`;
    const page = await createBioPage(mine, { handle: h, title: "Soon gone" });
    await publishBioPage(mine, page.id);
    const domain = await addDomain(await accessFor(owner, ws.slug, "domains.manage"), { hostname });
    await setDomainRedirects(await accessFor(owner, ws.slug, "domains.manage"), domain.id, { rootBioPageId: page.id });
    // Both instances hold the page for the domain's bare address (cached for a minute).
    for (const port of [a.port, b.port]) {
      expect((await eventually(() => get(port, "/", { host: hostname }), (r) => r.body.includes("Soon gone"), 20)).body).toContain("Soon gone");
    }
    await deleteWorkspace(await accessFor(owner, ws.slug, "workspace.delete"), { confirm: ws.slug });
    for (const port of [a.port, b.port]) {
      const after = await eventually(() => get(port, "/", { host: hostname }), (r) => !r.body.includes("Soon gone"), 20);
      expect(after.body).not.toContain("Soon gone");
      expect(after.status).not.toBe(200);
      expect((await get(port, `/@${h}`)).status).toBe(404);
    }
  });
});
