import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import type { Role } from "@/lib/auth/permissions";
import { accessFor, makeUser } from "@/tests/factories";
import { addMember } from "./add-member";
import { changeMemberRole, removeMember } from "./change-member";
import { listMembers } from "./list-members";

type TestUser = Awaited<ReturnType<typeof makeUser>>;

/** A workspace owned by a fresh user, plus one fresh user per role asked for. */
async function team(...roles: Role[]) {
  const owner = await makeUser("owner");
  const ws = await createWorkspace(owner.id, { name: "Team" });
  const people: { user: TestUser; membershipId: string }[] = [];
  for (const role of roles) {
    const user = await makeUser(role);
    const m = await addMember({ workspace: ws.slug, email: user.email, role });
    people.push({ user, membershipId: m.membershipId });
  }
  const ownerMembership = await db().membership.findFirstOrThrow({ where: { workspaceId: ws.id, userId: owner.id } });
  return { ws, owner, ownerMembershipId: ownerMembership.id, people };
}

async function roleOf(membershipId: string) {
  return (await db().membership.findUnique({ where: { id: membershipId }, select: { role: true } }))?.role ?? null;
}

describe("members", () => {
  it("lets an owner change a member's role and lists members with their roles", async () => {
    const { ws, owner, ownerMembershipId, people } = await team("member");
    const [bo] = people;
    const access = await accessFor(owner, ws.slug, "members.manage");
    await expect(changeMemberRole(access, bo!.membershipId, { role: "admin" })).resolves.toMatchObject({ role: "admin" });
    const list = await listMembers(access);
    expect(list.map((m) => [m.user.email, m.role])).toEqual([
      [owner.email, "owner"],
      [bo!.user.email, "admin"],
    ]);
    expect(list[0]!.id).toBe(ownerMembershipId);
  });

  it("refuses an unknown role with a clear message", async () => {
    const { ws, owner, people } = await team("member");
    const access = await accessFor(owner, ws.slug, "members.manage");
    // @ts-expect-error "superuser" is no role: the type says so, and the schema refuses it at run time.
    await expect(changeMemberRole(access, people[0]!.membershipId, { role: "superuser" })).rejects.toThrow(/Choose owner, admin, member or viewer/);
    expect(await roleOf(people[0]!.membershipId)).toBe("member");
  });

  it("keeps admins away from owners: no promoting to owner, no demoting or removing an owner", async () => {
    const { ws, ownerMembershipId, people } = await team("admin", "member");
    const [admin, member] = people;
    const access = await accessFor(admin!.user, ws.slug, "members.manage");
    await expect(changeMemberRole(access, member!.membershipId, { role: "owner" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(changeMemberRole(access, ownerMembershipId, { role: "member" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(removeMember(access, ownerMembershipId)).rejects.toMatchObject({ code: "forbidden", message: "Only owners can remove owners." });
    expect(await roleOf(member!.membershipId)).toBe("member");
    expect(await roleOf(ownerMembershipId)).toBe("owner");
    // What admins may do, they can.
    await changeMemberRole(access, member!.membershipId, { role: "viewer" });
    expect(await roleOf(member!.membershipId)).toBe("viewer");
  });

  it("never leaves a workspace without an owner", async () => {
    const { ws, owner, ownerMembershipId } = await team();
    const access = await accessFor(owner, ws.slug, "members.read");
    await expect(changeMemberRole(access, ownerMembershipId, { role: "admin" })).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/at least one owner/) });
    await expect(removeMember(access, ownerMembershipId)).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/You are the last owner/) });
    await expect(addMember({ workspace: ws.slug, email: owner.email, role: "member" })).rejects.toMatchObject({ code: "conflict" });
    expect(await roleOf(ownerMembershipId)).toBe("owner");
  });

  it("lets an owner step down while another owner remains, who then cannot leave", async () => {
    const { ws, owner, ownerMembershipId, people } = await team("owner");
    const access = await accessFor(owner, ws.slug, "members.read");
    await changeMemberRole(access, ownerMembershipId, { role: "admin" });
    expect(await roleOf(ownerMembershipId)).toBe("admin");
    const second = await accessFor(people[0]!.user, ws.slug, "members.manage");
    await expect(removeMember(second, people[0]!.membershipId)).rejects.toMatchObject({ code: "conflict" });
    expect(await roleOf(people[0]!.membershipId)).toBe("owner");
  });

  it("lets a member or viewer leave on their own, after which the workspace is gone for them", async () => {
    const { ws, people } = await team("member", "viewer");
    for (const { user, membershipId } of people) {
      const access = await accessFor(user, ws.slug, "workspace.read");
      await removeMember(access, membershipId);
      expect(await roleOf(membershipId)).toBeNull();
      await expect(accessFor(user, ws.slug, "workspace.read")).rejects.toMatchObject({ code: "not_found" });
    }
  });

  it("keeps viewers and members from managing anyone", async () => {
    const { ws, people } = await team("viewer", "member", "admin");
    const [viewer, member, admin] = people;
    await expect(accessFor(viewer!.user, ws.slug, "members.manage")).rejects.toMatchObject({ code: "forbidden" });
    // Even past the permission check, the operations themselves refuse.
    for (const actor of [viewer!, member!]) {
      const access = await accessFor(actor.user, ws.slug, "members.read");
      await expect(changeMemberRole(access, admin!.membershipId, { role: "viewer" })).rejects.toMatchObject({ code: "forbidden" });
      await expect(removeMember(access, admin!.membershipId)).rejects.toMatchObject({ code: "forbidden" });
    }
    expect(await roleOf(admin!.membershipId)).toBe("admin");
  });

  it("answers a membership of another workspace as not found", async () => {
    const a = await team();
    const b = await team("member");
    const access = await accessFor(a.owner, a.ws.slug, "members.manage");
    await expect(changeMemberRole(access, b.people[0]!.membershipId, { role: "viewer" })).rejects.toMatchObject({ code: "not_found", message: "Member not found" });
    await expect(removeMember(access, b.people[0]!.membershipId)).rejects.toMatchObject({ code: "not_found" });
    expect(await roleOf(b.people[0]!.membershipId)).toBe("member");
  });
});

describe("addMember (operators)", () => {
  it("adds an existing user, then changes their role instead of adding twice", async () => {
    const { ws } = await team();
    const user = await makeUser("joiner");
    const added = await addMember({ workspace: ws.slug.toUpperCase(), email: `  ${user.email.toUpperCase()} `, role: "viewer" });
    expect(added).toMatchObject({ outcome: "added", role: "viewer", user: { id: user.id }, workspace: { slug: ws.slug } });
    const again = await addMember({ workspace: ws.slug, email: user.email, role: "admin" });
    expect(again).toMatchObject({ outcome: "updated", role: "admin", membershipId: added.membershipId });
    expect(await addMember({ workspace: ws.slug, email: user.email, role: "admin" })).toMatchObject({ outcome: "unchanged" });
    expect(await db().membership.count({ where: { workspaceId: ws.id, userId: user.id } })).toBe(1);
    expect(await roleOf(added.membershipId)).toBe("admin");
  });

  it("refuses a missing user, a missing workspace and a bad role, writing nothing", async () => {
    const { ws } = await team();
    const user = await makeUser("x");
    await expect(addMember({ workspace: ws.slug, email: "nobody-here@example.com", role: "member" })).rejects.toMatchObject({ code: "not_found", message: expect.stringMatching(/No user with the email/) });
    await expect(addMember({ workspace: "no-such-ws", email: user.email, role: "member" })).rejects.toMatchObject({ code: "not_found", message: expect.stringMatching(/No workspace/) });
    await expect(addMember({ workspace: ws.slug, email: user.email, role: "boss" })).rejects.toThrow(/Choose owner, admin, member or viewer/);
    await expect(addMember({ workspace: ws.slug, email: "not-an-email", role: "member" })).rejects.toThrow(/valid email/);
    expect(await db().membership.count({ where: { workspaceId: ws.id } })).toBe(1);
  });
});
