import fc from "fast-check";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { db } from "@/lib/db/client";
import { ERROR_CODES } from "@/lib/errors";
import { createLink } from "@/lib/links/create-link";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { accessFor, makeUser } from "@/tests/factories";
import * as campaignLinks from "@/app/api/v1/campaigns/[id]/links/route";
import * as campaign from "@/app/api/v1/campaigns/[id]/route";
import * as campaigns from "@/app/api/v1/campaigns/route";
import * as channel from "@/app/api/v1/channels/[id]/route";
import * as channels from "@/app/api/v1/channels/route";
import * as qrLogo from "@/app/api/v1/links/[id]/qr/logo/route";
import * as link from "@/app/api/v1/links/[id]/route";
import * as bulk from "@/app/api/v1/links/bulk/route";
import * as links from "@/app/api/v1/links/route";
import * as tag from "@/app/api/v1/tags/[id]/route";
import * as tags from "@/app/api/v1/tags/route";
import * as workspace from "@/app/api/v1/workspaces/[slug]/route";

// Property-based: arbitrary JSON thrown at every JSON endpoint of the API.
// Whatever arrives, the answer is never a 5xx, a refusal always has the
// documented shape, and a refusal writes nothing.
type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
interface Endpoint {
  name: string;
  method: "POST" | "PATCH" | "DELETE";
  path: string;
  handler: Handler;
  params: Record<string, string>;
  /** A body that works, whose fields the arbitraries replace with wrong or strange values. */
  sample: Record<string, unknown>;
}

const RUNS = Number(process.env.PROPERTY_RUNS ?? 25);
let key: string;
let wsId: string;
let endpoints: Endpoint[];

beforeAll(async () => {
  const user = await makeUser("props");
  const ws = await createWorkspace(user.id, { name: "Properties" });
  wsId = ws.id;
  key = (await createApiKey(ws.id, user.id, { name: "fuzz", role: "admin" })).key;
  const l = await createLink(await accessFor(user, ws.slug, "links.write"), { url: "https://example.com/fuzz" });
  const c = await db().campaign.create({ data: { workspaceId: ws.id, name: "Fuzz campaign" } });
  const ch = await db().channel.create({ data: { workspaceId: ws.id, key: "fuzz", name: "Fuzz", kind: "other", utmSource: "fuzz", utmMedium: "social" } });
  const t = await db().tag.create({ data: { workspaceId: ws.id, name: "fuzz" } });
  const h = (m: Record<string, unknown>, method: string) => m[method] as Handler;
  endpoints = [
    { name: "create link", method: "POST", path: "/api/v1/links", handler: h(links, "POST"), params: {}, sample: { url: "https://example.com/a", title: "T", tags: ["x"], utm: { source: "s" }, geo: { DE: "https://example.de" }, og: { title: "o" }, maxClicks: 3 } },
    { name: "update link", method: "PATCH", path: `/api/v1/links/${l.id}`, handler: h(link, "PATCH"), params: { id: l.id }, sample: { title: "New", notes: "n", redirectType: 301 } },
    { name: "bulk create", method: "POST", path: "/api/v1/links/bulk", handler: h(bulk, "POST"), params: {}, sample: { links: [{ url: "https://example.com/b" }, { url: "https://example.com/c", title: "c" }] } },
    { name: "bulk update", method: "PATCH", path: "/api/v1/links/bulk", handler: h(bulk, "PATCH"), params: {}, sample: { ids: [l.id], addTags: ["y"], disabled: false } },
    { name: "bulk delete", method: "DELETE", path: "/api/v1/links/bulk", handler: h(bulk, "DELETE"), params: {}, sample: { ids: ["no-such-link"] } },
    { name: "create campaign", method: "POST", path: "/api/v1/campaigns", handler: h(campaigns, "POST"), params: {}, sample: { name: "C", description: "d", utm: { campaign: "c" } } },
    { name: "update campaign", method: "PATCH", path: `/api/v1/campaigns/${c.id}`, handler: h(campaign, "PATCH"), params: { id: c.id }, sample: { name: "C2" } },
    { name: "channel link set", method: "POST", path: `/api/v1/campaigns/${c.id}/links`, handler: h(campaignLinks, "POST"), params: { id: c.id }, sample: { url: "https://example.com/set", channelIds: [ch.id] } },
    { name: "create channel", method: "POST", path: "/api/v1/channels", handler: h(channels, "POST"), params: {}, sample: { name: "N", kind: "email", utmSource: "news", utmMedium: "email" } },
    { name: "update channel", method: "PATCH", path: `/api/v1/channels/${ch.id}`, handler: h(channel, "PATCH"), params: { id: ch.id }, sample: { name: "N2" } },
    { name: "create tag", method: "POST", path: "/api/v1/tags", handler: h(tags, "POST"), params: {}, sample: { name: "t", color: "red" } },
    { name: "update tag", method: "PATCH", path: `/api/v1/tags/${t.id}`, handler: h(tag, "PATCH"), params: { id: t.id }, sample: { name: "t2" } },
    { name: "rename workspace", method: "PATCH", path: `/api/v1/workspaces/${ws.slug}`, handler: h(workspace, "PATCH"), params: { slug: ws.slug }, sample: { name: "Properties" } },
  ];
});

// Text from every Unicode category, plus what broke things before: NUL, lone surrogates, huge strings.
const nastyString = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom("\u0000", "a\u0000b", "\uD800", "x\uDFFFy", "\u202E", "\uFEFF", "__proto__", "constructor", "null", "", " ", "Cafe\u0301", "https://user:pass@example.com/", "javascript:alert(1)"),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => `a${String.fromCharCode(c)}`),
  fc.constant("x".repeat(300_000)),
);
const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  nastyString,
  fc.constantFrom(null, true, false, 0, -1, 1e308, -0, 3.5, 2 ** 53, [], {}),
  fc.jsonValue({ maxDepth: 3 }),
  fc.array(nastyString, { maxLength: 5 }),
  fc.integer({ min: 1, max: 200 }).map((depth) => JSON.parse("[".repeat(depth) + "]".repeat(depth)) as unknown),
);
const nastyKey = fc.oneof(nastyString.filter((s) => s.length < 100), fc.constantFrom("__proto__", "constructor", "prototype", "toString", "hasOwnProperty"));

/** A body as JSON text, built by hand so keys like __proto__ reach the server as written. */
function toJson(entries: [string, unknown][]): string {
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(",")}}`;
}

/** The sample with some fields given wrong or strange values, some left out, and odd keys added. */
const bodyFor = (sample: Record<string, unknown>) =>
  fc
    .record({
      replace: fc.array(fc.tuple(fc.constantFrom(...Object.keys(sample)), nastyValue), { maxLength: 3 }),
      drop: fc.array(fc.constantFrom(...Object.keys(sample)), { maxLength: 2 }),
      extra: fc.array(fc.tuple(nastyKey, nastyValue), { maxLength: 2 }),
    })
    .map(({ replace, drop, extra }) => {
      const entries = new Map(Object.entries(sample));
      for (const k of drop) entries.delete(k);
      for (const [k, v] of replace) entries.set(k, v);
      return toJson([...entries, ...extra]);
    });

/** Anything at all as the body: not JSON, JSON of the wrong shape, or the wrong content type. */
const rawBody = fc.record({
  body: fc.oneof(fc.string({ unit: "binary", maxLength: 200 }), fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)), fc.constant("{"), fc.constant("\u0000")),
  type: fc.constantFrom("application/json", "text/plain", "application/x-www-form-urlencoded", "", "application/json; charset=utf-8", "multipart/form-data; boundary=x"),
});

const rowCounts = async () => {
  const [l, t, c, ch, lt] = await Promise.all([
    db().link.count({ where: { workspaceId: wsId } }),
    db().tag.count({ where: { workspaceId: wsId } }),
    db().campaign.count({ where: { workspaceId: wsId } }),
    db().channel.count({ where: { workspaceId: wsId } }),
    db().linkTag.count({ where: { link: { workspaceId: wsId } } }),
  ]);
  return { links: l, tags: t, campaigns: c, channels: ch, linkTags: lt };
};

async function call(e: Endpoint, body: string, type = "application/json") {
  const headers: Record<string, string> = { authorization: `Bearer ${key}` };
  if (type) headers["content-type"] = type;
  const req = new NextRequest(`http://localhost:3000${e.path}`, { method: e.method, headers, body });
  const res = await e.handler(req, { params: Promise.resolve(e.params) });
  const text = await res.text();
  return { status: res.status, text };
}

/** Never a 5xx; a refusal is `{ error: { code, message } }` and wrote nothing. */
async function expectSafe(e: Endpoint, body: string, type?: string) {
  const before = await rowCounts();
  const { status, text } = await call(e, body, type);
  const label = `${e.name}: ${body.slice(0, 200)} (${type ?? "application/json"}) -> ${status} ${text.slice(0, 300)}`;
  expect(status, label).toBeLessThan(500);
  if (status >= 400) {
    const parsed = JSON.parse(text) as { error?: { code?: string; message?: string } };
    expect(ERROR_CODES, label).toContain(parsed.error?.code);
    expect(parsed.error?.message, label).toMatch(/\S/);
    expect(await rowCounts(), label).toEqual(before);
  }
}

describe("every JSON endpoint, given arbitrary input", () => {
  it("answers a field-aware fuzzed body without a 5xx, in the error shape, writing nothing when it refuses", async () => {
    for (const e of endpoints) {
      await fc.assert(fc.asyncProperty(bodyFor(e.sample), (body) => expectSafe(e, body)), { numRuns: RUNS });
    }
  }, 600_000);

  it("answers any body with any content type without a 5xx", async () => {
    for (const e of endpoints) {
      await fc.assert(fc.asyncProperty(rawBody, ({ body, type }) => expectSafe(e, body, type)), { numRuns: Math.ceil(RUNS / 2) });
    }
  }, 600_000);

  it("refuses the examples that gave 500 before, with the reason", async () => {
    const create = endpoints.find((e) => e.name === "create link")!;
    const cases: [string, string | undefined, number, RegExp][] = [
      ['{"url":"https://example.com","__proto__":{"x":1}}', undefined, 422, /__proto__/],
      [JSON.stringify({ url: "https://example.com", title: "a\uD800" }), undefined, 422, /lone UTF-16 surrogate/],
      [JSON.stringify({ url: "https://example.com", title: "a\u0000b" }), undefined, 422, /control characters/],
      [JSON.stringify({ url: "https://example.com", tags: ["x\u0000"] }), undefined, 422, /control characters/],
      [JSON.stringify({ url: "https://example.com" }), "text/plain", 415, /application\/json/],
      [JSON.stringify({ url: "https://example.com" }), "", 415, /application\/json/],
      ["[".repeat(5000) + "]".repeat(5000), undefined, 422, /Nest at most/],
    ];
    for (const [body, type, status, message] of cases) {
      const before = await rowCounts();
      const res = await call(create, body, type);
      expect(res.status, body.slice(0, 80)).toBe(status);
      expect(res.text).toMatch(message);
      expect(await rowCounts()).toEqual(before);
    }
    // NUL in the names of campaigns and tags, and in a path segment.
    for (const name of ["create campaign", "create tag", "create channel"] as const) {
      const e = endpoints.find((x) => x.name === name)!;
      expect((await call(e, JSON.stringify({ ...e.sample, name: "bad\u0000name" }))).status, name).toBe(422);
    }
    const update = endpoints.find((e) => e.name === "update link")!;
    expect((await call({ ...update, params: { id: "x\u0000y" } }, "{}")).status).toBe(404);
  });
});

describe("request bodies are capped before they are buffered", () => {
  /** A chunked body (no Content-Length) of `total` bytes, counting how much the server pulled. */
  function chunked(total: number, chunk = 64 * 1024) {
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= total) return controller.close();
        const n = Math.min(chunk, total - sent);
        sent += n;
        controller.enqueue(new Uint8Array(n).fill(0x20));
      },
    });
    return { stream, sent: () => sent };
  }

  it("answers 413 with the limit for a JSON body over 1 MB, chunked or declared, and stops reading", async () => {
    const create = endpoints.find((e) => e.name === "create link")!;
    const body = chunked(50 * 1024 * 1024);
    const req = new NextRequest("http://localhost:3000/api/v1/links", { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: body.stream, duplex: "half" } as ConstructorParameters<typeof NextRequest>[1]);
    const res = await create.handler(req, { params: Promise.resolve({}) });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/limit of 1 MB/);
    expect(body.sent()).toBeLessThan(2 * 1024 * 1024);

    const declared = new NextRequest("http://localhost:3000/api/v1/links", { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json", "content-length": String(5 * 1024 * 1024) }, body: "{}" });
    expect((await create.handler(declared, { params: Promise.resolve({}) })).status).toBe(413);
  });

  it("stops reading a chunked upload to the QR logo route at the logo limit plus overhead (413)", async () => {
    const l = await db().link.findFirstOrThrow({ where: { workspaceId: wsId } });
    const body = chunked(300 * 1024 * 1024);
    const req = new NextRequest(`http://localhost:3000/api/v1/links/${l.id}/qr/logo`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "multipart/form-data; boundary=----x" },
      body: body.stream,
      duplex: "half",
    } as ConstructorParameters<typeof NextRequest>[1]);
    const res = await (qrLogo.POST as unknown as Handler)(req, { params: Promise.resolve({ id: l.id }) });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/limit of 2\.1 MB/);
    expect(body.sent()).toBeLessThan(3 * 1024 * 1024);
  });
});
