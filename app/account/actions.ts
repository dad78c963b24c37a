"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/actions/action-result";
import { userAction } from "@/lib/auth/guards";
import { confirmEmailChange, requestEmailChange } from "@/lib/account/change-email";
import { deleteAccount } from "@/lib/account/delete-account";
import { uploadAvatar } from "@/lib/account/upload-avatar";
import { readFormFile } from "@/lib/http/read-upload";
import { QR_LOGO_MAX_BYTES } from "@/lib/qr/logo";
import { disconnectProvider, type DisconnectProviderInput } from "@/lib/account/disconnect-provider";
import { changePassword, signOutEverywhere, updateProfile } from "@/lib/account/update-account";
import type { EmailChangeInput, PasswordChangeInput, ProfileInput } from "@/lib/account/schemas";
import { actionFailure } from "@/lib/auth/guards";
import type { ConfirmEmailState } from "@/components/account/confirm-email";

// Thin: each action resolves the signed-in user and calls one lib/ function.

export async function updateProfileAction(input: ProfileInput): Promise<ActionResult> {
  const result = await userAction(async (user) => void (await updateProfile(user, input)));
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function changePasswordAction(input: PasswordChangeInput): Promise<ActionResult<{ set: boolean }>> {
  const result = await userAction((user) => changePassword(user, input));
  if (result.ok) revalidatePath("/account");
  return result;
}

export async function requestEmailChangeAction(input: EmailChangeInput): Promise<ActionResult<{ email: string }>> {
  return userAction((user) => requestEmailChange(user, input));
}

/**
 * Needs no session: the link itself proves the new mailbox is the person's.
 * Bound to the confirmation page's form, so it runs without the page's script.
 */
export async function confirmEmailChangeAction(_prev: unknown, form: unknown): Promise<ConfirmEmailState> {
  try {
    // Server actions receive whatever a client sends: it may be no form at all.
    const token = form instanceof FormData ? form.get("token") : null;
    return { ok: true, data: await confirmEmailChange(typeof token === "string" ? token : "") };
  } catch (err) {
    return actionFailure(err);
  }
}

export async function signOutEverywhereAction(): Promise<ActionResult> {
  return userAction((user) => signOutEverywhere(user));
}

export async function deleteAccountAction(input: { confirm: string }): Promise<ActionResult> {
  return userAction((user) => deleteAccount(user, input));
}

export async function disconnectProviderAction(input: DisconnectProviderInput): Promise<ActionResult<{ provider: string }>> {
  const result = await userAction((user) => disconnectProvider(user, input));
  if (result.ok) revalidatePath("/account");
  return result;
}

/** A picture file, read up to the QR logo limit and re-encoded the same way. */
export async function uploadAvatarAction(form: FormData): Promise<ActionResult<{ image: string }>> {
  const result = await userAction(async (user) => {
    const { bytes, type } = await readFormFile(form, "file", QR_LOGO_MAX_BYTES);
    return uploadAvatar(user, bytes, type);
  });
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
