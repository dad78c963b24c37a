"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-field";
import { SelectField, TextField } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import type { ActionResult } from "@/lib/actions/action-result";
import type { CreateInvitationInput } from "@/lib/invitations/schemas";

interface Props {
  slug: string;
  roles: { value: string; label: string }[];
  action: (slug: string, input: CreateInvitationInput) => Promise<ActionResult<{ url: string; email: string }>>;
}

export function InviteForm({ slug, roles, action }: Props) {
  const [created, setCreated] = useState<{ url: string; email: string }>();
  const { run, pending, fields } = useAction((input: CreateInvitationInput) => action(slug, input), {
    success: (d) => `Invitation created for ${d.email}`,
    onSuccess: setCreated,
  });
  return (
    <div className="space-y-4">
      <form method="post"
        className="grid gap-3 sm:grid-cols-[1fr_10rem_auto] sm:items-start"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          run({ email: String(f.get("invite-email") ?? ""), role: String(f.get("invite-role") ?? "member") as CreateInvitationInput["role"] });
        }}
      >
        <TextField id="invite-email" type="email" label="Email" placeholder="teammate@example.com" error={fields.email} required />
        <SelectField id="invite-role" label="Role" defaultValue="member" error={fields.role}>
          {roles.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </SelectField>
        <Button type="submit" disabled={pending} className="sm:mt-[1.625rem]">
          {pending ? "Inviting…" : "Invite"}
        </Button>
      </form>
      {created && (
        <div className="rounded-lg border border-accent-100 bg-accent-50/60 p-4">
          <p className="mb-2 text-sm text-zinc-700">
            Share this link with <strong>{created.email}</strong>. It works once, for 7 days, after they sign in with that email.
          </p>
          <CopyField label="Invitation link" value={created.url} testId="invitation-link" />
        </div>
      )}
    </div>
  );
}
