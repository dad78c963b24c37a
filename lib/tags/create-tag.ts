import "server-only";
import type { WorkspaceAccess } from "@/lib/auth/access";
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";
import { presentTag, tagSelect } from "./present-tag";
import { createTagSchema, type CreateTagInput } from "./schemas";

export function tagNameTaken(name: string) {
  return new AppError("conflict", `A tag named "${name}" already exists in this workspace.`, { fields: { name: "This tag already exists." } });
}

/** Names are unique per workspace (the database's constraint decides, so races answer 409 too). */
export async function createTag(access: WorkspaceAccess, input: CreateTagInput) {
  const workspaceId = access.workspace.id;
  const fields = createTagSchema.parse(input);
  try {
    const row = await db().tag.create({ data: { workspaceId, name: fields.name, color: fields.color }, select: tagSelect });
    return presentTag(row);
  } catch (err) {
    if (isUniqueViolation(err)) throw tagNameTaken(fields.name);
    throw err;
  }
}
