import type { Role } from "@/lib/auth/permissions";

/** The API's view of a workspace (see workspaceOutput in schemas.ts). */
export function presentWorkspace(ws: { id: string; slug: string; name: string; personal: boolean; createdAt?: Date; rawClickRetentionDays?: number | null }, role: Role) {
  return {
    id: ws.id, slug: ws.slug, name: ws.name, personal: ws.personal, role,
    ...(ws.rawClickRetentionDays !== undefined ? { rawClickRetentionDays: ws.rawClickRetentionDays } : {}),
    ...(ws.createdAt ? { createdAt: ws.createdAt.toISOString() } : {}),
  };
}
