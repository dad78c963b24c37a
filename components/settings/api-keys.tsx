"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { CopyField } from "@/components/ui/copy-field";
import { SelectField, TextField } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import type { ActionResult } from "@/lib/actions/action-result";
import type { CreateApiKeyInput } from "@/lib/api-keys/schemas";

export function CreateApiKeyForm({ slug, action }: { slug: string; action: (slug: string, input: CreateApiKeyInput) => Promise<ActionResult<{ key: string; name: string }>> }) {
  const [created, setCreated] = useState<{ key: string; name: string }>();
  const { run, pending, fields } = useAction((input: CreateApiKeyInput) => action(slug, input), { success: "API key created", onSuccess: setCreated });
  return (
    <div className="space-y-4">
      <form method="post"
        noValidate
        className="grid gap-3 sm:grid-cols-[1fr_10rem_auto] sm:items-start"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          run({ name: String(f.get("key-name") ?? ""), role: String(f.get("key-role") ?? "member") as CreateApiKeyInput["role"] });
        }}
      >
        <TextField id="key-name" label="Name" placeholder="Zapier, CRM sync…" error={fields.name} required />
        <SelectField id="key-role" label="Acts as" defaultValue="member" error={fields.role}>
          <option value="viewer">Viewer (read only)</option>
          <option value="member">Member</option>
          <option value="admin">Admin</option>
        </SelectField>
        <Button type="submit" disabled={pending} className="sm:mt-[1.625rem]">
          {pending ? "Creating…" : "Create key"}
        </Button>
      </form>
      {created && (
        <div className="rounded-lg border border-amber-200 bg-amber-50 p-4">
          <p className="mb-2 text-sm text-amber-900">
            Copy the key for <strong>{created.name}</strong> now. It is shown only this once; Pennant keeps only a hash.
          </p>
          <CopyField label="API key" value={created.key} testId="api-key" />
        </div>
      )}
    </div>
  );
}

export function RevokeApiKeyButton({ slug, id, name, action }: { slug: string; id: string; name: string; action: (slug: string, id: string) => Promise<ActionResult> }) {
  const { run, pending } = useAction(() => action(slug, id), { success: `${name} revoked` });
  return (
    <ConfirmDialog
      trigger={<Button variant="ghost" size="sm" className="self-start sm:self-auto">Revoke</Button>}
      title={`Revoke ${name}?`}
      description="Anything using this key stops working at once."
      confirmLabel="Revoke key"
      pending={pending}
      onConfirm={() => run(undefined)}
    />
  );
}
