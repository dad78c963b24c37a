"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { useAction } from "@/components/ui/use-action";
import type { ActionResult } from "@/lib/actions/action-result";

export function CreateWorkspaceForm({ action }: { action: (input: { name: string; slug?: string }) => Promise<ActionResult<{ slug: string }>> }) {
  const router = useRouter();
  const { run, pending, fields, error } = useAction(action, {
    success: "Workspace created",
    onSuccess: (d) => router.push(`/w/${d.slug}/links`),
  });
  return (
    <form method="post"
      noValidate
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        run({ name: String(f.get("name") ?? ""), slug: String(f.get("slug") ?? "") });
      }}
    >
      {!fields.name && !fields.slug && <FormAlert message={error} />}
      <TextField id="name" label="Workspace name" placeholder="Acme Marketing" error={fields.name} required autoFocus />
      <TextField id="slug" label="Workspace URL (optional)" placeholder="acme-marketing" hint="Lowercase letters, digits and dashes. Leave empty to derive it from the name." error={fields.slug} />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Creating…" : "Create workspace"}
      </Button>
    </form>
  );
}
