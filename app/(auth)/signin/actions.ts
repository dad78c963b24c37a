"use server";

import type { ActionResult } from "@/lib/actions/action-result";
import { actionFailure } from "@/lib/auth/guards";
import { requestIp } from "@/lib/net/request-ip";
import { resendSignUpConfirmation } from "@/lib/users/sign-up-confirmation";

export async function resendConfirmationAction(input: { email: string; callbackUrl?: string }): Promise<ActionResult> {
  try {
    await resendSignUpConfirmation(input, await requestIp());
    return { ok: true, data: undefined };
  } catch (err) {
    return actionFailure(err);
  }
}
