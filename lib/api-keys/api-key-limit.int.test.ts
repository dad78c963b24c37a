import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";

// A small budget, read when the limiter first asks (env() is read lazily, once per file).
vi.hoisted(() => {
  process.env.API_RATE_LIMIT_PER_MINUTE = "3";
});

const { createApiKey } = await import("./create-api-key");
const { addMember } = await import("@/lib/members/add-member");
const { createWorkspace } = await import("@/lib/workspaces/create-workspace");
const { accessFor, makeUser } = await import("@/tests/factories");
const links = await import("@/app/api/v1/links/route");
const members = await import("@/app/api/v1/workspaces/[slug]/members/route");

async function workspaceWithKeys(name: string) {
  const owner = await makeUser(name);
  const ws = await createWorkspace(owner.id, { name: `${name} team` });
  const access = await accessFor(owner, ws.slug, "api_keys.manage");
  const [a, b] = await Promise.all([createApiKey(access, { name: "A", role: "viewer" }), createApiKey(access, { name: "B", role: "viewer" })]);
  return { owner, ws, keyA: a.key, keyB: b.key };
}

const call = (handler: (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>, path: string, key: string, params: Record<string, string> = {}) =>
  handler(new NextRequest(`http://localhost:3000/api/v1${path}`, { headers: { authorization: `Bearer ${key}` } }), { params: Promise.resolve(params) });

describe("an API key over its limit", () => {
  it("answers 429 with Retry-After and the spent budget, while another key of the same workspace goes on", async () => {
    const { keyA, keyB } = await workspaceWithKeys("limited");
    for (const remaining of [2, 1, 0]) {
      const res = await call(links.GET, "/links", keyA);
      expect(res.status).toBe(200);
      expect(res.headers.get("x-ratelimit-limit")).toBe("3");
      expect(res.headers.get("x-ratelimit-remaining")).toBe(String(remaining));
    }
    const over = await call(links.GET, "/links", keyA);
    expect(over.status).toBe(429);
    const retryAfter = Number(over.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(over.headers.get("x-ratelimit-remaining")).toBe("0");
    const body = (await over.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("rate_limited");
    expect(body.error.message).toMatch(/Retry-After/);

    const other = await call(links.GET, "/links", keyB);
    expect(other.status).toBe(200);
    expect(other.headers.get("x-ratelimit-remaining")).toBe("2");
  });
});

describe("GET /api/v1/workspaces/{slug}/members", () => {
  it("lists the workspace's members with their roles, and answers another workspace's slug like a missing one", async () => {
    const { owner, ws, keyA } = await workspaceWithKeys("team");
    const colleague = await makeUser("colleague");
    await addMember({ workspace: ws.slug, email: colleague.email, role: "member" });
    const res = await call(members.GET, `/workspaces/${ws.slug}/members`, keyA, { slug: ws.slug });
    expect(res.status).toBe(200);
    const { data } = (await res.json()) as { data: { id: string; role: string; email: string; name: string | null; joinedAt: string }[] };
    expect(data.map((m) => [m.email, m.role]).sort()).toEqual([[colleague.email, "member"], [owner.email, "owner"]].sort());
    for (const m of data) expect(new Date(m.joinedAt).toISOString()).toBe(m.joinedAt);
    expect(JSON.stringify(data)).not.toMatch(/password|hash/i);

    const stranger = await workspaceWithKeys("stranger");
    const theirs = await call(members.GET, `/workspaces/${stranger.ws.slug}/members`, keyA, { slug: stranger.ws.slug });
    const missing = await call(members.GET, `/workspaces/no-such-workspace/members`, keyA, { slug: "no-such-workspace" });
    expect(theirs.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(await theirs.json()).toEqual(await missing.json());
  });
});
