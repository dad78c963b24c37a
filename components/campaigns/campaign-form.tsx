"use client";

import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import type { ActionResult } from "@/lib/actions/action-result";
import type { CampaignOutput, CreateCampaignInput } from "@/lib/campaigns/schemas";
import { dayToIso, isoToDay } from "./format";

const UTM_FIELDS = [
  { key: "source", label: "utm_source", placeholder: "newsletter" },
  { key: "medium", label: "utm_medium", placeholder: "email" },
  { key: "campaign", label: "utm_campaign", placeholder: "spring-sale" },
  { key: "term", label: "utm_term", placeholder: "" },
  { key: "content", label: "utm_content", placeholder: "hero-banner" },
] as const;


interface Props {
  idPrefix: string;
  campaign?: CampaignOutput;
  /** The workspace's zone: the days entered are days there. */
  timeZone: string;
  submitLabel: string;
  action: (input: CreateCampaignInput) => Promise<ActionResult<unknown>>;
  success?: string;
  onDone?: () => void;
}

/** Create or edit a campaign: name, dates, description and the UTM defaults its links inherit. */
export function CampaignForm({ idPrefix, campaign, timeZone, submitLabel, action, success, onDone }: Props) {
  const { run, pending, fields, error } = useAction(action, { success, onSuccess: () => onDone?.() });
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <form method="post"
      noValidate
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        const get = (name: string) => String(f.get(id(name)) ?? "");
        run({
          name: get("name"),
          description: get("description"),
          startsAt: dayToIso(get("starts"), false, timeZone),
          endsAt: dayToIso(get("ends"), true, timeZone),
          utm: Object.fromEntries(UTM_FIELDS.map((u) => [u.key, get(`utm-${u.key}`)])),
        });
      }}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField id={id("name")} label="Name" defaultValue={campaign?.name} placeholder="Spring sale 2026" error={fields.name} required />
        <TextField id={id("description")} label="Description (optional)" defaultValue={campaign?.description ?? ""} error={fields.description} />
        <TextField id={id("starts")} label="Starts" type="date" hint={`At 00:00, ${timeZone} time`} defaultValue={isoToDay(campaign?.startsAt, timeZone)} error={fields.startsAt} />
        <TextField id={id("ends")} label="Ends" type="date" hint={`At 23:59, ${timeZone} time`} defaultValue={isoToDay(campaign?.endsAt, timeZone)} error={fields.endsAt} />
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-zinc-800">Default UTM values</legend>
        <p className="mt-1 text-sm text-zinc-500">Every new link in this campaign starts with these; a link’s own values win.</p>
        <div className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
          {UTM_FIELDS.map((u) => (
            <TextField key={u.key} id={id(`utm-${u.key}`)} label={u.label} placeholder={u.placeholder} defaultValue={campaign?.utm[u.key] ?? ""} error={fields[`utm.${u.key}`]} />
          ))}
        </div>
      </fieldset>
      {error && !Object.keys(fields).length ? <FormAlert message={error} /> : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : submitLabel}
      </Button>
    </form>
  );
}
