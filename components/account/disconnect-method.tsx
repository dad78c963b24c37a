"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-action";
import type { ActionResult } from "@/lib/actions/action-result";

/** "Disconnect" next to a connected sign-in method; the server refuses the last way in, and says why here. */
export function DisconnectMethod({ provider, label, action }: { provider: string; label: string; action: (input: { provider: string }) => Promise<ActionResult<{ provider: string }>> }) {
  const router = useRouter();
  const { run, pending, error } = useAction(action, { success: `${label} disconnected`, onSuccess: () => router.refresh() });
  return (
    <span className="flex flex-col items-end gap-1">
      <span className="flex items-center gap-3">
        <span className="text-emerald-700">Connected</span>
        <Button variant="secondary" size="sm" pending={pending} onClick={() => run({ provider })} aria-label={`Disconnect ${label}`}>
          {pending ? "Disconnecting…" : "Disconnect"}
        </Button>
      </span>
      {error && (
        <span role="alert" className="max-w-xs text-right text-sm text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
