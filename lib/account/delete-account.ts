import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/session";
import { purgeWorkspace } from "@/lib/workspaces/delete-workspace";
import { workspacesOnDeletion } from "./get-account";
import { deleteAccountSchema } from "./schemas";

/**
 * Deletes the account. Workspaces the user owns alone and shares with nobody
 * are deleted with everything in them; workspaces with another owner lose
 * just this member. While the user is the only owner of a workspace that has
 * other members, nothing is deleted: they hand it over (or remove the others) first.
 * Links they made in other workspaces stay, without a creator.
 */
export async function deleteAccount(user: SessionUser, input: { confirm: string }): Promise<void> {
  const { confirm } = deleteAccountSchema.parse(input);
  if (confirm !== user.email.toLowerCase()) {
    throw new AppError("validation_failed", "Type your email address to confirm.", { fields: { confirm: `Type ${user.email} to confirm.` } });
  }
  const workspaces = await workspacesOnDeletion(user.id);
  const blocking = workspaces.filter((w) => w.fate === "blocks");
  if (blocking.length) {
    const names = blocking.map((w) => `"${w.name}"`).join(", ");
    throw new AppError("conflict", `You are the only owner of ${names}, which has other members. Make another member an owner, or remove them, then delete your account.`, {
      workspaces: blocking.map((w) => w.slug),
    });
  }
  for (const w of workspaces) if (w.fate === "deleted") await purgeWorkspace(w.id);
  await db().user.delete({ where: { id: user.id } });
}
