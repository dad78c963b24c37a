import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import type { SessionUser } from "@/lib/auth/session";
import { passwordChangeSchema, profileSchema, type PasswordChangeInput, type ProfileInput } from "./schemas";

export async function updateProfile(user: SessionUser, input: ProfileInput) {
  const data = profileSchema.parse(input);
  return db().user.update({ where: { id: user.id }, data: { name: data.name || null, ...(data.image === undefined ? {} : { image: data.image }) }, select: { name: true, image: true } });
}

/** Changes the password (the current one required), or sets a first one for a magic-link or OAuth account. */
export async function changePassword(user: SessionUser, input: PasswordChangeInput): Promise<{ set: boolean }> {
  const { current, password } = passwordChangeSchema.parse(input);
  const row = await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
  if (row.passwordHash && !(await verifyPassword(current ?? "", row.passwordHash))) {
    throw new AppError("validation_failed", "Your current password is not right.", { fields: { current: "That is not your current password." } });
  }
  await db().user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(password) } });
  return { set: !row.passwordHash };
}

/** Every session signed in before now ends, this one too; API keys are not sessions and keep working. */
export async function signOutEverywhere(user: SessionUser): Promise<void> {
  // To the millisecond, as sessions carry their sign-in time (lib/auth/session-time.ts):
  // signing in again at once, within the same second, holds.
  await db().user.update({ where: { id: user.id }, data: { sessionsValidFrom: new Date() } });
}
