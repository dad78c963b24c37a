import "server-only";
import { db } from "@/lib/db/client";
import { isRole, type Role } from "@/lib/auth/permissions";

export interface WorkspaceSummary {
  id: string;
  slug: string;
  name: string;
  personal: boolean;
  role: Role;
  createdAt: Date;
}

/** The workspaces a user belongs to, personal first, then by name. */
export async function listWorkspacesForUser(userId: string): Promise<WorkspaceSummary[]> {
  const rows = await db().membership.findMany({
    where: { userId },
    select: { role: true, workspace: { select: { id: true, slug: true, name: true, personal: true, createdAt: true } } },
  });
  return rows
    .filter((r) => isRole(r.role))
    .map((r) => ({ ...r.workspace, role: r.role as Role }))
    .sort((a, b) => Number(b.personal) - Number(a.personal) || a.name.localeCompare(b.name));
}
