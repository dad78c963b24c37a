import { randomInt } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// A small sign-up budget, read when the limiter first asks (env() is read lazily, once per file).
vi.hoisted(() => {
  process.env.SIGNUP_LIMIT_PER_HOUR = "3";
});

const { db } = await import("@/lib/db/client");
const { LIMITS } = await import("@/lib/rate-limit/limiter");
const { signUp } = await import("@/lib/users/sign-up");
const { createWorkspace } = await import("@/lib/workspaces/create-workspace");
const { accessFor, failureOf, makeUser, uniqueEmail } = await import("@/tests/factories");
const { createInvitation } = await import("./create-invitation");

/** A documentation address (TEST-NET-3) of its own per run, so runs sharing Redis do not meet. */
const someIp = () => `203.0.113.${randomInt(1, 255)}|${randomInt(1e9)}`;

describe("the sign-up limit", () => {
  it("lets SIGNUP_LIMIT_PER_HOUR accounts be made from one address, then answers 429 with Retry-After and creates none; another address goes on", async () => {
    const ip = someIp();
    const emails = Array.from({ length: 4 }, () => uniqueEmail("signup"));
    for (const email of emails.slice(0, 3)) await signUp({ email, password: "correct horse battery", name: "Sam" }, ip);
    const over = await failureOf(signUp({ email: emails[3]!, password: "correct horse battery", name: "Sam" }, ip));
    expect(over).toMatchObject({ status: 429, code: "rate_limited", message: LIMITS.signUpPerIp.message });
    expect(over.retryAfter).toBeGreaterThanOrEqual(1);
    expect(await db().user.count({ where: { email: { in: emails } } })).toBe(3);

    const elsewhere = uniqueEmail("signup");
    await signUp({ email: elsewhere, password: "correct horse battery", name: "Sue" }, someIp());
    expect(await db().user.count({ where: { email: elsewhere } })).toBe(1);
  });
});

describe("the invitation limit", () => {
  // The development outbox logs every mail; keep the test output readable.
  beforeEach(() => void vi.spyOn(console, "log").mockImplementation(() => undefined));
  afterEach(() => vi.restoreAllMocks());

  async function workspace(name: string) {
    const owner = await makeUser(name);
    const ws = await createWorkspace(owner.id, { name: `${name} team` });
    return { ws, access: await accessFor(owner, ws.slug, "invitations.manage") };
  }

  it("sends 100 invitations an hour from a workspace, then answers 429 with Retry-After and writes none; another workspace goes on", async () => {
    const { ws, access } = await workspace("inviter");
    const points = LIMITS.invitationsPerWorkspace.points;
    for (let i = 0; i < points; i++) await createInvitation(access, { email: uniqueEmail("guest"), role: "member" });
    const late = uniqueEmail("late");
    const over = await failureOf(createInvitation(access, { email: late, role: "member" }));
    expect(over).toMatchObject({ status: 429, code: "rate_limited", message: LIMITS.invitationsPerWorkspace.message });
    expect(over.retryAfter).toBeGreaterThanOrEqual(1);
    expect(await db().invitation.count({ where: { workspaceId: ws.id } })).toBe(points);
    expect(await db().invitation.count({ where: { email: late } })).toBe(0);

    const other = await workspace("other-inviter");
    await createInvitation(other.access, { email: late, role: "viewer" });
    expect(await db().invitation.count({ where: { workspaceId: other.ws.id, email: late } })).toBe(1);
  }, 60_000);
});
