"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import type { ActionResult } from "@/lib/actions/action-result";

interface Props {
  workspace: { slug: string; name: string; timeZone: string; rawClickRetentionDays: number | null };
  timeZones: string[];
  canEdit: boolean;
  action: (slug: string, input: { name?: string; slug?: string; timeZone?: string; rawClickRetentionDays?: number | null }) => Promise<ActionResult<{ slug: string }>>;
}

/** The retention choices Settings offers (the API takes any number of days from 1 to 3650). */
const RETENTION = [null, 30, 90, 180, 365, 730] as const;

export function WorkspaceForm({ workspace, timeZones, canEdit, action }: Props) {
  const router = useRouter();
  const { run, pending, fields } = useAction((input: { name: string; slug: string; timeZone: string; rawClickRetentionDays: number | null }) => action(workspace.slug, input), {
    success: "Workspace saved",
    onSuccess: (data) => {
      if (data.slug !== workspace.slug) router.replace(`/w/${data.slug}/settings`);
      else router.refresh();
    },
  });
  return (
    <form method="post"
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        run({ name: String(f.get("name") ?? ""), slug: String(f.get("slug") ?? ""), timeZone: String(f.get("timeZone") ?? ""), rawClickRetentionDays: f.get("rawClickRetentionDays") ? Number(f.get("rawClickRetentionDays")) : null });
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
      <SelectField
        id="rawClickRetentionDays"
        label="Keep raw clicks"
        defaultValue={workspace.rawClickRetentionDays === null ? "" : String(workspace.rawClickRetentionDays)}
        disabled={!canEdit}
        error={fields.rawClickRetentionDays}
        hint="Older raw clicks (CSV exports of single clicks) are deleted once a day. Dashboard totals stay: they are kept by hour."
      >
        {[...(RETENTION.includes(workspace.rawClickRetentionDays as (typeof RETENTION)[number]) ? [] : [workspace.rawClickRetentionDays]), ...RETENTION].map((d) => (
          <option key={String(d)} value={d === null ? "" : String(d)}>
            {d === null ? "Forever" : `${d} days`}
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
