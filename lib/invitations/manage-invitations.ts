import "server-only";
import type { WorkspaceAccess } from "@/lib/auth/access";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";

/** Invitations not yet accepted or revoked, newest first (expired ones included, marked). */
export function listOpenInvitations(access: WorkspaceAccess) {
  const workspaceId = access.workspace.id;
  return db().invitation.findMany({
    where: { workspaceId, acceptedAt: null, revokedAt: null },
    orderBy: { createdAt: "desc" },
    select: { id: true, email: true, role: true, expiresAt: true, createdAt: true, invitedBy: { select: { email: true, name: true } } },
  });
}

export async function revokeInvitation(access: WorkspaceAccess, invitationId: string): Promise<void> {
  const workspaceId = access.workspace.id;
  const { count } = await db().invitation.updateMany({
    where: { id: invitationId, workspaceId, acceptedAt: null, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw notFound("That invitation does not exist or is no longer open.");
}
