"use client";

import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
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

const control = "h-8 rounded-lg border border-zinc-300 bg-white px-2 text-sm focus:border-accent-600 focus:outline-none focus:ring-2 focus:ring-accent-600/20";

/** Actions on the selected links: tag, move, disable/enable, delete. */
export function BulkBar({ slug, ids, campaigns, actions, onDone, onClear }: Props) {
  const [pending, startTransition] = useTransition();
  const [tag, setTag] = useState("");
  const [confirming, setConfirming] = useState(false);
  const n = ids.length;
  const links = `${n} ${n === 1 ? "link" : "links"}`;

  function run<T>(call: () => Promise<ActionResult<T>>, message: string, removed: string[] = []) {
    startTransition(async () => {
      const r = await call();
      if (!r.ok) return void toast.error(r.error.fields ? Object.values(r.error.fields)[0] : r.error.message);
      toast.success(message);
      setConfirming(false);
      onDone(removed);
    });
  }
  const update = (input: Omit<BulkUpdateInput, "ids">, message: string) => run(() => actions.bulkUpdate(slug, { ids, ...input }), message);

  return (
    <div role="region" aria-label="Bulk actions" className="flex flex-wrap items-center gap-2 rounded-xl border border-accent-100 bg-accent-50 px-3 py-2">
      <span className="mr-1 text-sm font-medium text-zinc-900">{links} selected</span>
      <form
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
        <Button type="submit" variant="secondary" size="sm" disabled={pending}>
          Add tag
        </Button>
      </form>
      <select
        aria-label="Move to campaign"
        value=""
        disabled={pending}
        className={control}
        onChange={(e) => {
          const v = e.target.value;
          if (!v) return;
          const name = campaigns.find((c) => c.id === v)?.name;
          update({ campaignId: v === "none" ? null : v }, v === "none" ? `${links} taken out of their campaign` : `${links} moved to ${name}`);
        }}
      >
        <option value="">Move to campaign…</option>
        {campaigns.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
        <option value="none">No campaign</option>
      </select>
      <Button variant="secondary" size="sm" disabled={pending} onClick={() => update({ disabled: true }, `${links} disabled`)}>
        Disable
      </Button>
      <Button variant="secondary" size="sm" disabled={pending} onClick={() => update({ disabled: false }, `${links} enabled`)}>
        Enable
      </Button>
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        trigger={
          <Button variant="danger" size="sm" disabled={pending}>
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
