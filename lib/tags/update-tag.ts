import "server-only";
import type { WorkspaceAccess } from "@/lib/auth/access";
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { notFound } from "@/lib/errors";
import { tagNameTaken } from "./create-tag";
import { presentTag, tagSelect } from "./present-tag";
import { updateTagSchema, type UpdateTagInput } from "./schemas";

/** Renames or recolours a tag; every link carrying it follows. Another workspace's tag is "not found". */
export async function updateTag(access: WorkspaceAccess, id: string, input: UpdateTagInput) {
  const workspaceId = access.workspace.id;
  const fields = updateTagSchema.parse(input);
  try {
    const row = await db().$transaction(async (tx) => {
      const tag = await tx.tag.findFirst({ where: { id, workspaceId }, select: { id: true } });
      if (!tag) throw notFound("Tag not found");
      return tx.tag.update({ where: { id: tag.id }, data: fields, select: tagSelect });
    });
    return presentTag(row);
  } catch (err) {
    if (isUniqueViolation(err)) throw tagNameTaken(fields.name ?? "");
    throw err;
  }
}
