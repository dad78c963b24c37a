import "server-only";
import type { WorkspaceAccess } from "@/lib/auth/access";
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { withIds } from "./block-ids";
import { checkBlockRefs } from "./check-refs";
import { asJson } from "./documents";
import { claimHandle, handleTaken } from "./handles";
import { bioPageSelect, presentBioPage } from "./present-bio-page";
import { createBioPageSchema, type BioDocument, type CreateBioPageInput } from "./schemas";
import { presetTheme } from "./themes";

/** A new, unpublished page: visitors see nothing until it is published. */
export async function createBioPage(access: WorkspaceAccess, input: CreateBioPageInput) {
  const fields = createBioPageSchema.parse(input);
  const workspaceId = access.workspace.id;
  try {
    const row = await db().$transaction(async (tx) => {
      const draft: BioDocument = { title: fields.title, bio: fields.bio, avatarId: null, theme: fields.theme ?? presetTheme("paper"), blocks: await withIds(tx, fields.blocks) };
      await claimHandle(tx, fields.handle, null);
      await checkBlockRefs(tx, workspaceId, draft.blocks, [draft.theme.background.kind === "image" ? draft.theme.background.imageId : null]);
      return tx.bioPage.create({
        data: { workspaceId, handle: fields.handle, title: draft.title, bio: draft.bio, theme: asJson(draft.theme), draft: asJson(draft) },
        select: bioPageSelect,
      });
    });
    return presentBioPage(row);
  } catch (err) {
    if (isUniqueViolation(err)) throw handleTaken(fields.handle);
    throw err;
  }
}
