import "server-only";
import type { WorkspaceAccess } from "@/lib/auth/access";
import { db } from "@/lib/db/client";
import { generateApiKey } from "./api-key-token";
import { createApiKeySchema, type CreateApiKeyInput } from "./schemas";

/** Creates a key for the workspace; the plain key is returned once, only here. */
export async function createApiKey(access: WorkspaceAccess, input: CreateApiKeyInput) {
  const { name, role } = createApiKeySchema.parse(input);
  const { key, hash, start } = generateApiKey();
  const row = await db().apiKey.create({
    data: { workspaceId: access.workspace.id, name, role, start, keyHash: hash, createdById: access.userId },
    select: { id: true, name: true, role: true, start: true, createdAt: true },
  });
  return { ...row, key };
}
