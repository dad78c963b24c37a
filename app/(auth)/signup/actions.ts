"use server";

import { toAppError } from "@/lib/to-app-error";
import { requestIp } from "@/lib/net/request-ip";
import { signUp } from "@/lib/users/sign-up";
import type { ActionResult } from "@/lib/auth/guards";

export async function signUpAction(input: { email: string; password: string; name: string }): Promise<ActionResult> {
  try {
    await signUp(input, await requestIp());
    return { ok: true, data: undefined };
  } catch (err) {
    const e = toAppError(err);
    const fields = (e.details as { fields?: Record<string, string> } | undefined)?.fields;
    return { ok: false, error: { code: e.code, message: e.message, ...(fields ? { fields } : {}) } };
  }
}
