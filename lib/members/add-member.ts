import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { ROLES, type Role } from "@/lib/auth/permissions";
import { emailSchema } from "@/lib/users/schemas";

export const addMemberSchema = z.object({
  workspace: z.string({ error: "Name the workspace by its slug." }).trim().toLowerCase().min(1, "Name the workspace by its slug."),
  email: emailSchema,
  role: z.enum(ROLES, { error: "Choose owner, admin, member or viewer." }),
});

export interface AddedMember {
  membershipId: string;
  workspace: { id: string; slug: string };
  user: { id: string; email: string };
  role: Role;
  /** "added" for a new membership, "updated" when the role changed, "unchanged" otherwise. */
  outcome: "added" | "updated" | "unchanged";
}

/**
 * Operator action (no caller, so no permission check): puts an existing user
 * into a workspace with a role, or changes the role of an existing member.
 * The workspace's last owner is never demoted.
 */
export async function addMember(input: unknown): Promise<AddedMember> {
  const { workspace: slug, email, role } = addMemberSchema.parse(input);
  return db().$transaction(async (tx) => {
    const workspace = await tx.workspace.findUnique({ where: { slug }, select: { id: true, slug: true } });
    if (!workspace) throw notFound(`No workspace with the slug "${slug}".`);
    const user = await tx.user.findUnique({ where: { email }, select: { id: true, email: true } });
    if (!user) throw notFound(`No user with the email ${email}. Create the account first.`);

    const existing = await tx.membership.findUnique({
      where: { workspaceId_userId: { workspaceId: workspace.id, userId: user.id } },
      select: { id: true, role: true },
    });
    if (!existing) {
      const created = await tx.membership.create({ data: { workspaceId: workspace.id, userId: user.id, role }, select: { id: true } });
      return { membershipId: created.id, workspace, user, role, outcome: "added" };
    }
    if (existing.role === role) return { membershipId: existing.id, workspace, user, role, outcome: "unchanged" };
    if (existing.role === "owner") {
      const owners = await tx.membership.count({ where: { workspaceId: workspace.id, role: "owner" } });
      if (owners <= 1) throw new AppError("conflict", `${email} is the last owner of ${workspace.slug}. Make someone else an owner first.`);
    }
    await tx.membership.update({ where: { id: existing.id }, data: { role } });
    return { membershipId: existing.id, workspace, user, role, outcome: "updated" };
  });
}
