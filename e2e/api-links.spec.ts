import { expect, test, type APIRequestContext, type APIResponse, type Page } from "@playwright/test";
import { createApiKey, signedUpPage } from "./helpers";

// The REST API over real HTTP: keys made in Settings → API keys, requests with
// Playwright's `request` (no browser cookies, so only the key authenticates).

const auth = (key: string) => ({ Authorization: `Bearer ${key}` });
const FUTURE = "2030-01-01T00:00:00Z";

async function errorOf(res: APIResponse, status: number) {
  expect(res.status(), await res.text()).toBe(status);
  return (await res.json()).error as { code: string; message: string; details?: { fields?: Record<string, string> } };
}

async function create(request: APIRequestContext, key: string, body: unknown) {
  const res = await request.post("/api/v1/links", { headers: auth(key), data: body });
  expect(res.status(), await res.text()).toBe(201);
  return res.json();
}

test.describe.serial("REST API v1: links and tags", () => {
  let baseURL: string;
  let owner: Page;
  let slug: string;
  let memberKey: string;
  let viewerKey: string;
  let strangerKey: string;
  const contexts: { close(): Promise<void> }[] = [];

  test.beforeAll(async ({ browser }, info) => {
    baseURL = info.project.use.baseURL!;
    const first = await signedUpPage(browser, baseURL, "Ana");
    contexts.push(first.context);
    owner = first.page;
    slug = first.slug;
    memberKey = await createApiKey(owner, slug, "CRM sync", "member");
    viewerKey = await createApiKey(owner, slug, "Dashboard reader", "viewer");
    const second = await signedUpPage(browser, baseURL, "Sam");
    contexts.push(second.context);
    strangerKey = await createApiKey(second.page, second.slug, "Sam's script", "member");
  });

  test.afterAll(async () => {
    for (const c of contexts) await c.close();
  });

  test("creates a link with every field (201), without ever returning the password; a taken slug is 409", async ({ request }) => {
    const host = new URL(baseURL).host;
    const body = {
      url: "https://shop.example/spring?ref=api",
      slug: "spring-api",
      domain: host,
      title: "Spring sale",
      description: "Everything 20% off",
      tags: ["launch", "email"],
      campaignId: null,
      utm: { source: "newsletter", medium: "email", campaign: "spring", term: "shoes", content: "hero" },
      expiresAt: FUTURE,
      expiredUrl: "https://shop.example/over",
      maxClicks: 500,
      password: "open sesame",
      disabled: false,
      archived: false,
      redirectType: 301,
      forwardQuery: false,
      ios: "https://apps.apple.com/app/id1",
      android: "https://play.google.com/store/apps/details?id=x",
      geo: { de: "https://shop.example/de" },
      og: { title: "Spring!", description: "Big sale", image: "https://shop.example/og.png" },
      notes: "Made by the API test",
    };
    const link = await create(request, memberKey, body);
    expect(link).toMatchObject({
      slug: "spring-api",
      domain: host,
      shortUrl: `${baseURL}/spring-api`,
      url: "https://shop.example/spring?ref=api",
      finalUrl: "https://shop.example/spring?ref=api&utm_source=newsletter&utm_medium=email&utm_campaign=spring&utm_term=shoes&utm_content=hero",
      title: "Spring sale",
      description: "Everything 20% off",
      tags: ["email", "launch"],
      campaignId: null,
      utm: body.utm,
      expiresAt: "2030-01-01T00:00:00.000Z",
      expiredUrl: "https://shop.example/over",
      maxClicks: 500,
      hasPassword: true,
      disabled: false,
      archived: false,
      redirectType: 301,
      forwardQuery: false,
      ios: body.ios,
      android: body.android,
      geo: { DE: "https://shop.example/de" },
      og: body.og,
      notes: "Made by the API test",
      clicks: 0,
    });
    expect(link.id).toEqual(expect.any(String));
    expect(JSON.stringify(link)).not.toContain("open sesame");
    expect(link).not.toHaveProperty("password");
    expect(link).not.toHaveProperty("passwordHash");

    const again = await request.get(`/api/v1/links/${link.id}`, { headers: auth(memberKey) });
    expect(await again.json()).toEqual(link);

    const dup = await errorOf(await request.post("/api/v1/links", { headers: auth(memberKey), data: { url: "https://other.example", slug: "SPRING-API" } }), 409);
    expect(dup.code).toBe("conflict");
    expect(dup.message).toContain("spring-api");
  });

  test("refuses a javascript: URL with 422 and a message for the field, and a body that is not JSON with 400", async ({ request }) => {
    const bad = await errorOf(await request.post("/api/v1/links", { headers: auth(memberKey), data: { url: "javascript:alert(1)", maxClicks: -1 } }), 422);
    expect(bad.code).toBe("validation_failed");
    expect(bad.details?.fields?.url).toMatch(/Only web addresses/);
    expect(bad.details?.fields?.maxClicks).toMatch(/above 0/);

    const notJson = await errorOf(await request.post("/api/v1/links", { headers: { ...auth(memberKey), "Content-Type": "application/json" }, data: Buffer.from("{not json") }), 400);
    expect(notJson.code).toBe("bad_request");

    const list = await (await request.get("/api/v1/links?search=alert", { headers: auth(memberKey) })).json();
    expect(list.data).toEqual([]);
  });

  test("refuses a misspelt field instead of dropping it, naming the field meant, and creates nothing", async ({ request }) => {
    const body = { url: "https://example.com/typo-check", slug: "typo-check", expireAt: FUTURE };
    const typo = await errorOf(await request.post("/api/v1/links", { headers: auth(memberKey), data: body }), 422);
    expect(typo).toMatchObject({ code: "validation_failed", message: 'Unknown field "expireAt". Did you mean "expiresAt"?' });
    expect(typo.details?.fields).toEqual({ expireAt: 'Unknown field. Did you mean "expiresAt"?' });
    const list = await (await request.get("/api/v1/links?search=typo-check", { headers: auth(memberKey) })).json();
    expect(list.data).toEqual([]);

    const links = [{ url: "https://example.com/typo-a" }, { url: "https://example.com/typo-b", utm: { sorce: "news" } }];
    const nested = await errorOf(await request.post("/api/v1/links/bulk", { headers: auth(memberKey), data: { links } }), 422);
    expect(nested.message).toBe('Unknown field "links.1.utm.sorce". Did you mean "source"?');
    const after = await (await request.get("/api/v1/links?search=typo-", { headers: auth(memberKey) })).json();
    expect(after.data).toEqual([]);
  });

  test("answers 401 without a key and with a wrong one", async ({ request }) => {
    const none = await errorOf(await request.get("/api/v1/links"), 401);
    expect(none.code).toBe("unauthorized");
    const wrong = await errorOf(await request.post("/api/v1/links", { headers: auth("pnt_not-a-real-key"), data: { url: "https://example.com" } }), 401);
    expect(wrong.code).toBe("unauthorized");
    expect((await errorOf(await request.get("/api/v1/tags", { headers: { Authorization: "Basic abc" } }), 401)).code).toBe("unauthorized");
  });

  test("another workspace's link answers 404 exactly like a missing one, for read, change and delete", async ({ request }) => {
    const link = await create(request, memberKey, { url: "https://example.com/private" });
    const theirs = await request.get(`/api/v1/links/${link.id}`, { headers: auth(strangerKey) });
    const missing = await request.get("/api/v1/links/doesnotexist000000000000", { headers: auth(memberKey) });
    expect(theirs.status()).toBe(404);
    expect(await theirs.json()).toEqual(await missing.json());
    await errorOf(await request.patch(`/api/v1/links/${link.id}`, { headers: auth(strangerKey), data: { url: "https://evil.example" } }), 404);
    await errorOf(await request.delete(`/api/v1/links/${link.id}`, { headers: auth(strangerKey) }), 404);
    const theirList = await (await request.get("/api/v1/links", { headers: auth(strangerKey) })).json();
    expect(theirList.data).toEqual([]);
    const still = await (await request.get(`/api/v1/links/${link.id}`, { headers: auth(memberKey) })).json();
    expect(still.url).toBe("https://example.com/private");
  });

  test("a viewer key reads but may not write (403)", async ({ request }) => {
    const denied = await errorOf(await request.post("/api/v1/links", { headers: auth(viewerKey), data: { url: "https://example.com/viewer" } }), 403);
    expect(denied.code).toBe("forbidden");
    await errorOf(await request.post("/api/v1/tags", { headers: auth(viewerKey), data: { name: "nope" } }), 403);
    const list = await request.get("/api/v1/links", { headers: auth(viewerKey) });
    expect(list.status()).toBe(200);
    expect((await list.json()).data.length).toBeGreaterThan(0);
  });

  test("lists links page by page with a cursor, filtered by tag", async ({ request }) => {
    const res = await request.post("/api/v1/links/bulk", {
      headers: auth(memberKey),
      data: { links: Array.from({ length: 5 }, (_, i) => ({ url: `https://example.com/page/${i}`, tags: ["paging"] })) },
    });
    expect(res.status()).toBe(200);
    const seen: string[] = [];
    let cursor: string | null = null;
    const sizes: number[] = [];
    do {
      const q: string = `/api/v1/links?tag=paging&limit=2${cursor ? `&cursor=${cursor}` : ""}`;
      const page = await (await request.get(q, { headers: auth(memberKey) })).json();
      sizes.push(page.data.length);
      seen.push(...page.data.map((l: { id: string }) => l.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(sizes).toEqual([2, 2, 1]);
    expect(new Set(seen).size).toBe(5);
    const urls = (await (await request.get("/api/v1/links?tag=paging&limit=100", { headers: auth(memberKey) })).json()).data.map((l: { url: string }) => l.url);
    expect(urls).toEqual([4, 3, 2, 1, 0].map((i) => `https://example.com/page/${i}`));
    await errorOf(await request.get("/api/v1/links?status=gone", { headers: auth(memberKey) }), 422);
  });

  test("changes a link with PATCH, deletes it with 204, then it is 404", async ({ request }) => {
    const link = await create(request, memberKey, { url: "https://example.com/old", tags: ["a"], password: "secret1" });
    const patched = await request.patch(`/api/v1/links/${link.id}`, { headers: auth(memberKey), data: { url: "https://example.com/new", tags: ["b"], password: null, title: "New" } });
    expect(patched.status()).toBe(200);
    expect(await patched.json()).toMatchObject({ id: link.id, slug: link.slug, url: "https://example.com/new", tags: ["b"], hasPassword: false, title: "New" });
    await errorOf(await request.patch(`/api/v1/links/${link.id}`, { headers: auth(memberKey), data: { slug: "spring-api" } }), 409);

    const del = await request.delete(`/api/v1/links/${link.id}`, { headers: auth(memberKey) });
    expect(del.status()).toBe(204);
    expect(await del.text()).toBe("");
    expect((await errorOf(await request.get(`/api/v1/links/${link.id}`, { headers: auth(memberKey) }), 404)).code).toBe("not_found");
    await errorOf(await request.delete(`/api/v1/links/${link.id}`, { headers: auth(memberKey) }), 404);
  });

  test("bulk: creates the good items and reports the bad ones (207), then updates and deletes many", async ({ request }) => {
    const res = await request.post("/api/v1/links/bulk", {
      headers: auth(memberKey),
      data: { links: [{ url: "https://example.com/bulk-1" }, { url: "javascript:alert(1)" }, { url: "https://example.com/dup", slug: "spring-api" }, { url: "https://example.com/bulk-2", tags: ["bulk"] }] },
    });
    expect(res.status()).toBe(207);
    const { results } = await res.json();
    expect(results.map((r: { index: number; ok: boolean }) => [r.index, r.ok])).toEqual([
      [0, true],
      [1, false],
      [2, false],
      [3, true],
    ]);
    expect(results[1].error).toMatchObject({ code: "validation_failed", details: { fields: { url: expect.stringMatching(/Only web addresses/) } } });
    expect(results[2].error.code).toBe("conflict");
    const ids = [results[0].link.id, results[3].link.id];

    const tooMany = await errorOf(await request.post("/api/v1/links/bulk", { headers: auth(memberKey), data: { links: Array.from({ length: 101 }, () => ({ url: "https://example.com" })) } }), 422);
    expect(tooMany.message).toMatch(/at most 100/);

    const foreign = await create(request, strangerKey, { url: "https://example.com/theirs" });
    const updated = await request.patch("/api/v1/links/bulk", { headers: auth(memberKey), data: { ids: [...ids, foreign.id], addTags: ["bulk-done"], archived: true } });
    expect(await updated.json()).toEqual({ updated: 2 });
    const one = await (await request.get(`/api/v1/links/${ids[0]}`, { headers: auth(memberKey) })).json();
    expect(one).toMatchObject({ archived: true, tags: ["bulk-done"] });
    const archived = await (await request.get("/api/v1/links?status=archived", { headers: auth(memberKey) })).json();
    expect(archived.data.map((l: { id: string }) => l.id).sort()).toEqual([...ids].sort());

    const deleted = await request.delete("/api/v1/links/bulk", { headers: auth(memberKey), data: { ids: [...ids, foreign.id] } });
    expect(await deleted.json()).toEqual({ deleted: 2 });
    await errorOf(await request.get(`/api/v1/links/${ids[1]}`, { headers: auth(memberKey) }), 404);
    expect((await request.get(`/api/v1/links/${foreign.id}`, { headers: auth(strangerKey) })).status()).toBe(200);
  });

  test("tags: create, 409 on a taken name, list, rename and recolour, delete", async ({ request }) => {
    const res = await request.post("/api/v1/tags", { headers: auth(memberKey), data: { name: "Summer", color: "orange" } });
    expect(res.status()).toBe(201);
    const tag = await res.json();
    expect(tag).toMatchObject({ name: "Summer", color: "orange", links: 0 });
    expect((await errorOf(await request.post("/api/v1/tags", { headers: auth(memberKey), data: { name: "Summer" } }), 409)).code).toBe("conflict");
    expect((await errorOf(await request.post("/api/v1/tags", { headers: auth(memberKey), data: { name: "x", color: "plaid" } }), 422)).details?.fields?.color).toBeTruthy();

    await create(request, memberKey, { url: "https://example.com/summer", tags: ["Summer"] });
    const list = await (await request.get("/api/v1/tags", { headers: auth(memberKey) })).json();
    expect(list.data.find((t: { id: string }) => t.id === tag.id)).toMatchObject({ name: "Summer", links: 1 });

    const renamed = await request.patch(`/api/v1/tags/${tag.id}`, { headers: auth(memberKey), data: { name: "Summer 26", color: "teal" } });
    expect(await renamed.json()).toMatchObject({ id: tag.id, name: "Summer 26", color: "teal", links: 1 });
    const tagged = await (await request.get("/api/v1/links?tag=Summer%2026", { headers: auth(memberKey) })).json();
    expect(tagged.data.map((l: { url: string }) => l.url)).toEqual(["https://example.com/summer"]);

    await errorOf(await request.patch(`/api/v1/tags/${tag.id}`, { headers: auth(strangerKey), data: { name: "mine" } }), 404);
    await errorOf(await request.delete(`/api/v1/tags/${tag.id}`, { headers: auth(strangerKey) }), 404);
    expect((await request.delete(`/api/v1/tags/${tag.id}`, { headers: auth(memberKey) })).status()).toBe(204);
    await errorOf(await request.patch(`/api/v1/tags/${tag.id}`, { headers: auth(memberKey), data: { color: "red" } }), 404);
    const after = await (await request.get("/api/v1/tags", { headers: auth(memberKey) })).json();
    expect(after.data.map((t: { name: string }) => t.name)).not.toContain("Summer 26");
  });

  test("every API-key answer carries the rate-limit headers, errors included", async ({ request }) => {
    const first = await request.get("/api/v1/tags", { headers: auth(viewerKey) });
    const second = await request.post("/api/v1/links", { headers: auth(viewerKey), data: { url: "https://example.com" } });
    expect(second.status()).toBe(403);
    for (const res of [first, second]) {
      const h = res.headers();
      expect(Number(h["x-ratelimit-limit"])).toBe(600);
      expect(Number(h["x-ratelimit-reset"])).toBeGreaterThan(Date.now() / 1000 - 1);
    }
    expect(Number(second.headers()["x-ratelimit-remaining"])).toBe(Number(first.headers()["x-ratelimit-remaining"]) - 1);
    expect((await request.get("/api/v1/tags")).headers()["x-ratelimit-limit"]).toBeUndefined();
  });

  test("the OpenAPI document is public JSON (3.1) with every endpoint, and the reference page is linked from API keys", async ({ request, browser }) => {
    const res = await request.get("/api/v1/openapi.json");
    expect(res.status()).toBe(200);
    const doc = await res.json();
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    for (const path of ["/links", "/links/{id}", "/links/bulk", "/tags", "/tags/{id}", "/workspaces", "/workspaces/{slug}"]) expect(Object.keys(doc.paths)).toContain(path);
    expect(Object.keys(doc.paths["/links/bulk"]).sort()).toEqual(["delete", "patch", "post"]);
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    expect(doc.components.schemas.LinkInput.required).toEqual(["url"]);
    expect(doc.components.schemas.Link.properties).not.toHaveProperty("password");
    expect(doc.paths["/links"].post.responses["422"].content["application/json"].schema.$ref).toBe("#/components/schemas/Error");

    await owner.goto(`/w/${slug}/settings/api-keys`);
    await owner.getByRole("link", { name: "API reference" }).click();
    await expect(owner).toHaveURL(/\/docs\/api$/);
    await expect(owner.getByRole("heading", { name: "API reference", level: 1 })).toBeVisible();

    // Public: a visitor without an account reads it too.
    const guest = await browser.newContext({ baseURL });
    const page = await guest.newPage();
    await page.goto("/docs/api");
    const create = page.getByTestId("api-operation").filter({ hasText: "Create a short link" });
    await expect(create).toContainText("/api/v1/links");
    await expect(create).toContainText("required");
    await expect(create).toContainText("409");
    await expect(create.locator("pre")).toContainText('curl -X POST "' + baseURL + '/api/v1/links"');
    await expect(page.getByRole("heading", { name: "Tags", level: 2 })).toBeVisible();
    await guest.close();
  });

  test("campaigns and channels answer with the statuses and shapes the OpenAPI document gives", async ({ request }) => {
    const doc = await (await request.get("/api/v1/openapi.json")).json();
    for (const p of ["/campaigns", "/campaigns/{id}", "/campaigns/{id}/links", "/channels", "/channels/{id}"]) expect(Object.keys(doc.paths)).toContain(p);
    const fields = (name: string) => Object.keys(doc.components.schemas[name].properties).sort();
    const example = (path: string, method: string) => doc.paths[path][method].requestBody.content["application/json"].example;
    /** Calls `method path` (`{id}` filled in) and checks the answer's status is one the document lists for it. */
    const call = async (method: "get" | "post" | "patch" | "delete", path: string, key: string, opts: { id?: string; data?: unknown } = {}) => {
      const res = await request.fetch(`/api/v1${path.replace("{id}", opts.id ?? "")}`, { method, headers: auth(key), ...(opts.data === undefined ? {} : { data: opts.data }) });
      expect(Object.keys(doc.paths[path][method].responses), `${method} ${path} answered ${res.status()}`).toContain(String(res.status()));
      return res;
    };
    const ok = async (res: APIResponse, status: number, schema?: string) => {
      expect(res.status(), await res.text()).toBe(status);
      if (status === 204) return null;
      const body = await res.json();
      if (schema) expect(Object.keys(body).sort()).toEqual(fields(schema));
      return body;
    };

    const campaign = await ok(await call("post", "/campaigns", memberKey, { data: example("/campaigns", "post") }), 201, "Campaign");
    expect(campaign).toMatchObject({ name: "Spring Sale", linkCount: 0, utm: { campaign: "spring-sale", source: null } });
    expect((await errorOf(await call("post", "/campaigns", memberKey, { data: { name: "Spring Sale" } }), 409)).code).toBe("conflict");
    expect((await errorOf(await call("post", "/campaigns", viewerKey, { data: { name: "Nope" } }), 403)).code).toBe("forbidden");
    const list = await ok(await call("get", "/campaigns", viewerKey), 200, "CampaignList");
    expect(Object.keys(list.data[0]).sort()).toEqual(fields("Campaign"));

    const channels = (await ok(await call("get", "/channels", viewerKey), 200, "ChannelList")).data as { id: string; key: string }[];
    expect(Object.keys(channels[0]!).sort()).toEqual(fields("Channel"));
    const ids = ["facebook", "newsletter"].map((k) => channels.find((c) => c.key === k)!.id);
    const set = await ok(await call("post", "/campaigns/{id}/links", memberKey, { id: campaign.id, data: { url: "https://shop.example/spring", channelIds: ids } }), 201, "ChannelLinkSet");
    expect(set.data).toHaveLength(2);
    expect(Object.keys(set.data[0]).sort()).toEqual(fields("Link"));
    expect(set.data[0].finalUrl).toBe("https://shop.example/spring?utm_source=facebook&utm_medium=social&utm_campaign=spring-sale");
    const unknown = await errorOf(await call("post", "/campaigns/{id}/links", memberKey, { id: campaign.id, data: { url: "https://shop.example", channelIds: ["nope"] } }), 422);
    expect(unknown.details?.fields).toHaveProperty("channelIds");

    const detail = await ok(await call("get", "/campaigns/{id}", viewerKey, { id: campaign.id }), 200, "CampaignDetail");
    expect(detail).toMatchObject({ linkCount: 2, links: [expect.objectContaining({ campaignId: campaign.id }), expect.anything()] });
    const renamed = await ok(await call("patch", "/campaigns/{id}", memberKey, { id: campaign.id, data: example("/campaigns/{id}", "patch") }), 200, "Campaign");
    expect(renamed).toMatchObject({ name: "Spring Sale 2026", endsAt: null, linkCount: 2 });

    // Channels are for admins and owners.
    expect((await errorOf(await call("post", "/channels", memberKey, { data: example("/channels", "post") }), 403)).code).toBe("forbidden");
    const adminKey = await createApiKey(owner, slug, "Channel admin", "admin");
    const channel = await ok(await call("post", "/channels", adminKey, { data: example("/channels", "post") }), 201, "Channel");
    expect(channel).toMatchObject({ key: "mastodon", kind: "social_network" });
    expect((await errorOf(await call("post", "/channels", adminKey, { data: example("/channels", "post") }), 409)).code).toBe("conflict");
    const rekey = await errorOf(await call("patch", "/channels/{id}", adminKey, { id: channel.id, data: { ...example("/channels/{id}", "patch"), key: "other" } }), 422);
    expect(rekey.message).toBe("A channel's key is fixed once it is created: make a new channel for a new key.");
    expect(await ok(await call("patch", "/channels/{id}", adminKey, { id: channel.id, data: example("/channels/{id}", "patch") }), 200, "Channel")).toMatchObject({ key: "mastodon" });
    // The stranger's member key may not manage channels at all; another workspace's campaign is not found.
    expect((await errorOf(await call("delete", "/channels/{id}", strangerKey, { id: channel.id }), 403)).code).toBe("forbidden");
    for (const method of ["get", "patch", "delete"] as const) {
      const res = await call(method, "/campaigns/{id}", strangerKey, { id: campaign.id, data: method === "patch" ? { name: "Hijacked" } : undefined });
      expect((await errorOf(res, 404)).code).toBe("not_found");
    }
    expect(await ok(await call("delete", "/channels/{id}", adminKey, { id: channel.id }), 204)).toBeNull();
    expect(await ok(await call("delete", "/campaigns/{id}", memberKey, { id: campaign.id }), 204)).toBeNull();
    expect((await errorOf(await call("get", "/campaigns/{id}", memberKey, { id: campaign.id }), 404)).code).toBe("not_found");
    // The campaign's links stay, in no campaign.
    const link = await request.get(`/api/v1/links/${set.data[0].id}`, { headers: auth(memberKey) });
    expect((await link.json()).campaignId).toBeNull();
  });
});
