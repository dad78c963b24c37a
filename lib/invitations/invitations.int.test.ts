import { createHash } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { addMember } from "@/lib/members/add-member";
import { accessFor, makeUser, uniqueEmail } from "@/tests/factories";
import { acceptInvitation, getInvitation } from "./accept-invitation";
import { createInvitation } from "./create-invitation";
import { listOpenInvitations, revokeInvitation } from "./manage-invitations";

async function workspaceWithOwner() {
  const owner = await makeUser("owner");
  const ws = await createWorkspace(owner.id, { name: "Invite Co" });
  return { owner, ws, access: await accessFor(owner, ws.slug, "invitations.manage") };
}

function tokenOf(url: string): string {
  const token = new URL(url).pathname.split("/invite/")[1];
  if (!token) throw new Error(`no token in ${url}`);
  return token;
}

async function roleIn(workspaceId: string, userId: string) {
  return (await db().membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId } }, select: { role: true } }))?.role ?? null;
}

describe("invitations", () => {
  // The development outbox logs every mail; keep the test output readable.
  beforeEach(() => void vi.spyOn(console, "log").mockImplementation(() => undefined));
  afterEach(() => vi.restoreAllMocks());

  it("lets the invited person join with the invited role, and mails them the link", async () => {
    const { ws, access } = await workspaceWithOwner();
    const invitee = await makeUser("invitee");
    const inv = await createInvitation(access, { email: invitee.email.toUpperCase(), role: "admin" });
    expect(inv).toMatchObject({ email: invitee.email, role: "admin" });
    expect(inv.url).toMatch(/\/invite\/[\w-]{20,}$/);
    expect(inv.expiresAt.getTime()).toBeGreaterThan(Date.now() + 6 * 24 * 3600 * 1000);

    const mail = await db().outboxEmail.findFirst({ where: { to: invitee.email }, orderBy: { createdAt: "desc" } });
    expect(mail).toMatchObject({ url: inv.url, subject: expect.stringContaining("Invite Co") });

    const token = tokenOf(inv.url);
    expect(await getInvitation(token)).toMatchObject({ state: "open", email: invitee.email, role: "admin", workspace: { slug: ws.slug } });
    await expect(acceptInvitation(invitee, token)).resolves.toEqual({ slug: ws.slug });
    expect(await roleIn(ws.id, invitee.id)).toBe("admin");
    expect((await getInvitation(token))?.state).toBe("accepted");
    expect(await listOpenInvitations(access)).toEqual([]);
  });

  it("refuses someone signed in with another email", async () => {
    const { ws, access } = await workspaceWithOwner();
    const invited = uniqueEmail("invited");
    const other = await makeUser("other");
    const inv = await createInvitation(access, { email: invited, role: "member" });
    await expect(acceptInvitation(other, tokenOf(inv.url))).rejects.toMatchObject({ code: "forbidden", message: expect.stringContaining(invited) });
    expect(await roleIn(ws.id, other.id)).toBeNull();
    expect((await getInvitation(tokenOf(inv.url)))?.state).toBe("open");
  });

  it("refuses an expired invitation", async () => {
    const { ws, access } = await workspaceWithOwner();
    const invitee = await makeUser("late");
    const inv = await createInvitation(access, { email: invitee.email });
    await db().invitation.update({ where: { id: inv.id }, data: { expiresAt: new Date(Date.now() - 60_000) } });
    expect((await getInvitation(tokenOf(inv.url)))?.state).toBe("expired");
    await expect(acceptInvitation(invitee, tokenOf(inv.url))).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/expired/) });
    expect(await roleIn(ws.id, invitee.id)).toBeNull();
  });

  it("refuses a revoked invitation, and a second invitation revokes the first link", async () => {
    const { ws, access } = await workspaceWithOwner();
    const invitee = await makeUser("revoked");
    const first = await createInvitation(access, { email: invitee.email, role: "viewer" });
    const second = await createInvitation(access, { email: invitee.email, role: "member" });
    await expect(acceptInvitation(invitee, tokenOf(first.url))).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/revoked/) });
    expect((await listOpenInvitations(access)).map((i) => i.id)).toEqual([second.id]);

    await revokeInvitation(access, second.id);
    expect((await getInvitation(tokenOf(second.url)))?.state).toBe("revoked");
    await expect(acceptInvitation(invitee, tokenOf(second.url))).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/revoked/) });
    expect(await roleIn(ws.id, invitee.id)).toBeNull();
    await expect(revokeInvitation(access, second.id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("can be used only once", async () => {
    const { ws, access } = await workspaceWithOwner();
    const invitee = await makeUser("twice");
    const inv = await createInvitation(access, { email: invitee.email, role: "viewer" });
    await acceptInvitation(invitee, tokenOf(inv.url));
    await changeToMember(ws.id, invitee.id);
    await expect(acceptInvitation(invitee, tokenOf(inv.url))).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/already been used/) });
    expect(await db().membership.count({ where: { workspaceId: ws.id, userId: invitee.id } })).toBe(1);
    expect(await roleIn(ws.id, invitee.id)).toBe("member");
  });

  it("refuses an unknown token", async () => {
    const user = await makeUser("guess");
    await expect(acceptInvitation(user, "not-a-real-token")).rejects.toMatchObject({ code: "not_found" });
    expect(await getInvitation("not-a-real-token")).toBeNull();
    expect(await getInvitation("x".repeat(500))).toBeNull();
  });

  it("lets admins invite anyone but an owner; owners may invite owners", async () => {
    const { ws, access: ownerAccess } = await workspaceWithOwner();
    const admin = await makeUser("admin");
    await addMember({ workspace: ws.slug, email: admin.email, role: "admin" });
    const adminAccess = await accessFor(admin, ws.slug, "invitations.manage");
    const target = uniqueEmail("would-be-owner");
    await expect(createInvitation(adminAccess, { email: target, role: "owner" })).rejects.toMatchObject({ code: "forbidden", message: "Only owners can invite owners." });
    expect(await db().invitation.count({ where: { email: target } })).toBe(0);
    await expect(createInvitation(adminAccess, { email: target, role: "admin" })).resolves.toMatchObject({ role: "admin" });
    await expect(createInvitation(ownerAccess, { email: target, role: "owner" })).resolves.toMatchObject({ role: "owner" });
  });

  it("keeps members and viewers from inviting at all", async () => {
    const { ws } = await workspaceWithOwner();
    for (const role of ["member", "viewer"] as const) {
      const user = await makeUser(role);
      await addMember({ workspace: ws.slug, email: user.email, role });
      await expect(accessFor(user, ws.slug, "invitations.manage")).rejects.toMatchObject({ code: "forbidden" });
    }
  });

  it("refuses to invite someone who is already a member", async () => {
    const { ws, owner, access } = await workspaceWithOwner();
    await expect(createInvitation(access, { email: owner.email })).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/already a member/) });
    expect(await db().invitation.count({ where: { workspaceId: ws.id } })).toBe(0);
  });

  it("stores only a SHA-256 hash of the token", async () => {
    const { access } = await workspaceWithOwner();
    const inv = await createInvitation(access, { email: uniqueEmail("hash") });
    const token = tokenOf(inv.url);
    const row = await db().invitation.findUniqueOrThrow({ where: { id: inv.id } });
    expect(row.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(token);
  });

  it("answers another workspace's invitation id as not found when revoking", async () => {
    const a = await workspaceWithOwner();
    const b = await workspaceWithOwner();
    const inv = await createInvitation(b.access, { email: uniqueEmail("theirs") });
    await expect(revokeInvitation(a.access, inv.id)).rejects.toMatchObject({ code: "not_found" });
    expect((await getInvitation(tokenOf(inv.url)))?.state).toBe("open");
  });
});

/** A role change after joining, so a second acceptance would show if it re-applied the invitation. */
async function changeToMember(workspaceId: string, userId: string) {
  await db().membership.update({ where: { workspaceId_userId: { workspaceId, userId } }, data: { role: "member" } });
}
