"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TextField } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import type { ActionResult } from "@/lib/actions/action-result";

interface Props {
  slug: string;
  name: string;
  canDelete: boolean;
  deleteAction: (slug: string, input: { confirm: string }) => Promise<ActionResult>;
  leaveAction: (slug: string) => Promise<ActionResult>;
}

export function DangerZone({ slug, name, canDelete, deleteAction, leaveAction }: Props) {
  const [confirm, setConfirm] = useState("");
  const del = useAction((input: { confirm: string }) => deleteAction(slug, input));
  const leave = useAction(() => leaveAction(slug));
  return (
    <div className="divide-y divide-zinc-100">
      <div className="flex flex-col gap-3 pb-5 sm:flex-row sm:items-center sm:justify-between">
        <div>
          <h3 className="font-medium">Leave this workspace</h3>
          <p className="text-sm text-zinc-600">You lose access to its links and analytics. The last owner cannot leave.</p>
        </div>
        <ConfirmDialog
          trigger={<Button variant="secondary">Leave workspace</Button>}
          title={`Leave ${name}?`}
          description="You will need a new invitation to come back."
          confirmLabel="Leave"
          pending={leave.pending}
          onConfirm={() => leave.run(undefined)}
        />
      </div>
      {canDelete && (
        <div className="flex flex-col gap-3 pt-5 sm:flex-row sm:items-center sm:justify-between">
          <div>
            <h3 className="font-medium">Delete this workspace</h3>
            <p className="text-sm text-zinc-600">Deletes every link, QR code, bio page and click in it. This cannot be undone.</p>
          </div>
          <ConfirmDialog
            trigger={<Button variant="danger">Delete workspace</Button>}
            title={`Delete ${name}?`}
            description={<>Short links in this workspace stop working at once. Type <strong className="font-mono text-zinc-900">{slug}</strong> to confirm.</>}
            confirmLabel="Delete forever"
            pending={del.pending}
            confirmDisabled={confirm.trim().toLowerCase() !== slug}
            onConfirm={() => del.run({ confirm })}
          >
            <TextField id="confirm" label="Workspace URL" value={confirm} onChange={(e) => setConfirm(e.target.value)} autoComplete="off" error={del.fields.confirm} />
          </ConfirmDialog>
        </div>
      )}
    </div>
  );
}
