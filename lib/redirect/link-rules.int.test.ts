import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRedirectServer, type RunningServer } from "@/tests/redirect-server";
import { eventually, redirectTestbed } from "@/tests/redirect-testbed";

// A link's rules (click limit, expiry, disabled, password) hold for every client:
// browsers, scripts, bots, preview crawlers and HEAD requests alike.
const bed = await redirectTestbed();
const { port } = bed;
const { db } = await import("@/lib/db/client");
const { createLink } = await import("@/lib/links/create-link");
const { expireLink } = await import("@/tests/factories");

const HUMAN = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
/** Every kind of client the rules must hold for, with how each asks. */
const CLIENTS: { name: string; ua: string; method?: "HEAD" }[] = [
  { name: "a browser", ua: HUMAN },
  { name: "curl", ua: "curl/8.5.0" },
  { name: "no user agent", ua: "" },
  { name: "a search bot", ua: "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)" },
  { name: "a preview crawler", ua: "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)" },
  { name: "Slack's unfurler", ua: "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)" },
  { name: "a HEAD request", ua: HUMAN, method: "HEAD" },
  { name: "a HEAD request from curl", ua: "curl/8.5.0", method: "HEAD" },
];
const OG = { title: "Secret launch", description: "Soon", image: "https://img.example/og.png" };

let server: RunningServer;
let access: Awaited<ReturnType<typeof bed.workspace>>;

beforeAll(async () => {
  server = await startRedirectServer({ TRUSTED_PROXIES: "loopback" }, port);
  access = await bed.workspace("Rules");
});
afterAll(async () => {
  await server.stop();
});

async function visitAs(path: string, client: { ua: string; method?: "HEAD" }, init: RequestInit & { ip?: string } = {}) {
  const headers = new Headers(init.headers);
  headers.set("user-agent", client.ua);
  if (init.ip) headers.set("x-forwarded-for", init.ip);
  const res = await fetch(`${server.url}${path}`, { method: client.method ?? "GET", ...init, headers, redirect: "manual" });
  const body = await res.text();
  return { status: res.status, headers: [...res.headers].map(([k, v]) => `${k}: ${v}`).join("\n"), body, raw: res };
}

/** The destination's secret part appears nowhere in what the client was sent. */
function expectHidden(answer: { status: number; headers: string; body: string }, secret: string, label: string) {
  expect(answer.headers, label).not.toContain(secret);
  expect(answer.body, label).not.toContain(secret);
  expect(answer.status, label).not.toBe(500);
}

const linkRow = (id: string) => db().link.findUniqueOrThrow({ where: { id } });

describe("link rules for every client", () => {
  it("under a click limit, bots and HEAD requests are redirected but spend none of it", async () => {
    const link = await createLink(access, { url: "https://dest.example/limited-open", maxClicks: 2 });
    for (const client of CLIENTS.filter((c) => c.name !== "a browser" && !c.name.includes("preview") && !c.name.includes("Slack"))) {
      const answer = await visitAs(`/${link.slug}`, client);
      expect(answer.status, client.name).toBe(302);
    }
    expect((await linkRow(link.id)).clicks).toBe(0);
    expect((await visitAs(`/${link.slug}`, CLIENTS[0]!)).status).toBe(302);
    expect((await linkRow(link.id)).clicks).toBe(1);
  });

  it.each(CLIENTS.map((c) => [c.name, c] as const))("past its click limit, a link reveals its destination to %s in no header or page", async (_name, client) => {
    const link = await createLink(access, { url: "https://dest.example/limit-spent-secret", maxClicks: 1, og: OG });
    expect((await visitAs(`/${link.slug}`, CLIENTS[0]!)).status).toBe(302);
    const answer = await visitAs(`/${link.slug}`, client);
    expect(answer.status).toBe(410);
    expectHidden(answer, "limit-spent-secret", client.name);
    expect((await linkRow(link.id)).clicks).toBe(1);
  });

  it.each(CLIENTS.map((c) => [c.name, c] as const))("an expired, disabled or password-protected link reveals nothing to %s", async (_name, client) => {
    // Made with a future expiry (a past one is refused), then expired, as time would.
    const expired = await createLink(access, { url: "https://dest.example/expired-secret", expiresAt: "2030-01-01T00:00:00Z", og: OG });
    await expireLink(expired.id);
    const disabled = await createLink(access, { url: "https://dest.example/disabled-secret", disabled: true, og: OG });
    const locked = await createLink(access, { url: "https://dest.example/locked-secret", password: "let me in", og: OG });
    const e = await visitAs(`/${expired.slug}`, client);
    expect(e.status).toBe(410);
    expectHidden(e, "expired-secret", client.name);
    const d = await visitAs(`/${disabled.slug}`, client);
    expect(d.status).toBe(404);
    expectHidden(d, "disabled-secret", client.name);
    const l = await visitAs(`/${locked.slug}`, client);
    expect(l.status).toBe(200);
    expectHidden(l, "locked-secret", client.name);
    if (client.method !== "HEAD") expect(l.body).toContain('<form method="post"');
  });

  it("a preview crawler sees a limited link's preview only while clicks are left, and spends none", async () => {
    const link = await createLink(access, { url: "https://dest.example/preview-limit", maxClicks: 1, og: OG });
    const crawler = CLIENTS.find((c) => c.name === "a preview crawler")!;
    const before = await visitAs(`/${link.slug}`, crawler);
    expect(before.status).toBe(200);
    expect(before.body).toContain("og:title");
    expect((await linkRow(link.id)).clicks).toBe(0);
    expect((await visitAs(`/${link.slug}`, CLIENTS[0]!)).status).toBe(302);
    const after = await visitAs(`/${link.slug}`, crawler);
    expect(after.status).toBe(410);
    expectHidden(after, "preview-limit", "crawler after the limit");
  });
});

describe("password guesses", () => {
  const form = { "content-type": "application/x-www-form-urlencoded" };
  const guess = (slug: string, ip: string, password = "wrong") =>
    visitAs(`/${slug}`, { ua: HUMAN }, { method: "POST", ip, body: new URLSearchParams({ password }).toString(), headers: form });

  it("answers 429 with Retry-After once a visitor spends their guesses, even for the right password", async () => {
    const link = await createLink(access, { url: "https://dest.example/guarded-secret", password: "right one" });
    for (let i = 0; i < 10; i++) expect((await guess(link.slug, "203.0.113.50")).status).toBe(401);
    const limited = await guess(link.slug, "203.0.113.50");
    expect(limited.status).toBe(429);
    expect(Number(limited.raw.headers.get("retry-after"))).toBeGreaterThan(60);
    expect(limited.body).toContain("Too many password attempts");
    const right = await guess(link.slug, "203.0.113.50", "right one");
    expect(right.status).toBe(429);
    expectHidden(right, "guarded-secret", "right password over the limit");
  }, 90_000);

  it("does not let one visitor lock others out of a link", async () => {
    const link = await createLink(access, { url: "https://dest.example/shared", password: "right one" });
    for (let i = 0; i < 11; i++) await guess(link.slug, "198.51.100.66");
    expect((await guess(link.slug, "198.51.100.66")).status).toBe(429);
    const other = await guess(link.slug, "198.51.100.67", "right one");
    expect(other.status).toBe(303);
    expect(other.raw.headers.get("location")).toBe("https://dest.example/shared");
  }, 90_000);
});

describe("redirect types and what a click stores", () => {
  it.each([307, 308] as const)("answers %i with the destination, keeping the method for the browser", async (status) => {
    const link = await createLink(access, { url: `https://dest.example/t${status}`, redirectType: status });
    const answer = await visitAs(`/${link.slug}`, CLIENTS[0]!);
    expect(answer.status).toBe(status);
    expect(answer.raw.headers.get("location")).toBe(`https://dest.example/t${status}`);
    expect(answer.raw.headers.get("cache-control")).toBe(status === 308 ? "public, max-age=86400" : "private, no-store, max-age=0");
  });

  it("stores the visit's own UTM values and its referrer with the click", async () => {
    const link = await createLink(access, { url: "https://dest.example/utm", utm: { source: "link-own" } });
    const answer = await visitAs(`/${link.slug}?utm_source=newsletter&utm_medium=email&utm_campaign=spring&utm_term=shoes&utm_content=hero`, CLIENTS[0]!, {
      headers: { referer: "https://news.example/issue/12?x=1" },
    });
    expect(answer.status).toBe(302);
    const [click] = await eventually(() => db().click.findMany({ where: { linkId: link.id } }), (c) => c.length === 1);
    expect(click).toMatchObject({
      utmSource: "newsletter", utmMedium: "email", utmCampaign: "spring", utmTerm: "shoes", utmContent: "hero",
      referrer: "https://news.example/issue/12?x=1", referrerHost: "news.example", bot: false,
    });
  });
});
