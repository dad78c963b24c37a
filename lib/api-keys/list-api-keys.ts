import "server-only";
import type { WorkspaceAccess } from "@/lib/auth/access";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";

export function listApiKeys(access: WorkspaceAccess) {
  const workspaceId = access.workspace.id;
  return db().apiKey.findMany({
    where: { workspaceId, revokedAt: null },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, role: true, start: true, lastUsedAt: true, createdAt: true, createdBy: { select: { email: true, name: true } } },
  });
}

/** Revokes a key of this workspace; a key of another workspace is "not found". */
export async function revokeApiKey(access: WorkspaceAccess, apiKeyId: string) {
  const workspaceId = access.workspace.id;
  const { count } = await db().apiKey.updateMany({
    where: { id: apiKeyId, workspaceId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw notFound("That API key does not exist or was already revoked.");
}
