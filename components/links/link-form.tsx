"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { CopyPlus, Plus, Trash2, X } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { CopyField } from "@/components/ui/copy-field";
import { FieldShell, SelectField, TextField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { parseDestination, UTM_KEYS, withUtm, type UtmKey } from "@/lib/links/destination";
import { REDIRECT_TYPES, type LinkOutput, type UpdateLinkInput } from "@/lib/links/schemas";
import { linkFormDefaults, toLinkInput, type LinkFormState } from "./link-form-state";
import type { LinkActions, Option } from "./types";

interface Props {
  slug: string;
  domain: string;
  /** Every domain a new link can go on: the default first, then the workspace's own. */
  domains?: string[];
  campaigns: Option[];
  link?: LinkOutput;
  initialUrl?: string;
  actions: Pick<LinkActions, "create" | "update" | "duplicate" | "remove">;
}

const REDIRECT_LABELS: Record<(typeof REDIRECT_TYPES)[number], string> = {
  301: "301 · moved permanently",
  302: "302 · temporary (default)",
  307: "307 · temporary, keeps the method",
  308: "308 · permanent, keeps the method",
};
const UTM_HINTS: Record<UtmKey, string> = { source: "newsletter, linkedin", medium: "email, social, cpc", campaign: "summer-sale", term: "running shoes", content: "hero-button" };
const textarea =
  "block w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm text-zinc-900 placeholder:text-zinc-400 focus:border-accent-600 focus:outline-none focus:ring-2 focus:ring-accent-600/20 aria-invalid:border-red-500";
const check = "size-4 accent-accent-600";

/** Create and edit in one form; the final URL is shown before saving. */
export function LinkForm({ slug, domain, domains = [domain], campaigns, link, initialUrl, actions }: Props) {
  const router = useRouter();
  const [s, setS] = useState<LinkFormState>(() => linkFormDefaults(link, initialUrl));
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const [chosenDomain, setChosenDomain] = useState(domain);
  const set = <K extends keyof LinkFormState>(key: K, value: LinkFormState[K]) => setS((prev) => ({ ...prev, [key]: value }));
  const setUtm = (key: UtmKey, value: string) => setS((prev) => ({ ...prev, utm: { ...prev.utm, [key]: value } }));
  const list = `/w/${slug}/links`;

  const parsed = s.url.trim() ? parseDestination(s.url) : null;
  const finalUrl = parsed instanceof URL ? withUtm(parsed.href, s.utm) : null;

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const input = toLinkInput(s, Boolean(link));
    startTransition(async () => {
      setFields({});
      setError(undefined);
      const r = link ? await actions.update(slug, link.id, input as UpdateLinkInput) : await actions.create(slug, { ...input, url: s.url, domain: chosenDomain });
      if (!r.ok) {
        setFields(r.error.fields ?? {});
        setError(r.error.fields ? `${r.error.message.replace(/^[\w.]+: /, "")} Fix the fields marked in red.` : r.error.message);
        return;
      }
      toast.success(link ? `Saved ${r.data.shortUrl}` : `Short link created: ${r.data.shortUrl}`);
      router.push(list);
    });
  }
  function duplicate() {
    if (!link) return;
    startTransition(async () => {
      const r = await actions.duplicate(slug, link.id);
      if (!r.ok) return void toast.error(r.error.message);
      toast.success(`Duplicated as ${r.data.shortUrl}`);
      router.push(`${list}/${r.data.id}`);
    });
  }
  function remove() {
    if (!link) return;
    startTransition(async () => {
      const r = await actions.remove(slug, link.id);
      if (!r.ok) return void toast.error(r.error.message);
      toast.success(`Deleted ${link.shortUrl}`);
      router.push(list);
    });
  }

  const err = (key: string) => fields[key];
  const geoError = (code: string) => fields[`geo.${code}`] ?? fields[`geo.${code.trim().toUpperCase()}`];

  return (
    <form onSubmit={submit} noValidate className="space-y-5">
      {link && (
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" size="sm" onClick={duplicate} disabled={pending}>
            <CopyPlus aria-hidden className="size-4" /> Duplicate
          </Button>
          <ConfirmDialog
            trigger={
              <Button variant="secondary" size="sm" disabled={pending}>
                <Trash2 aria-hidden className="size-4" /> Delete
              </Button>
            }
            title={`Delete ${link.shortUrl.replace(/^https?:\/\//, "")}?`}
            description="The short link stops working at once, and its QR codes with it. This cannot be undone."
            confirmLabel="Delete link"
            pending={pending}
            onConfirm={remove}
          />
        </div>
      )}

      <Card className="space-y-4">
        <CardTitle>Destination</CardTitle>
        <TextField id="url" label="Destination URL" type="url" inputMode="url" placeholder="https://example.com/page" value={s.url} onChange={(e) => set("url", e.target.value)} error={err("url")} autoFocus={!link} />
        {link ? (
          <FieldShell id="short-url" label="Short link" hint="The short link stays the same when you change the destination.">
            <CopyField label="Short link" value={link.shortUrl} testId="edit-short-url" />
          </FieldShell>
        ) : (
          <FieldShell id="slug" label="Short link" error={err("slug")} hint="Leave empty for a random slug.">
            <div className="flex">
              {domains.length > 1 ? (
                <select
                  aria-label="Domain"
                  value={chosenDomain}
                  onChange={(e) => setChosenDomain(e.target.value)}
                  className="h-10 max-w-[55%] truncate rounded-l-lg border border-r-0 border-zinc-300 bg-zinc-50 px-2 text-sm text-zinc-700"
                  data-testid="domain-select"
                >
                  {domains.map((d) => (
                    <option key={d} value={d}>
                      {d}/
                    </option>
                  ))}
                </select>
              ) : (
                <span className="inline-flex h-10 max-w-[55%] items-center truncate rounded-l-lg border border-r-0 border-zinc-300 bg-zinc-50 px-3 text-sm text-zinc-600" data-testid="domain-prefix">
                  {domain}/
                </span>
              )}
              <input
                id="slug"
                name="slug"
                placeholder="summer-sale"
                value={s.slug}
                onChange={(e) => set("slug", e.target.value)}
                aria-invalid={err("slug") ? true : undefined}
                aria-describedby={err("slug") ? "slug-error" : "slug-hint"}
                className="block h-10 min-w-0 flex-1 rounded-r-lg border border-zinc-300 bg-white px-3 text-sm focus:border-accent-600 focus:outline-none focus:ring-2 focus:ring-accent-600/20 aria-invalid:border-red-500"
              />
            </div>
          </FieldShell>
        )}
        <div className="rounded-lg border border-zinc-200 bg-zinc-50 px-3 py-2" aria-live="polite">
          <p className="text-xs font-medium uppercase tracking-wide text-zinc-500">Final URL (where visitors land)</p>
          <p className="mt-1 break-all font-mono text-sm text-zinc-900" data-testid="final-url">
            {finalUrl ?? (parsed && !(parsed instanceof URL) ? parsed.error : "Enter a destination to see it here.")}
          </p>
        </div>
      </Card>

      <Card className="space-y-4">
        <CardTitle>Details</CardTitle>
        <TextField id="title" label="Title" value={s.title} onChange={(e) => set("title", e.target.value)} error={err("title")} />
        <FieldShell id="description" label="Description" error={err("description")}>
          <textarea id="description" rows={2} className={textarea} value={s.description} onChange={(e) => set("description", e.target.value)} aria-invalid={err("description") ? true : undefined} />
        </FieldShell>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField id="tags" label="Tags" placeholder="spring, newsletter" hint="Separate tags with commas." value={s.tags} onChange={(e) => set("tags", e.target.value)} error={err("tags") ?? Object.entries(fields).find(([k]) => k.startsWith("tags."))?.[1]} />
          <SelectField id="campaignId" label="Campaign" value={s.campaignId} onChange={(e) => set("campaignId", e.target.value)} error={err("campaignId")} hint={campaigns.length ? "New links take the campaign's UTM values unless set below." : "No campaigns yet."}>
            <option value="">No campaign</option>
            {campaigns.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </SelectField>
        </div>
      </Card>

      <Card className="space-y-4">
        <div>
          <CardTitle>UTM parameters</CardTitle>
          <CardDescription>Added to the destination so analytics tools know where visitors came from.</CardDescription>
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          {UTM_KEYS.map((k) => (
            <TextField key={k} id={`utm-${k}`} label={`UTM ${k}`} placeholder={UTM_HINTS[k]} value={s.utm[k]} onChange={(e) => setUtm(k, e.target.value)} error={err(`utm.${k}`)} />
          ))}
        </div>
      </Card>

      <Card className="space-y-4">
        <CardTitle>Limits and access</CardTitle>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField id="expiresAt" label="Expires at (UTC)" type="datetime-local" value={s.expiresAt} onChange={(e) => set("expiresAt", e.target.value)} error={err("expiresAt")} />
          <TextField id="expiredUrl" label="URL after expiry" type="url" placeholder="https://example.com/offer-ended" value={s.expiredUrl} onChange={(e) => set("expiredUrl", e.target.value)} error={err("expiredUrl")} />
          <TextField id="maxClicks" label="Maximum clicks" type="number" min={1} step={1} inputMode="numeric" value={s.maxClicks} onChange={(e) => set("maxClicks", e.target.value)} error={err("maxClicks")} hint="Empty for no limit." />
          <div className="space-y-2">
            <TextField
              id="password"
              label={link?.hasPassword ? "New password" : "Password"}
              type="password"
              autoComplete="new-password"
              value={s.password}
              disabled={s.removePassword}
              onChange={(e) => set("password", e.target.value)}
              error={err("password")}
              hint={link?.hasPassword ? "This link is password protected. Leave empty to keep the password." : "Visitors must enter it first. Empty for none."}
            />
            {link?.hasPassword && (
              <label className="flex items-center gap-2 text-sm text-zinc-700">
                <input type="checkbox" className={check} checked={s.removePassword} onChange={(e) => set("removePassword", e.target.checked)} /> Remove the password
              </label>
            )}
          </div>
        </div>
        <div className="flex flex-col gap-2 sm:flex-row sm:gap-6">
          <label className="flex items-center gap-2 text-sm text-zinc-700">
            <input type="checkbox" className={check} checked={s.disabled} onChange={(e) => set("disabled", e.target.checked)} /> Disabled (answers “not found”)
          </label>
          <label className="flex items-center gap-2 text-sm text-zinc-700">
            <input type="checkbox" className={check} checked={s.archived} onChange={(e) => set("archived", e.target.checked)} /> Archived (hidden from the list)
          </label>
        </div>
      </Card>

      <Card className="space-y-4">
        <CardTitle>Redirect and targeting</CardTitle>
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField id="redirectType" label="Redirect type" value={s.redirectType} onChange={(e) => set("redirectType", e.target.value)} error={err("redirectType")}>
            {REDIRECT_TYPES.map((t) => (
              <option key={t} value={t}>
                {REDIRECT_LABELS[t]}
              </option>
            ))}
          </SelectField>
          <label className="flex items-center gap-2 self-end pb-2 text-sm text-zinc-700">
            <input type="checkbox" className={check} checked={s.forwardQuery} onChange={(e) => set("forwardQuery", e.target.checked)} /> Forward query parameters
          </label>
          <TextField id="ios" label="iOS URL" type="url" placeholder="https://apps.apple.com/…" value={s.ios} onChange={(e) => set("ios", e.target.value)} error={err("ios")} />
          <TextField id="android" label="Android URL" type="url" placeholder="https://play.google.com/…" value={s.android} onChange={(e) => set("android", e.target.value)} error={err("android")} />
        </div>
        <fieldset className="min-w-0 space-y-2">
          <legend className="text-sm font-medium text-zinc-800">Country targets</legend>
          {fields.geo && <p className="text-sm text-red-700" role="alert">{fields.geo}</p>}
          {s.geo.map((row, i) => (
            <div key={row.key} className="space-y-1">
              <div className="flex gap-2">
                <input
                  aria-label={`Country code ${i + 1}`}
                  placeholder="DE"
                  maxLength={2}
                  value={row.code}
                  onChange={(e) => set("geo", s.geo.map((g) => (g.key === row.key ? { ...g, code: e.target.value } : g)))}
                  aria-invalid={geoError(row.code) ? true : undefined}
                  className="h-10 w-16 rounded-lg border border-zinc-300 px-3 text-sm uppercase aria-invalid:border-red-500"
                />
                <input
                  aria-label={`URL for country ${i + 1}`}
                  type="url"
                  placeholder="https://example.de/"
                  value={row.url}
                  onChange={(e) => set("geo", s.geo.map((g) => (g.key === row.key ? { ...g, url: e.target.value } : g)))}
                  aria-invalid={geoError(row.code) ? true : undefined}
                  className="h-10 min-w-0 flex-1 rounded-lg border border-zinc-300 px-3 text-sm aria-invalid:border-red-500"
                />
                <Button variant="ghost" className="px-2" aria-label={`Remove country ${i + 1}`} onClick={() => set("geo", s.geo.filter((g) => g.key !== row.key))}>
                  <X aria-hidden className="size-4" />
                </Button>
              </div>
              {geoError(row.code) && (
                <p className="text-sm text-red-700" role="alert">
                  {geoError(row.code)}
                </p>
              )}
            </div>
          ))}
          <Button variant="secondary" size="sm" onClick={() => set("geo", [...s.geo, { key: crypto.randomUUID(), code: "", url: "" }])}>
            <Plus aria-hidden className="size-4" /> Add country
          </Button>
        </fieldset>
      </Card>

      <Card className="space-y-4">
        <div>
          <CardTitle>Social preview</CardTitle>
          <CardDescription>What chat apps and social networks show when the short link is shared.</CardDescription>
        </div>
        <TextField id="og-title" label="Preview title" value={s.ogTitle} onChange={(e) => set("ogTitle", e.target.value)} error={err("og.title")} />
        <FieldShell id="og-description" label="Preview description" error={err("og.description")}>
          <textarea id="og-description" rows={2} className={textarea} value={s.ogDescription} onChange={(e) => set("ogDescription", e.target.value)} />
        </FieldShell>
        <TextField id="og-image" label="Preview image URL" type="url" placeholder="https://example.com/card.png" value={s.ogImage} onChange={(e) => set("ogImage", e.target.value)} error={err("og.image")} />
      </Card>

      <Card className="space-y-4">
        <CardTitle>Notes</CardTitle>
        <FieldShell id="notes" label="Notes for your team" error={err("notes")}>
          <textarea id="notes" rows={3} className={textarea} value={s.notes} onChange={(e) => set("notes", e.target.value)} />
        </FieldShell>
      </Card>

      <div className="space-y-3 border-t border-zinc-200 pt-4 sm:sticky sm:bottom-0 sm:rounded-xl sm:border sm:bg-zinc-50/95 sm:px-4 sm:py-3 sm:backdrop-blur">
        <FormAlert message={error} />
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button asChild variant="secondary">
            <Link href={list}>Cancel</Link>
          </Button>
          <Button type="submit" disabled={pending}>
            {pending ? "Saving…" : link ? "Save changes" : "Create link"}
          </Button>
        </div>
      </div>
    </form>
  );
}
