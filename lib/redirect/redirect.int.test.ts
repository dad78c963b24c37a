import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getOnHost, startRedirectServer, type RunningServer } from "@/tests/redirect-server";
import { eventually, redirectTestbed } from "@/tests/redirect-testbed";

// The server and this process must agree on the app's domain (links' default domain).
const bed = await redirectTestbed();
const { port } = bed;
const { db } = await import("@/lib/db/client");
const { createLink } = await import("@/lib/links/create-link");
const { updateLink } = await import("@/lib/links/update-link");
const { expireLink } = await import("@/tests/factories");
const { addDomain, setDomainRedirects } = await import("@/lib/domains/manage-domains");

const HUMAN = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
const ANDROID = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";
const FACEBOOK = "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)";

let server: RunningServer;
let access: Awaited<ReturnType<typeof bed.workspace>>;

beforeAll(async () => {
  // Loopback is a trusted proxy here, so tests can say where a visitor is from.
  server = await startRedirectServer({ TRUSTED_PROXIES: "loopback" }, port);
  access = await bed.workspace("Redirects");
});
// A failure shows what the server logged (a 503 says why there).
afterEach((ctx) => {
  if (ctx.task.result?.state === "fail") console.log(`server output:\n${server.output().slice(-4000)}`);
});
afterAll(async () => {
  await server.stop();
  if (process.env.DEBUG_REDIRECT) console.log(server.output());
});

function visit(path: string, init: RequestInit & { ua?: string; ip?: string } = {}) {
  const headers = new Headers(init.headers);
  headers.set("user-agent", init.ua ?? HUMAN);
  if (init.ip) headers.set("x-forwarded-for", init.ip);
  return fetch(`${server.url}${path}`, { ...init, headers, redirect: "manual" });
}

/** A GET sent to the server for another domain. */
const onHost = (host: string, path: string) => getOnHost(port, host, path, HUMAN);

const clicksOf = (linkId: string) => db().click.findMany({ where: { linkId }, orderBy: { createdAt: "asc" } });

describe("the redirect", () => {
  it("answers 302 with the destination (UTM merged), noindex and no caching, and counts the click", async () => {
    const link = await createLink(access, { url: "https://shop.example/spring?x=1", utm: { source: "newsletter" } });
    const res = await visit(`/${link.slug}`);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("https://shop.example/spring?x=1&utm_source=newsletter");
    expect(res.headers.get("x-robots-tag")).toBe("noindex");
    expect(res.headers.get("cache-control")).toContain("no-store");
    const clicks = await eventually(() => clicksOf(link.id), (c) => c.length === 1);
    // The click counts the UTM values its destination received.
    expect(clicks[0]).toMatchObject({ trigger: "link", bot: false, device: "desktop", browser: "Chrome", os: "Mac OS", utmSource: "newsletter", utmMedium: null });
    expect((await db().link.findUniqueOrThrow({ where: { id: link.id } })).clicks).toBe(1);
  }, 60_000);

  it("lets a 301 be cached and answers slugs in any letter case, with or without a trailing slash", async () => {
    const link = await createLink(access, { url: "https://example.com/perm", redirectType: 301 });
    const res = await visit(`/${link.slug.toUpperCase()}`);
    expect(res.status).toBe(301);
    expect(res.headers.get("cache-control")).toMatch(/public, max-age=\d+/);
    const slash = await visit(`/${link.slug}/?ref=x`);
    expect(slash.status).toBe(301);
    expect(slash.headers.get("location")).toBe("https://example.com/perm?ref=x");
    // Two slashes name no short link: left to the app (here, redirect-only mode: a plain 404).
    expect((await visit(`/${link.slug}//`)).status).toBe(404);
  });

  it("forwards the visit's query (its values win) unless the link turns that off", async () => {
    const on = await createLink(access, { url: "https://example.com/p?a=1&b=2" });
    const res = await visit(`/${on.slug}?b=3&c=4`);
    expect(new URL(res.headers.get("location")!).search).toBe("?a=1&b=3&c=4");
    const off = await createLink(access, { url: "https://example.com/p?a=1", forwardQuery: false });
    expect((await visit(`/${off.slug}?b=3`)).headers.get("location")).toBe("https://example.com/p?a=1");
  });

  it("answers HEAD with the same status, stores it flagged as a bot and counts nothing", async () => {
    const link = await createLink(access, { url: "https://example.com/head" });
    const res = await visit(`/${link.slug}`, { method: "HEAD" });
    expect(res.status).toBe(302);
    await visit(`/${link.slug}`);
    const clicks = await eventually(() => clicksOf(link.id), (c) => c.length === 2);
    expect(clicks.map((c) => c.bot).sort()).toEqual([false, true]);
    expect((await db().link.findUniqueOrThrow({ where: { id: link.id } })).clicks).toBe(1);
  });

  it("sends iOS, Android and visitors from a targeted country to their own URLs", async () => {
    const link = await createLink(access, { url: "https://example.com/", ios: "https://apps.apple.com/app/1", android: "https://play.google.com/store/apps/details?id=x", geo: { GB: "https://example.co.uk/" } });
    expect((await visit(`/${link.slug}`, { ua: IPHONE })).headers.get("location")).toBe("https://apps.apple.com/app/1");
    expect((await visit(`/${link.slug}`, { ua: ANDROID })).headers.get("location")).toBe("https://play.google.com/store/apps/details?id=x");
    expect((await visit(`/${link.slug}`, { ip: "81.2.69.142" })).headers.get("location")).toBe("https://example.co.uk/");
    expect((await visit(`/${link.slug}`, { ip: "8.8.8.8" })).headers.get("location")).toBe("https://example.com/");
    const clicks = await eventually(() => clicksOf(link.id), (c) => c.length === 4);
    expect(clicks.map((c) => c.country)).toEqual(expect.arrayContaining(["GB", "US"]));
    expect(clicks.find((c) => c.country === "GB")?.city).toBe("London");
  });

  it("sends a branded domain's bare address and unknown links where its workspace chose", async () => {
    const hostname = `go-${Date.now().toString(36)}.example.com`;
    const domain = await addDomain(access, { hostname });
    const live = await createLink(access, { url: "https://example.com/branded", domain: hostname });
    const off = await createLink(access, { url: "https://example.com/off", domain: hostname, disabled: true });
    // Nothing chosen: the bare address is left to the app, unknown links get the 404 page.
    expect((await onHost(hostname, "/")).status).toBe(404);
    expect((await onHost(hostname, "/no-such-link")).status).toBe(404);

    await setDomainRedirects(access, domain.id, { rootUrl: "https://brand.example/", notFoundUrl: "https://brand.example/missing" });
    // This server is another process without Redis: it sees the change within its cache's few seconds.
    const root = await eventually(() => onHost(hostname, "/"), (r) => r.status === 302);
    expect(root).toMatchObject({ status: 302, location: "https://brand.example/", cacheControl: "private, no-store, max-age=0" });
    const unknown = await eventually(() => onHost(hostname, "/no-such-link"), (r) => r.status === 302);
    expect(unknown).toMatchObject({ status: 302, location: "https://brand.example/missing" });
    expect(await onHost(hostname, `/${off.slug}`)).toMatchObject({ status: 302, location: "https://brand.example/missing" });
    expect(await onHost(hostname, `/${live.slug}`)).toMatchObject({ status: 302, location: "https://example.com/branded" });
    // Another host keeps Pennant's own pages.
    expect((await onHost(`localhost:${port}`, "/")).status).toBe(404);
    expect((await onHost(`localhost:${port}`, "/no-such-link")).status).toBe(404);
    // A later click written proves the earlier visits' clicks would have been written too.
    await eventually(() => clicksOf(live.id), (c) => c.length === 1);
    expect(await clicksOf(off.id)).toEqual([]);

    await setDomainRedirects(access, domain.id, { rootUrl: null, notFoundUrl: null });
    expect((await eventually(() => onHost(hostname, "/no-such-link"), (r) => r.status === 404)).status).toBe(404);
    expect((await onHost(hostname, "/")).status).toBe(404);
  });

  it("answers unknown and disabled links with the same 404 page", async () => {
    const link = await createLink(access, { url: "https://example.com/", disabled: true });
    const disabled = await visit(`/${link.slug}`);
    const unknown = await visit(`/no-such-link-${Date.now()}`);
    expect(disabled.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(await disabled.text()).toBe(await unknown.text());
  });

  it("expires by date: to the expiry URL when set, else a 410 page", async () => {
    const withUrl = await createLink(access, { url: "https://example.com/", expiresAt: "2030-01-01T00:00:00Z", expiredUrl: "https://example.com/sorry" });
    await expireLink(withUrl.id);
    const res = await visit(`/${withUrl.slug}`);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("https://example.com/sorry");
    const plain = await createLink(access, { url: "https://example.com/", expiresAt: "2030-01-01T00:00:00Z" });
    await expireLink(plain.id);
    const gone = await visit(`/${plain.slug}`);
    expect(gone.status).toBe(410);
    expect(await gone.text()).toContain("This link has expired");
  });

  it("never lets concurrent clicks exceed the maximum", async () => {
    const link = await createLink(access, { url: "https://example.com/limited", maxClicks: 5 });
    const statuses = await Promise.all(Array.from({ length: 20 }, () => visit(`/${link.slug}`).then((r) => r.status)));
    expect(statuses.filter((s) => s === 302)).toHaveLength(5);
    expect(statuses.filter((s) => s === 410)).toHaveLength(15);
    expect((await db().link.findUniqueOrThrow({ where: { id: link.id } })).clicks).toBe(5);
  });

  it("protects a link with a password: form, wrong guess, cookie, then the redirect", async () => {
    const link = await createLink(access, { url: "https://example.com/secret", password: "open sesame" });
    const form = await visit(`/${link.slug}`);
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('<form method="post"');
    const body = (password: string) => new URLSearchParams({ password }).toString();
    const formHeaders = { "content-type": "application/x-www-form-urlencoded" };
    const wrong = await visit(`/${link.slug}`, { method: "POST", body: body("nope"), headers: formHeaders });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain("That password is not right");
    const right = await visit(`/${link.slug}`, { method: "POST", body: body("open sesame"), headers: formHeaders });
    expect(right.status).toBe(303);
    expect(right.headers.get("location")).toBe("https://example.com/secret");
    const cookie = right.headers.get("set-cookie")!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).not.toContain("open sesame");
    const again = await visit(`/${link.slug}`, { headers: { cookie: cookie.split(";")[0]! } });
    expect(again.status).toBe(302);
    // A forged cookie does not unlock.
    const forged = await visit(`/${link.slug}`, { headers: { cookie: cookie.split(";")[0]!.replace(/\.[^.]+$/, ".forged") } });
    expect(forged.status).toBe(200);
  });

  it("shows social crawlers the preview tags and never counts them as human clicks", async () => {
    const link = await createLink(access, { url: "https://example.com/launch", og: { title: "Spring <launch>", description: "New things", image: "https://example.com/og.png" } });
    const res = await visit(`/${link.slug}`, { ua: FACEBOOK });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain('<meta property="og:title" content="Spring &lt;launch&gt;">');
    expect(text).toContain('<meta property="og:image" content="https://example.com/og.png">');
    await visit(`/${link.slug}`, { ua: "curl/8.5.0" });
    await visit(`/${link.slug}`, { ua: "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)" });
    const clicks = await eventually(() => clicksOf(link.id), (c) => c.length === 3);
    expect(clicks.every((c) => c.bot)).toBe(true);
    expect((await db().link.findUniqueOrThrow({ where: { id: link.id } })).clicks).toBe(0);
  });

  it("records ?bio=1 as a click from a bio page", async () => {
    const link = await createLink(access, { url: "https://example.com/from-bio" });
    const res = await visit(`/${link.slug}?bio=1`);
    expect({ status: res.status, location: res.headers.get("location") }).toEqual({ status: 302, location: "https://example.com/from-bio" });
    const clicks = await eventually(() => clicksOf(link.id), (c) => c.length === 1);
    expect(clicks[0]!.trigger).toBe("bio");
  });

  it("records ?qr=1 as a QR scan and removes it from the forwarded URL", async () => {
    const link = await createLink(access, { url: "https://example.com/menu" });
    const res = await visit(`/${link.slug}?qr=1&table=4`);
    expect(res.headers.get("location")).toBe("https://example.com/menu?table=4");
    const clicks = await eventually(() => clicksOf(link.id), (c) => c.length === 1);
    expect(clicks[0]!.trigger).toBe("qr");
    const rollup = await db().clickCube.findMany({ where: { linkId: link.id } });
    expect(rollup.map((r) => ({ clicks: r.clicks, trigger: r.trigger, bot: r.bot }))).toEqual([{ clicks: 1, trigger: "qr", bot: false }]);
  });

  it("counts unique visitors by a daily hash, never storing the address", async () => {
    const link = await createLink(access, { url: "https://example.com/u" });
    await visit(`/${link.slug}`, { ip: "198.51.100.7" });
    await visit(`/${link.slug}`, { ip: "198.51.100.7" });
    await visit(`/${link.slug}`, { ip: "198.51.100.8" });
    const clicks = await eventually(() => clicksOf(link.id), (c) => c.length === 3);
    expect(new Set(clicks.map((c) => c.visitorHash)).size).toBe(2);
    expect(JSON.stringify(clicks)).not.toMatch(/198\.51\.100/);
  });

  it("records a click whose UTM values hold control characters, and the clicks after it", async () => {
    // PostgreSQL refuses a NUL in text: a batch holding one would fail again and again, and every click behind it would wait.
    const link = await createLink(access, { url: "https://example.com/nul" });
    // The 200-character limit cuts the emoji in half: the half left is replaced, not sent on broken.
    await visit(`/${link.slug}?utm_source=a%00b&utm_campaign=%07spring%1F&utm_term=${"a".repeat(199)}${encodeURIComponent("😀")}`);
    await visit(`/${link.slug}?utm_source=after`);
    const clicks = await eventually(() => clicksOf(link.id), (c) => c.length === 2);
    expect(clicks.map((c) => [c.utmSource, c.utmCampaign, c.utmTerm])).toEqual([["ab", "spring", `${"a".repeat(199)}\uFFFD`], ["after", null, null]]);
  });

  it("takes an edit at once: the short URL leads to the new destination", async () => {
    const link = await createLink(access, { url: "https://example.com/old" });
    expect((await visit(`/${link.slug}`)).headers.get("location")).toBe("https://example.com/old");
    await updateLink(access, link.id, { url: "https://example.com/new" });
    // Another process (this test) made the edit: without Redis, the server's cache lets it show within seconds.
    const location = await eventually(
      () => visit(`/${link.slug}`).then((r) => r.headers.get("location")),
      (l) => l === "https://example.com/new",
    );
    expect(location).toBe("https://example.com/new");
  });

  it("leaves the app's own paths to the app", async () => {
    // (/@handle is a bio page, answered beside the redirect: lib/bio-pages/public-page.int.test.ts.)
    for (const path of ["/api/health", "/_next/static/x.js", "/w/acme/links", "/robots.txt"]) {
      const res = await visit(path);
      expect(await res.text(), path).toBe("Not found"); // redirect-only mode: not handled here
    }
  });
});
