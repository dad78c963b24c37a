import "server-only";
import type { WorkspaceAccess } from "@/lib/auth/access";
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { withIds } from "./block-ids";
import { checkBlockRefs } from "./check-refs";
import { asJson } from "./documents";
import { findBioPageRow } from "./get-bio-page";
import { claimHandle, handleTaken } from "./handles";
import { pageCacheKeys } from "./cache-keys";
import { invalidateBioPages } from "./page-cache";
import { bioPageSelect, draftOf, presentBioPage } from "./present-bio-page";
import { updateBioPageSchema, type BioDocument, type UpdateBioPageInput } from "./schemas";

/**
 * Saves the draft (all or nothing: a refused save leaves the stored draft as
 * it was). A new handle takes effect at once; the old one keeps redirecting
 * to the page until another page claims it.
 */
export async function updateBioPage(access: WorkspaceAccess, id: string, input: UpdateBioPageInput) {
  const fields = updateBioPageSchema.parse(input);
  const workspaceId = access.workspace.id;
  let renamed: string[] = [];
  try {
    const row = await db().$transaction(async (tx) => {
      const current = await findBioPageRow(tx, workspaceId, id);
      const before = draftOf(current);
      const draft: BioDocument = {
        title: fields.title ?? before.title,
        bio: fields.bio === undefined || !("bio" in (input as object)) ? before.bio : fields.bio,
        avatarId: before.avatarId,
        theme: fields.theme ?? before.theme,
        blocks: fields.blocks ? await withIds(tx, fields.blocks, new Set([...before.blocks, ...current.blocks].map((b) => b.id))) : before.blocks,
      };
      await checkBlockRefs(tx, workspaceId, draft.blocks, [draft.theme.background.kind === "image" ? draft.theme.background.imageId : null]);
      const handle = fields.handle && fields.handle !== current.handle ? fields.handle : null;
      if (handle) {
        await claimHandle(tx, handle, id);
        await tx.bioHandleAlias.create({ data: { handle: current.handle, bioPageId: id } });
        renamed = [current.handle, handle];
      }
      return tx.bioPage.update({ where: { id }, data: { draft: asJson(draft), ...(handle ? { handle } : {}) }, select: bioPageSelect });
    });
    // The domains showing the page render its new handle in their forms and links.
    if (renamed.length) await invalidateBioPages([...renamed, ...(await pageCacheKeys(id))]);
    return presentBioPage(row);
  } catch (err) {
    if (isUniqueViolation(err) && fields.handle) throw handleTaken(fields.handle);
    throw err;
  }
}

/** Sets the draft's avatar (an uploaded image's id, or null to remove it). */
export async function setBioAvatar(access: WorkspaceAccess, id: string, avatarId: string | null) {
  const row = await db().$transaction(async (tx) => {
    const current = await findBioPageRow(tx, access.workspace.id, id);
    const draft = { ...draftOf(current), avatarId };
    return tx.bioPage.update({ where: { id }, data: { draft: asJson(draft) }, select: bioPageSelect });
  });
  return presentBioPage(row);
}
