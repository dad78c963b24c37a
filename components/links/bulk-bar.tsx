"use client";

import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { MenuSelect } from "@/components/ui/menu-select";
import { useAction } from "@/components/ui/use-action";
import type { ActionResult } from "@/lib/actions/action-result";
import type { BulkUpdateInput } from "@/lib/links/bulk-update-links";
import type { LinkActions, Option } from "./types";

interface Props {
  slug: string;
  ids: string[];
  campaigns: Option[];
  actions: Pick<LinkActions, "bulkUpdate" | "removeMany">;
  onDone: (removed: string[]) => void;
  onClear: () => void;
}

const control = "h-8 rounded-lg border border-zinc-300 bg-white px-2 text-sm focus:border-accent-600 focus:outline-none focus:ring-2 focus:ring-accent-600";

interface Job {
  call: () => Promise<ActionResult<unknown>>;
  message: string;
  removed: string[];
}

/** One bulk call, answering the job itself so the toast can name what was done; a field error is the message. */
async function runJob(job: Job): Promise<ActionResult<Job>> {
  const r = await job.call();
  if (r.ok) return { ok: true, data: job };
  const field = r.error.fields ? Object.values(r.error.fields)[0] : undefined;
  return { ok: false, error: { code: r.error.code, message: field ?? r.error.message } };
}

/** Actions on the selected links: tag, move, disable/enable, delete. */
export function BulkBar({ slug, ids, campaigns, actions, onDone, onClear }: Props) {
  const [tag, setTag] = useState("");
  const [confirming, setConfirming] = useState(false);
  const job = useAction(runJob, {
    success: (j) => j.message,
    onSuccess: (j) => {
      setConfirming(false);
      onDone(j.removed);
    },
  });
  const pending = job.pending;
  const n = ids.length;
  const links = `${n} ${n === 1 ? "link" : "links"}`;
  const run = <T,>(call: () => Promise<ActionResult<T>>, message: string, removed: string[] = []) => job.run({ call, message, removed });
  const update = (input: Omit<BulkUpdateInput, "ids">, message: string) => run(() => actions.bulkUpdate(slug, { ids, ...input }), message);

  return (
    <div role="region" aria-label="Bulk actions" className="sticky bottom-3 z-10 flex flex-wrap items-center gap-2 rounded-xl border border-accent-100 bg-accent-50 px-3 py-2 shadow-lg">
      <span className="mr-1 text-sm font-medium text-zinc-900">{links} selected</span>
      <form method="post"
        className="flex gap-1"
        onSubmit={(e) => {
          e.preventDefault();
          const name = tag.trim();
          if (!name) return void toast.error("Type the tag to add.");
          update({ addTags: [name] }, `Tag “${name}” added to ${links}`);
          setTag("");
        }}
      >
        <input aria-label="Tag to add" placeholder="Tag" value={tag} onChange={(e) => setTag(e.target.value)} className={`${control} w-28`} />
        <Button type="submit" variant="secondary" size="sm" pending={pending}>
          Add tag
        </Button>
      </form>
      <MenuSelect
        label="Move to campaign"
        placeholder="Move to campaign…"
        value=""
        pending={pending}
        className="h-8"
        options={[...campaigns.map((c) => ({ value: c.id, label: c.name })), { value: "none", label: "No campaign" }]}
        onChange={(v) => {
          if (pending) return;
          const name = campaigns.find((c) => c.id === v)?.name;
          update({ campaignId: v === "none" ? null : v }, v === "none" ? `${links} taken out of their campaign` : `${links} moved to ${name}`);
        }}
      />
      <Button variant="secondary" size="sm" pending={pending} onClick={() => update({ disabled: true }, `${links} disabled`)}>
        Disable
      </Button>
      <Button variant="secondary" size="sm" pending={pending} onClick={() => update({ disabled: false }, `${links} enabled`)}>
        Enable
      </Button>
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        trigger={
          <Button variant="danger" size="sm" pending={pending}>
            Delete
          </Button>
        }
        title={`Delete ${links}?`}
        description="These short links stop working at once, with their QR codes. This cannot be undone."
        confirmLabel={`Delete ${links}`}
        pending={pending}
        onConfirm={() => run(() => actions.removeMany(slug, ids), `${links} deleted`, ids)}
      />
      <Button variant="ghost" size="sm" onClick={onClear} className="ml-auto">
        Clear selection
      </Button>
    </div>
  );
}
