"use server";

import type { ActionResult } from "@/lib/actions/action-result";
import { actionFailure } from "@/lib/auth/guards";
import { requestIp } from "@/lib/net/request-ip";
import { signUp } from "@/lib/users/sign-up";

export async function signUpAction(input: { email: string; password: string; name: string; callbackUrl?: string }): Promise<ActionResult> {
  try {
    await signUp(input, await requestIp());
    return { ok: true, data: undefined };
  } catch (err) {
    return actionFailure(err);
  }
}
