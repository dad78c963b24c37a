"use client";

import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useAction } from "@/components/ui/use-action";
import { cn } from "@/components/ui/cn";
import type { ActionResult } from "@/lib/actions/action-result";
import { CHANNEL_KIND_LABELS, CHANNEL_KINDS, type ChannelOutput, type CreateChannelInput, type UpdateChannelInput } from "@/lib/channels/schemas";

const input = "h-9 w-full min-w-0 rounded-lg border border-zinc-300 bg-white px-2.5 text-sm focus:border-accent-600 focus:outline-none focus:ring-2 focus:ring-accent-600/20 aria-invalid:border-red-500";
const GRID = "grid grid-cols-2 gap-x-3 gap-y-2 sm:grid-cols-[minmax(0,1.2fr)_minmax(0,1.2fr)_minmax(0,1fr)_minmax(0,1fr)_auto] sm:items-start sm:gap-3";

function Err({ message }: { message?: string }) {
  return message ? <p className="mt-1 text-xs text-red-700" role="alert">{message}</p> : null;
}

function Labelled({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <span className="mb-1 block text-xs font-medium text-zinc-500 sm:hidden">{label}</span>
      {children}
    </div>
  );
}

interface RowProps {
  slug: string;
  channel: ChannelOutput;
  update: (slug: string, id: string, input: UpdateChannelInput) => Promise<ActionResult>;
  remove: (slug: string, id: string) => Promise<ActionResult>;
}

function ChannelRow({ slug, channel, update, remove }: RowProps) {
  const save = useAction((i: UpdateChannelInput) => update(slug, channel.id, i), { success: `${channel.name} saved` });
  const del = useAction(() => remove(slug, channel.id), { success: `${channel.name} deleted` });
  return (
    <li className="py-4" data-testid="channel-row">
      <form
        noValidate
        aria-label={channel.name}
        className={GRID}
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          save.run({ name: String(f.get("name")), kind: String(f.get("kind")) as ChannelOutput["kind"], utmSource: String(f.get("utmSource")), utmMedium: String(f.get("utmMedium")) });
        }}
      >
        <Labelled label="Name">
          <input name="name" aria-label={`Name of ${channel.name}`} defaultValue={channel.name} className={input} aria-invalid={save.fields.name ? true : undefined} />
          <Err message={save.fields.name} />
        </Labelled>
        <Labelled label="Kind">
          <select name="kind" aria-label={`Kind of ${channel.name}`} defaultValue={channel.kind} className={input}>
            {CHANNEL_KINDS.map((k) => (
              <option key={k} value={k}>
                {CHANNEL_KIND_LABELS[k]}
              </option>
            ))}
          </select>
          <Err message={save.fields.kind} />
        </Labelled>
        <Labelled label="utm_source">
          <input name="utmSource" aria-label={`UTM source of ${channel.name}`} defaultValue={channel.utmSource} className={cn(input, "font-mono")} aria-invalid={save.fields.utmSource ? true : undefined} />
          <Err message={save.fields.utmSource} />
        </Labelled>
        <Labelled label="utm_medium">
          <input name="utmMedium" aria-label={`UTM medium of ${channel.name}`} defaultValue={channel.utmMedium} className={cn(input, "font-mono")} aria-invalid={save.fields.utmMedium ? true : undefined} />
          <Err message={save.fields.utmMedium} />
        </Labelled>
        <div className="col-span-2 flex justify-end gap-1 sm:col-span-1 sm:justify-start">
          <Button type="submit" variant="secondary" size="sm" disabled={save.pending} aria-label={`Save ${channel.name}`}>
            {save.pending ? "Saving…" : "Save"}
          </Button>
          <ConfirmDialog
            trigger={<Button variant="ghost" size="sm" aria-label={`Delete ${channel.name}`}>Delete</Button>}
            title={`Delete ${channel.name}?`}
            description="Links already made for it keep working and keep their UTM values; it just disappears from the channel list."
            confirmLabel="Delete channel"
            pending={del.pending}
            onConfirm={() => del.run(undefined)}
          />
        </div>
      </form>
    </li>
  );
}

/** Every channel as an editable row (people with channels.manage). */
export function ChannelEditor({ slug, channels, update, remove }: { slug: string; channels: ChannelOutput[] } & Omit<RowProps, "channel" | "slug">) {
  return (
    <div>
      <div className={cn(GRID, "hidden border-b border-zinc-200 pb-2 text-xs font-medium uppercase tracking-wide text-zinc-500 sm:grid")}>
        <span>Name</span>
        <span>Kind</span>
        <span>utm_source</span>
        <span>utm_medium</span>
        <span className="w-[7.5rem]" />
      </div>
      <ul className="divide-y divide-zinc-100">
        {channels.map((c) => (
          <ChannelRow key={c.id} slug={slug} channel={c} update={update} remove={remove} />
        ))}
      </ul>
    </div>
  );
}

export function AddChannelForm({ slug, action }: { slug: string; action: (slug: string, input: CreateChannelInput) => Promise<ActionResult> }) {
  const form = useRef<HTMLFormElement>(null);
  const { run, pending, fields } = useAction((i: CreateChannelInput) => action(slug, i), { success: "Channel added", onSuccess: () => form.current?.reset() });
  return (
    <form
      ref={form}
      noValidate
      className={GRID}
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        run({ name: String(f.get("name")), kind: String(f.get("kind")) as ChannelOutput["kind"], utmSource: String(f.get("utmSource")), utmMedium: String(f.get("utmMedium")) });
      }}
    >
      <Labelled label="Name">
        <input name="name" aria-label="New channel name" placeholder="Mastodon" className={input} />
        <Err message={fields.name} />
      </Labelled>
      <Labelled label="Kind">
        <select name="kind" aria-label="New channel kind" defaultValue="social_media" className={input}>
          {CHANNEL_KINDS.map((k) => (
            <option key={k} value={k}>
              {CHANNEL_KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </Labelled>
      <Labelled label="utm_source">
        <input name="utmSource" aria-label="New channel UTM source" placeholder="mastodon" className={cn(input, "font-mono")} />
        <Err message={fields.utmSource} />
      </Labelled>
      <Labelled label="utm_medium">
        <input name="utmMedium" aria-label="New channel UTM medium" placeholder="social" className={cn(input, "font-mono")} />
        <Err message={fields.utmMedium} />
      </Labelled>
      <div className="col-span-2 sm:col-span-1">
        <Button type="submit" size="sm" disabled={pending} className="w-full sm:w-[7.5rem]">
          {pending ? "Adding…" : "Add channel"}
        </Button>
      </div>
    </form>
  );
}
