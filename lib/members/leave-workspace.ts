import "server-only";
import { db } from "@/lib/db/client";
import type { WorkspaceAccess } from "@/lib/auth/access";
import { notFound } from "@/lib/errors";
import { removeMember } from "./change-member";

/** The signed-in member leaves; the last owner cannot (removeMember says why). */
export async function leaveWorkspace(access: WorkspaceAccess): Promise<void> {
  if (!access.userId) throw notFound("Member not found");
  const me = await db().membership.findUnique({
    where: { workspaceId_userId: { workspaceId: access.workspace.id, userId: access.userId } },
    select: { id: true },
  });
  if (!me) throw notFound("Member not found");
  await removeMember(access, me.id);
}
