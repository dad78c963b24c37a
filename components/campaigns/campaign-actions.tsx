"use client";

import { useState } from "react";
import { Pencil } from "lucide-react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useAction } from "@/components/ui/use-action";
import type { ActionResult } from "@/lib/actions/action-result";
import type { CampaignOutput, CreateCampaignInput } from "@/lib/campaigns/schemas";
import { CampaignForm } from "./campaign-form";

interface Props {
  slug: string;
  campaign: CampaignOutput;
  timeZone: string;
  update: (slug: string, id: string, input: CreateCampaignInput) => Promise<ActionResult>;
  remove: (slug: string, id: string) => Promise<ActionResult>;
}

/** Edit (inline form) and delete (with confirmation) for one campaign. */
export function CampaignActions({ slug, campaign, timeZone, update, remove }: Props) {
  const [editing, setEditing] = useState(false);
  const del = useAction(() => remove(slug, campaign.id), { success: `${campaign.name} deleted` });
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" size="sm" onClick={() => setEditing((v) => !v)} aria-expanded={editing}>
          <Pencil aria-hidden className="size-4" /> {editing ? "Close editor" : "Edit campaign"}
        </Button>
        <ConfirmDialog
          trigger={<Button variant="ghost" size="sm">Delete campaign</Button>}
          title={`Delete ${campaign.name}?`}
          description={
            campaign.linkCount
              ? `Its ${campaign.linkCount} link${campaign.linkCount === 1 ? "" : "s"} keep working and keep their UTM values; they just no longer belong to a campaign.`
              : "It has no links. This cannot be undone."
          }
          confirmLabel="Delete campaign"
          pending={del.pending}
          onConfirm={() => del.run(undefined)}
        />
      </div>
      {editing ? (
        <div className="rounded-lg border border-zinc-200 bg-zinc-50/60 p-4">
          <CampaignForm idPrefix="edit" campaign={campaign} timeZone={timeZone} submitLabel="Save changes" success="Campaign saved" action={(input) => update(slug, campaign.id, input)} onDone={() => setEditing(false)} />
        </div>
      ) : null}
    </div>
  );
}
