"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import type { ActionResult } from "@/lib/auth/guards";

interface Props {
  workspace: { slug: string; name: string; timeZone: string };
  timeZones: string[];
  canEdit: boolean;
  action: (slug: string, input: { name?: string; slug?: string; timeZone?: string }) => Promise<ActionResult<{ slug: string }>>;
}

export function WorkspaceForm({ workspace, timeZones, canEdit, action }: Props) {
  const router = useRouter();
  const { run, pending, fields } = useAction((input: { name: string; slug: string; timeZone: string }) => action(workspace.slug, input), {
    success: "Workspace saved",
    onSuccess: (data) => {
      if (data.slug !== workspace.slug) router.replace(`/w/${data.slug}/settings`);
      else router.refresh();
    },
  });
  return (
    <form
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        run({ name: String(f.get("name") ?? ""), slug: String(f.get("slug") ?? ""), timeZone: String(f.get("timeZone") ?? "") });
      }}
    >
      <TextField id="name" label="Workspace name" defaultValue={workspace.name} disabled={!canEdit} error={fields.name} required />
      <TextField id="slug" label="Workspace URL" defaultValue={workspace.slug} disabled={!canEdit} error={fields.slug} hint={`Dashboard address: /w/${workspace.slug}`} required />
      <SelectField id="timeZone" label="Time zone" defaultValue={workspace.timeZone} disabled={!canEdit} error={fields.timeZone} hint="Analytics count days, weeks and months in this zone, and dates across the workspace are shown in it.">
        {timeZones.map((z) => (
          <option key={z} value={z}>
            {z}
          </option>
        ))}
      </SelectField>
      {canEdit ? (
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save changes"}
        </Button>
      ) : (
        <p className="text-sm text-zinc-500">Only owners and admins can rename the workspace.</p>
      )}
    </form>
  );
}
