import "server-only";
import { db } from "@/lib/db/client";
import { isRole, type Role } from "@/lib/auth/permissions";
import { API_KEY_PREFIX, hashToken } from "./api-key-token";

export interface VerifiedApiKey {
  apiKeyId: string;
  workspaceId: string;
  role: Role;
}

const LAST_USED_RESOLUTION_MS = 60_000;

/** The key's workspace and role, or null when unknown, revoked or expired. */
export async function verifyApiKey(key: string): Promise<VerifiedApiKey | null> {
  if (!key.startsWith(API_KEY_PREFIX) || key.length > 200) return null;
  const row = await db().apiKey.findUnique({
    where: { keyHash: hashToken(key) },
    select: { id: true, workspaceId: true, role: true, revokedAt: true, expiresAt: true, lastUsedAt: true },
  });
  const now = new Date();
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now) || !isRole(row.role)) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    // Bookkeeping only: the request does not wait for it.
    db().apiKey.update({ where: { id: row.id }, data: { lastUsedAt: now } }).catch(() => undefined);
  }
  return { apiKeyId: row.id, workspaceId: row.workspaceId, role: row.role };
}
