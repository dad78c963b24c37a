import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/db/errors";
import type { WorkspaceAccess } from "@/lib/auth/access";
import { slugTaken } from "./create-workspace";
import { renameWorkspaceSchema, type RenameWorkspaceInput } from "./schemas";

/** Renames the workspace, changes its URL slug (unique across Pennant), its time zone and/or how long raw clicks are kept. */
export async function updateWorkspace(access: WorkspaceAccess, input: RenameWorkspaceInput) {
  const data = renameWorkspaceSchema.parse(input);
  if (data.name === undefined && data.slug === undefined && data.timeZone === undefined && data.rawClickRetentionDays === undefined) {
    throw new AppError("validation_failed", "Send a new name, slug, time zone or rawClickRetentionDays.");
  }
  try {
    return await db().workspace.update({
      where: { id: access.workspace.id },
      data,
      select: { id: true, slug: true, name: true, personal: true, timeZone: true, rawClickRetentionDays: true, createdAt: true },
    });
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw slugTaken();
    }
    throw err;
  }
}
