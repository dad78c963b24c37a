import "server-only";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";

/** Deletes a tag and takes it off every link; the links themselves stay. */
export async function deleteTag(workspaceId: string, id: string): Promise<void> {
  const { count } = await db().tag.deleteMany({ where: { id, workspaceId } });
  if (count === 0) throw notFound("Tag not found");
}
