// Property-based: arbitrary arguments thrown at every server action in app/
// (found by scanning for "use server" files, so a new one is covered at once),
// called as a signed-in owner with a real workspace. Whatever arrives, the
// action answers with the ActionResult shape, or with Next's own redirect /
// not-found signal; never a throw of anything else, never an "internal"
// (500) error, and a refusal writes nothing.
// The session comes from next-auth's getServerSession and the request's
// headers from next/headers, answered here (library seams, not Pennant);
// everything behind them is real.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { ERROR_CODES } from "@/lib/errors";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { createLink } from "@/lib/links/create-link";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { accessFor, makeUser } from "@/tests/factories";

let sessionUserId: string | null = null;
vi.mock("next-auth", async (original) => ({ ...(await original<Record<string, unknown>>()), getServerSession: async () => (sessionUserId ? { user: { id: sessionUserId } } : null) }));
vi.mock("next/server", async (original) => ({ ...(await original<Record<string, unknown>>()), connection: async () => undefined }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-pennant-client-ip": `203.0.113.${Math.floor(Math.random() * 250) + 1}` }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], set: () => undefined, delete: () => undefined, has: () => false }),
}));

const RUNS = Number(process.env.PROPERTY_RUNS ?? 12);
const appDir = import.meta.dirname;

/** Every file under app/ that declares server actions. */
function actionFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return actionFiles(full);
    return /\.tsx?$/.test(name) && !name.includes(".test.") && /^["']use server["']/m.test(readFileSync(full, "utf8")) ? [full] : [];
  });
}

// Text from every Unicode category, plus what broke things before: NUL, lone surrogates, huge strings.
const nastyString = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom("\u0000", "a\u0000b", "\uD800", "x\uDFFFy", "\u202E", "\uFEFF", "__proto__", "constructor", "", " ", "Cafe\u0301", "https://user:pass@example.com/", "javascript:alert(1)", "https://example.com/ok"),
  fc.constant("x".repeat(300_000)),
);
const FIELDS = ["url", "title", "name", "slug", "hostname", "email", "role", "ids", "tags", "confirm", "password", "current", "next", "handle", "blocks", "kind", "id", "from", "to", "cursor", "utm", "geo", "maxClicks", "rootUrl", "notFoundUrl", "channelIds", "disabled", "__proto__", "constructor"];

interface Pool {
  /** Real ids of this workspace, so that some calls get past "not found" into validation. */
  ids: string[];
}

function argument(pool: Pool): fc.Arbitrary<unknown> {
  const leaf: fc.Arbitrary<unknown> = fc.oneof(
    nastyString,
    fc.constantFrom(...pool.ids),
    fc.constantFrom(null, undefined, true, false, 0, -1, 1e308, Number.NaN, 3.5, 2 ** 53, [], {}),
  );
  return fc.oneof(
    leaf,
    fc.dictionary(fc.constantFrom(...FIELDS), fc.oneof(leaf, fc.array(leaf, { maxLength: 4 }), fc.dictionary(fc.constantFrom(...FIELDS), leaf, { maxKeys: 3 })), { maxKeys: 6 }),
    fc.array(leaf, { maxLength: 5 }),
    fc.jsonValue({ maxDepth: 4 }),
    // Deep nesting.
    fc.integer({ min: 30, max: 200 }).map((n) => {
      let v: unknown = "deep";
      for (let i = 0; i < n; i++) v = { url: v };
      return v;
    }),
  );
}

/** What the workspace and the user hold: a refused call must leave it exactly as it was. */
async function snapshot(workspaceId: string, userId: string) {
  const where = { workspaceId };
  return JSON.stringify(
    await Promise.all([
      db().workspace.findUnique({ where: { id: workspaceId }, select: { name: true, slug: true, qrLogo: true } }),
      db().user.findUnique({ where: { id: userId }, select: { name: true, email: true, passwordHash: true } }),
      db().link.findMany({ where, orderBy: { id: "asc" }, select: { id: true, url: true, title: true, disabled: true, archived: true, campaignId: true, updatedAt: true } }),
      db().campaign.findMany({ where, orderBy: { id: "asc" }, select: { id: true, name: true, updatedAt: true } }),
      db().channel.findMany({ where, orderBy: { id: "asc" }, select: { id: true, name: true } }),
      db().tag.findMany({ where, orderBy: { id: "asc" }, select: { id: true, name: true } }),
      db().apiKey.findMany({ where, orderBy: { id: "asc" }, select: { id: true, revokedAt: true } }),
      db().invitation.findMany({ where, orderBy: { id: "asc" }, select: { id: true, revokedAt: true } }),
      db().membership.findMany({ where, orderBy: { id: "asc" }, select: { id: true, role: true } }),
      db().domain.findMany({ where, orderBy: { id: "asc" }, select: { id: true, rootUrl: true, notFoundUrl: true } }),
      db().bioPage.findMany({ where, orderBy: { id: "asc" }, select: { id: true, handle: true, draft: true, published: true } }),
      db().qrDesign.findMany({ where, orderBy: { id: "asc" } }),
      db().workspace.count({ where: { memberships: { some: { userId } } } }),
    ]),
  );
}

/** Next's own control flow (redirect(), notFound(), forbidden()) is an answer, not a failure. */
const isNextSignal = (err: unknown) => typeof (err as { digest?: unknown })?.digest === "string" && /^NEXT_(REDIRECT|HTTP_ERROR_FALLBACK)/.test((err as { digest: string }).digest);

type Action = (...args: unknown[]) => Promise<unknown>;
const actions: { name: string; fn: Action; workspaceScoped: boolean }[] = [];
for (const file of actionFiles(appDir)) {
  const mod = (await import(file)) as Record<string, unknown>;
  const rel = path.relative(appDir, file);
  for (const [name, fn] of Object.entries(mod)) {
    if (typeof fn === "function") actions.push({ name: `${rel}: ${name}`, fn: fn as Action, workspaceScoped: rel.startsWith(`w${path.sep}[slug]`) });
  }
}

describe("server actions: arbitrary input", () => {
  let slug: string;
  let workspaceId: string;
  let userId: string;
  let pool: Pool;

  beforeAll(async () => {
    const owner = await makeUser("action-props");
    const ws = await createWorkspace(owner.id, { name: "Action properties" });
    const access = await accessFor(owner, ws.slug, "workspace.delete");
    const link = await createLink(access, { url: "https://example.com/props", title: "Props" });
    const campaign = await createCampaign(access, { name: "Props campaign" });
    slug = ws.slug;
    workspaceId = ws.id;
    userId = owner.id;
    sessionUserId = owner.id;
    pool = { ids: [link.id, campaign.id] };
  });

  it("finds the app's server actions", () => {
    expect(actions.length).toBeGreaterThan(40);
  });

  it.each(actions.map((a) => [a.name, a] as const))("%s: never throws or answers 500, always the ActionResult shape, and a refusal writes nothing", async (_name, action) => {
    // Actions whose only parameter is the workspace (or none) take no input to vary.
    const arity = action.fn.length - (action.workspaceScoped ? 1 : 0);
    if (arity < 1) return;
    await fc.assert(
      fc.asyncProperty(fc.array(argument(pool), { minLength: arity, maxLength: arity }), async (args) => {
        sessionUserId = userId;
        const before = await snapshot(workspaceId, userId);
        let result: unknown;
        try {
          result = await action.fn(...(action.workspaceScoped ? [slug, ...args] : args));
        } catch (err) {
          if (isNextSignal(err)) return;
          throw new Error(`threw ${(err as Error)?.name}: ${(err as Error)?.message?.slice(0, 300)}`);
        }
        expect(result).toMatchObject({ ok: expect.any(Boolean) });
        const r = result as { ok: boolean; error?: { code: string; message: string; fields?: Record<string, string> } };
        if (r.ok) return;
        expect(ERROR_CODES).toContain(r.error?.code);
        expect(r.error?.code).not.toBe("internal");
        expect(typeof r.error?.message).toBe("string");
        expect(r.error!.message.length).toBeGreaterThan(0);
        if (r.error?.fields) for (const v of Object.values(r.error.fields)) expect(typeof v).toBe("string");
        expect(await snapshot(workspaceId, userId)).toBe(before);
      }),
      { numRuns: RUNS, seed: Number(process.env.PROPERTY_SEED ?? 11) },
    );
  }, 180_000);
});
