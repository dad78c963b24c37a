import "server-only";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

export const handleTaken = (handle: string) => new AppError("conflict", `The handle @${handle} is taken. Pick another.`, { fields: { handle: "This handle is taken." } });

/**
 * Claims a handle for a page: free, or only kept by another page as an old
 * name (which then stops redirecting). Live handles of other pages: 409.
 */
export async function claimHandle(tx: Tx, handle: string, pageId: string | null): Promise<void> {
  const live = await tx.bioPage.findUnique({ where: { handle }, select: { id: true } });
  if (live && live.id !== pageId) throw handleTaken(handle);
  await tx.bioHandleAlias.deleteMany({ where: { handle } });
}
