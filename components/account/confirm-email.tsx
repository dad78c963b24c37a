"use client";

import { useState } from "react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { useAction } from "@/components/ui/use-action";
import type { ActionResult } from "@/lib/auth/guards";

export function ConfirmEmail({ token, action }: { token: string; action: (token: string) => Promise<ActionResult<{ email: string }>> }) {
  const [done, setDone] = useState<string>();
  const { run, pending, error } = useAction(action, { onSuccess: (d) => setDone(d.email) });
  if (done) {
    return (
      <div className="space-y-4">
        <FormAlert tone="success" message={`Your account now uses ${done}.`} />
        <Link href="/account" className="text-sm font-medium text-accent-700 underline underline-offset-4">
          Go to your account
        </Link>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <FormAlert message={error} />
      <Button aria-disabled={pending || !token} onClick={() => !pending && token && run(token)}>
        {pending ? "Confirming…" : "Confirm new email address"}
      </Button>
    </div>
  );
}
