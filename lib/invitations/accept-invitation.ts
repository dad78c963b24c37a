import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { hashToken } from "@/lib/api-keys/api-key-token";
import { isRole, type Role } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";

export type InvitationState = "open" | "expired" | "revoked" | "accepted";

export interface InvitationView {
  id: string;
  email: string;
  role: Role;
  state: InvitationState;
  expiresAt: Date;
  workspace: { id: string; slug: string; name: string };
  invitedBy: string | null;
}

/** What the invitation page shows; null when the token is unknown. */
export async function getInvitation(token: string): Promise<InvitationView | null> {
  if (token.length > 100) return null;
  const inv = await db().invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true, email: true, role: true, expiresAt: true, acceptedAt: true, revokedAt: true,
      workspace: { select: { id: true, slug: true, name: true } },
      invitedBy: { select: { name: true, email: true } },
    },
  });
  if (!inv || !isRole(inv.role)) return null;
  const state: InvitationState = inv.acceptedAt ? "accepted" : inv.revokedAt ? "revoked" : inv.expiresAt <= new Date() ? "expired" : "open";
  return {
    id: inv.id, email: inv.email, role: inv.role, state, expiresAt: inv.expiresAt, workspace: inv.workspace,
    invitedBy: inv.invitedBy ? inv.invitedBy.name || inv.invitedBy.email : null,
  };
}

/**
 * Joins the invitation's workspace. The signed-in user's email must be the
 * invited one; the invitation can be used once, before it expires.
 */
export async function acceptInvitation(user: SessionUser, token: string): Promise<{ slug: string }> {
  if (typeof token !== "string") throw new AppError("bad_request", "This invitation link is not valid.");
  return db().$transaction(async (tx) => {
    const inv = await tx.invitation.findUnique({
      where: { tokenHash: hashToken(token) },
      select: { id: true, email: true, role: true, expiresAt: true, acceptedAt: true, revokedAt: true, workspaceId: true, workspace: { select: { slug: true } } },
    });
    if (!inv) throw new AppError("not_found", "This invitation link is not valid. Ask for a new one.");
    if (inv.revokedAt) throw new AppError("conflict", "This invitation was revoked. Ask for a new one.");
    if (inv.acceptedAt) throw new AppError("conflict", "This invitation has already been used.");
    if (inv.expiresAt <= new Date()) throw new AppError("conflict", "This invitation has expired. Ask for a new one.");
    if (inv.email !== user.email.toLowerCase()) {
      throw new AppError("forbidden", `This invitation is for ${inv.email}. Sign in with that email to accept it.`);
    }
    const existing = await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId: inv.workspaceId, userId: user.id } }, select: { id: true } });
    if (!existing) await tx.membership.create({ data: { workspaceId: inv.workspaceId, userId: user.id, role: inv.role } });
    const { count } = await tx.invitation.updateMany({ where: { id: inv.id, acceptedAt: null }, data: { acceptedAt: new Date() } });
    if (count === 0) throw new AppError("conflict", "This invitation has already been used.");
    return { slug: inv.workspace.slug };
  });
}
