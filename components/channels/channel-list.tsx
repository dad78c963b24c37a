"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { BarChart3 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useAction } from "@/components/ui/use-action";
import { cn } from "@/components/ui/cn";
import type { ActionResult } from "@/lib/actions/action-result";
import { CHANNEL_KIND_LABELS, CHANNEL_KINDS } from "@/lib/channels/kinds";
import type { ChannelOutput, CreateChannelInput, UpdateChannelInput } from "@/lib/channels/schemas";

const input = "h-9 w-full min-w-0 rounded-lg border border-zinc-300 bg-white px-2.5 text-sm focus:border-accent-600 focus:outline-none focus:ring-2 focus:ring-accent-600 aria-invalid:border-red-500";
const GRID = "grid grid-cols-2 gap-x-3 gap-y-2 sm:grid-cols-[minmax(0,1.2fr)_minmax(0,1.2fr)_minmax(0,1fr)_minmax(0,1fr)_auto] sm:items-start sm:gap-3";

function Err({ message }: { message?: string }) {
  return message ? <p className="mt-1 text-xs text-red-700" role="alert">{message}</p> : null;
}

function Labelled({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <span aria-hidden className="mb-1 block text-xs font-medium text-zinc-600 sm:hidden">{label}</span>
      {children}
    </div>
  );
}

type Values = Pick<ChannelOutput, "name" | "kind" | "utmSource" | "utmMedium">;
const FIELDS = ["name", "kind", "utmSource", "utmMedium"] as const;

interface EditorProps {
  slug: string;
  channels: ChannelOutput[];
  update: (slug: string, id: string, input: UpdateChannelInput) => Promise<ActionResult>;
  remove: (slug: string, id: string) => Promise<ActionResult>;
}

/** The channel's own dashboard view: its links' clicks, whatever campaign they belong to. */
export function ChannelAnalytics({ slug, channel }: { slug: string; channel: Pick<ChannelOutput, "id" | "name"> }) {
  return (
    <Link
      href={`/w/${slug}/analytics?channel=${encodeURIComponent(channel.id)}`}
      prefetch={false}
      className="inline-flex h-9 items-center rounded-lg px-2.5 text-accent-700 hover:bg-zinc-100"
      title={`Analytics of ${channel.name}`}
      aria-label={`Analytics of ${channel.name}`}
    >
      <BarChart3 aria-hidden className="size-4" />
    </Link>
  );
}

function DeleteChannel({ slug, channel, remove }: { slug: string; channel: ChannelOutput; remove: EditorProps["remove"] }) {
  const del = useAction(() => remove(slug, channel.id), { success: `${channel.name} deleted` });
  return (
    <ConfirmDialog
      trigger={
        <Button variant="ghost" size="sm" aria-label={`Delete ${channel.name}`}>
          Delete
        </Button>
      }
      title={`Delete ${channel.name}?`}
      description="Links already made for it keep working and keep their UTM values; it just disappears from the channel list."
      confirmLabel="Delete channel"
      pending={del.pending}
      onConfirm={() => del.run(undefined)}
    />
  );
}

/**
 * Every channel in one form with one save: only the rows changed are sent,
 * each through the same action as before; a row the server refuses keeps its
 * edits and shows why, and the first field to fix gets focus.
 */
export function ChannelEditor({ slug, channels, update, remove }: EditorProps) {
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<Record<string, Values>>(() => Object.fromEntries(channels.map((c) => [c.id, pick(c)])));
  // Channels added or deleted since: take the server's list, keeping edits to rows still there.
  const known = channels.map((c) => c.id).join();
  const [seen, setSeen] = useState(known);
  if (seen !== known) {
    setSeen(known);
    setValues((v) => Object.fromEntries(channels.map((c) => [c.id, v[c.id] ?? pick(c)])));
  }
  const original = new Map(channels.map((c) => [c.id, pick(c)]));
  const changed = channels.filter((c) => FIELDS.some((f) => values[c.id]?.[f] !== original.get(c.id)?.[f]));

  const save = useAction(
    async (rows: { id: string; name: string; input: Values }[]): Promise<ActionResult<number>> => {
      const fields: Record<string, string> = {};
      let saved = 0;
      for (const row of rows) {
        const r = await update(slug, row.id, row.input);
        if (r.ok) saved++;
        else for (const [k, m] of Object.entries(r.error.fields ?? { name: r.error.message })) fields[`${row.id}.${k}`] = m;
      }
      if (Object.keys(fields).length === 0) return { ok: true, data: saved };
      const failed = new Set(Object.keys(fields).map((k) => k.split(".")[0])).size;
      return { ok: false, error: { code: "validation_failed", message: `${saved ? `Saved ${saved}; ` : ""}${failed} ${failed === 1 ? "channel needs" : "channels need"} a fix.`, fields } };
    },
    { success: (n) => `Saved ${n} ${n === 1 ? "channel" : "channels"}` },
  );
  useEffect(() => {
    if (Object.keys(save.fields).length) form.current?.querySelector<HTMLElement>("[aria-invalid='true']")?.focus();
  }, [save.fields]);

  const set = (id: string, key: keyof Values, value: string) => setValues((v) => ({ ...v, [id]: { ...v[id]!, [key]: value } }));
  const err = (id: string, key: string) => save.fields[`${id}.${key}`];

  return (
    <form method="post"
      ref={form}
      noValidate
      aria-label="Channels"
      onSubmit={(e) => {
        e.preventDefault();
        if (!save.pending && changed.length) save.run(changed.map((c) => ({ id: c.id, name: c.name, input: values[c.id]! })));
      }}
    >
      <div className={cn(GRID, "hidden border-b border-zinc-200 pb-2 text-xs font-medium uppercase tracking-wide text-zinc-600 sm:grid")}>
        <span>Name</span>
        <span>Kind</span>
        <span>utm_source</span>
        <span>utm_medium</span>
        <span className="w-[6.75rem]" />
      </div>
      <ul className="divide-y divide-zinc-100">
        {channels.map((c) => {
          const v = values[c.id] ?? pick(c);
          return (
            <li key={c.id} className={cn("py-3", changed.includes(c) && "bg-accent-50/40")} data-testid="channel-row">
              <div role="group" aria-label={c.name} className={GRID}>
                <Labelled label="Name">
                  <input aria-label={`Name of ${c.name}`} value={v.name} onChange={(e) => set(c.id, "name", e.target.value)} className={input} aria-invalid={err(c.id, "name") ? true : undefined} />
                  <Err message={err(c.id, "name")} />
                </Labelled>
                <Labelled label="Kind">
                  <select aria-label={`Kind of ${c.name}`} value={v.kind} onChange={(e) => set(c.id, "kind", e.target.value)} className={input}>
                    {CHANNEL_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {CHANNEL_KIND_LABELS[k]}
                      </option>
                    ))}
                  </select>
                  <Err message={err(c.id, "kind")} />
                </Labelled>
                <Labelled label="utm_source">
                  <input aria-label={`UTM source of ${c.name}`} value={v.utmSource} onChange={(e) => set(c.id, "utmSource", e.target.value)} className={cn(input, "font-mono")} aria-invalid={err(c.id, "utmSource") ? true : undefined} />
                  <Err message={err(c.id, "utmSource")} />
                </Labelled>
                <Labelled label="utm_medium">
                  <input aria-label={`UTM medium of ${c.name}`} value={v.utmMedium} onChange={(e) => set(c.id, "utmMedium", e.target.value)} className={cn(input, "font-mono")} aria-invalid={err(c.id, "utmMedium") ? true : undefined} />
                  <Err message={err(c.id, "utmMedium")} />
                </Labelled>
                <div className="col-span-2 flex items-center justify-end gap-1 sm:col-span-1 sm:justify-start">
                  <ChannelAnalytics slug={slug} channel={c} />
                  <DeleteChannel slug={slug} channel={c} remove={remove} />
                </div>
              </div>
            </li>
          );
        })}
      </ul>
      <div data-sticky-bottom className="sticky bottom-0 z-10 -mx-5 mt-2 flex flex-col gap-2 border-t border-zinc-200 bg-white/95 px-5 py-3 backdrop-blur sm:-mx-6 sm:flex-row sm:items-center sm:justify-end sm:px-6">
        <p className="text-sm text-zinc-600 sm:mr-auto" role="status">
          {save.error ?? (changed.length ? `${changed.length} unsaved ${changed.length === 1 ? "change" : "changes"}` : "All changes saved")}
        </p>
        {changed.length > 0 && (
          <Button variant="secondary" onClick={() => setValues(Object.fromEntries(channels.map((c) => [c.id, pick(c)])))}>
            Discard
          </Button>
        )}
        <Button type="submit" pending={save.pending} aria-disabled={changed.length === 0 || save.pending || undefined}>
          {save.pending ? "Saving…" : "Save changes"}
        </Button>
      </div>
    </form>
  );
}

function pick(c: ChannelOutput): Values {
  return { name: c.name, kind: c.kind, utmSource: c.utmSource, utmMedium: c.utmMedium };
}

export function AddChannelForm({ slug, action }: { slug: string; action: (slug: string, input: CreateChannelInput) => Promise<ActionResult> }) {
  const form = useRef<HTMLFormElement>(null);
  const { run, pending, fields } = useAction((i: CreateChannelInput) => action(slug, i), { success: "Channel added", onSuccess: () => form.current?.reset() });
  return (
    <form method="post"
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
        <Button type="submit" size="sm" pending={pending} className="w-full sm:w-[7.5rem]">
          {pending ? "Adding…" : "Add channel"}
        </Button>
      </div>
    </form>
  );
}
