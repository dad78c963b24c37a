"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import { ShortLink } from "./short-link";
import type { ActionResult } from "@/lib/actions/action-result";
import type { ChannelLinkSetInput } from "@/lib/campaigns/schemas";
import type { ChannelOutput } from "@/lib/channels/schemas";
import type { LinkOutput } from "@/lib/links/schemas";

interface Props {
  slug: string;
  campaignId: string;
  channels: ChannelOutput[];
  action: (slug: string, id: string, input: ChannelLinkSetInput) => Promise<ActionResult<LinkOutput[]>>;
}

/** One destination, a checkbox per channel: one short link per channel, shown with copy buttons. */
export function ChannelLinkSetForm({ slug, campaignId, channels, action }: Props) {
  const [created, setCreated] = useState<LinkOutput[]>([]);
  const { run, pending, fields, error } = useAction((input: ChannelLinkSetInput) => action(slug, campaignId, input), {
    success: (links) => `${links.length} link${links.length === 1 ? "" : "s"} created`,
    onSuccess: setCreated,
  });
  const channelName = new Map(channels.map((c) => [c.id, c.name]));
  return (
    <div className="space-y-5">
      <form method="post"
        noValidate
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          run({ url: String(f.get("set-url") ?? ""), channelIds: f.getAll("set-channel").map(String) });
        }}
      >
        <TextField id="set-url" label="Destination URL" placeholder="https://shop.example/spring" error={fields.url} inputMode="url" required />
        <fieldset>
          <legend className="text-sm font-medium text-zinc-800">Channels</legend>
          <div className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-4">
            {channels.map((c) => (
              <label key={c.id} className="flex min-w-0 cursor-pointer items-center gap-2 rounded-lg border border-zinc-200 bg-white px-3 py-2 text-sm hover:bg-zinc-50 has-[:checked]:border-accent-600 has-[:checked]:bg-accent-50">
                <input type="checkbox" name="set-channel" value={c.id} className="size-4 accent-accent-600" />
                <span className="truncate">{c.name}</span>
              </label>
            ))}
          </div>
          {fields.channelIds ? (
            <p className="mt-1.5 text-sm text-red-700" role="alert">
              {fields.channelIds}
            </p>
          ) : null}
        </fieldset>
        {error && !Object.keys(fields).length ? <FormAlert message={error} /> : null}
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create links"}
        </Button>
      </form>
      {created.length ? (
        <div className="rounded-lg border border-emerald-200 bg-emerald-50/60 p-4" data-testid="link-set-result">
          <p className="text-sm font-medium text-emerald-900">Your links, one per channel:</p>
          <ul className="mt-3 space-y-3">
            {created.map((l) => {
              const name = (l.channelId && channelName.get(l.channelId)) || l.title || l.slug;
              return (
                <li key={l.id} className="space-y-1" data-testid="link-set-item">
                  <p className="text-sm font-medium text-zinc-900">{name}</p>
                  <ShortLink label={`Short link for ${name}`} url={l.shortUrl} />
                  <p className="break-all text-xs text-zinc-500" data-testid="final-url">
                    → {l.finalUrl}
                  </p>
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
