"use client";

import { useActionState } from "react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import type { ActionResult } from "@/lib/actions/action-result";

export type ConfirmEmailState = ActionResult<{ email: string }> | null;

/**
 * A form bound to a server action, so the button works before the page's
 * script has loaded (a slow phone opening the mail's link): the browser posts
 * the form and the page comes back with the outcome.
 */
export function ConfirmEmail({ token, action }: { token: string; action: (prev: ConfirmEmailState, form: FormData) => Promise<ConfirmEmailState> }) {
  const [state, formAction, pending] = useActionState(action, null);
  if (state?.ok) {
    return (
      <div className="space-y-4">
        <FormAlert tone="success" message={`Your account now uses ${state.data.email}.`} />
        <Link href="/account" className="text-sm font-medium text-accent-700 underline underline-offset-4">
          Go to your account
        </Link>
      </div>
    );
  }
  return (
    <form action={formAction} className="space-y-4">
      <FormAlert message={state?.error.message} />
      <input type="hidden" name="token" value={token} />
      <Button type="submit" pending={pending || !token}>
        {pending ? "Confirming…" : "Confirm new email address"}
      </Button>
    </form>
  );
}
