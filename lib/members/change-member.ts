import "server-only";
import { z } from "zod";
import { db, type Tx } from "@/lib/db/client";
import { AppError, forbidden, notFound } from "@/lib/errors";
import type { WorkspaceAccess } from "@/lib/auth/access";
import { can, canAssignRole, isRole, ROLES, type Role } from "@/lib/auth/permissions";

export const changeRoleSchema = z.object({ role: z.enum(ROLES, { error: "Choose owner, admin, member or viewer." }) });
export type ChangeRoleInput = z.input<typeof changeRoleSchema>;

async function loadTarget(tx: Tx, access: WorkspaceAccess, membershipId: string) {
  const target = await tx.membership.findFirst({ where: { id: membershipId, workspaceId: access.workspace.id }, select: { id: true, role: true, userId: true } });
  if (!target || !isRole(target.role)) throw notFound("Member not found");
  return { ...target, role: target.role as Role };
}

async function assertNotLastOwner(tx: Tx, workspaceId: string, message: string) {
  const owners = await tx.membership.count({ where: { workspaceId, role: "owner" } });
  if (owners <= 1) throw new AppError("conflict", message);
}

/** Changes a member's role. Admins cannot touch owners; the last owner stays an owner. */
export async function changeMemberRole(access: WorkspaceAccess, membershipId: string, input: ChangeRoleInput) {
  const { role } = changeRoleSchema.parse(input);
  return db().$transaction(async (tx) => {
    const target = await loadTarget(tx, access, membershipId);
    if (!canAssignRole(access.role, role) || (target.role === "owner" && access.role !== "owner")) {
      throw forbidden("Only owners can make or change owners.");
    }
    if (target.role === "owner" && role !== "owner") {
      await assertNotLastOwner(tx, access.workspace.id, "A workspace needs at least one owner. Make someone else an owner first.");
    }
    return tx.membership.update({ where: { id: target.id }, data: { role }, select: { id: true, role: true } });
  });
}

/**
 * Removes a member, or lets members leave (their own membership needs no
 * admin rights). The last owner can neither leave nor be removed.
 */
export async function removeMember(access: WorkspaceAccess, membershipId: string): Promise<void> {
  await db().$transaction(async (tx) => {
    const target = await loadTarget(tx, access, membershipId);
    const self = target.userId === access.userId;
    if (!self) {
      const mayManage = can(access.role, "members.manage") && (target.role !== "owner" || access.role === "owner");
      if (!mayManage) throw forbidden(target.role === "owner" ? "Only owners can remove owners." : undefined);
    }
    if (target.role === "owner") {
      await assertNotLastOwner(tx, access.workspace.id, self ? "You are the last owner. Make someone else an owner, or delete the workspace." : "A workspace needs at least one owner.");
    }
    await tx.membership.delete({ where: { id: target.id } });
  });
}
