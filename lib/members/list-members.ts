import "server-only";
import type { WorkspaceAccess } from "@/lib/auth/access";
import { db } from "@/lib/db/client";

export function listMembers(access: WorkspaceAccess) {
  const workspaceId = access.workspace.id;
  return db().membership.findMany({
    where: { workspaceId },
    orderBy: { createdAt: "asc" },
    select: { id: true, role: true, createdAt: true, user: { select: { id: true, email: true, name: true } } },
  });
}
