"use client";

import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { useAction } from "@/components/ui/use-action";
import type { ActionResult } from "@/lib/actions/action-result";

export function AcceptInvitation({ token, workspace, action }: { token: string; workspace: string; action: (token: string) => Promise<ActionResult> }) {
  const { run, pending, error } = useAction(() => action(token));
  return (
    <div className="space-y-3">
      <FormAlert message={error} />
      <Button className="w-full" disabled={pending} onClick={() => run(undefined)}>
        {pending ? "Joining…" : `Join ${workspace}`}
      </Button>
    </div>
  );
}
