"use client";

import { Plus, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-field";
import { Disclosure } from "@/components/ui/disclosure";
import { FieldShell, SelectField, TextField } from "@/components/ui/field";
import { IconButton } from "@/components/ui/icon-button";
import { UTM_KEYS, type UtmKey } from "@/lib/links/url";
import type { LinkOutput } from "@/lib/links/schemas";
import { REDIRECT_TYPES } from "@/lib/links/statuses";
import type { Option } from "./types";
import type { LinkFormModel, SectionId } from "./use-link-form";

const REDIRECT_LABELS: Record<(typeof REDIRECT_TYPES)[number], string> = {
  301: "301 · moved permanently",
  302: "302 · temporary (default)",
  307: "307 · temporary, keeps the method",
  308: "308 · permanent, keeps the method",
};
const UTM_HINTS: Record<UtmKey, string> = { source: "newsletter, linkedin", medium: "email, social, cpc", campaign: "summer-sale", term: "running shoes", content: "hero-button" };
export const textarea =
  "block w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm text-zinc-900 placeholder:text-zinc-500 focus:border-accent-600 focus:outline-none focus:ring-2 focus:ring-accent-600 aria-invalid:border-red-500";
const check = "size-4 accent-accent-600";
const input = "h-10 rounded-lg border border-zinc-300 px-3 text-sm focus:border-accent-600 focus:outline-none focus:ring-2 focus:ring-accent-600 aria-invalid:border-red-500";

interface SectionProps {
  f: LinkFormModel;
}

/** Destination, short link and the fields most links need: always open. */
export function EssentialFields({ f, link, domain, domains, campaigns }: SectionProps & { link?: LinkOutput; domain: string; domains: string[]; campaigns: Option[] }) {
  const { s, set, fields } = f;
  return (
    <div className="space-y-4 p-5 sm:p-6">
      <TextField id="url" label="Destination URL" type="url" inputMode="url" placeholder="https://example.com/page" value={s.url} onChange={(e) => set("url", e.target.value)} error={fields.url} autoFocus={!link} />
      {link ? (
        <FieldShell id="short-url" label="Short link" hint="The short link stays the same when you change the destination.">
          <CopyField label="Short link" value={link.shortUrl} testId="edit-short-url" />
        </FieldShell>
      ) : (
        <FieldShell id="slug" label="Short link" error={fields.slug} hint="Leave empty for a random slug.">
          <div className="flex">
            {domains.length > 1 ? (
              <select
                aria-label="Domain"
                value={f.chosenDomain}
                onChange={(e) => f.setChosenDomain(e.target.value)}
                className="h-10 max-w-[55%] truncate rounded-l-lg border border-r-0 border-zinc-300 bg-zinc-50 px-2 text-sm text-zinc-700 focus:outline-none focus:ring-2 focus:ring-accent-600"
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
              aria-invalid={fields.slug ? true : undefined}
              aria-describedby={fields.slug ? "slug-error" : "slug-hint"}
              className={`${input} block min-w-0 flex-1 rounded-l-none bg-white`}
            />
          </div>
        </FieldShell>
      )}
      <div className="rounded-lg border border-zinc-200 bg-zinc-50 px-3 py-2" aria-live="polite">
        <p className="text-xs font-medium uppercase tracking-wide text-zinc-600">Final URL (where visitors land)</p>
        <p className="mt-1 break-all font-mono text-sm text-zinc-900" data-testid="final-url">
          {f.finalUrl ?? f.urlProblem ?? "Enter a destination to see it here."}
        </p>
      </div>
      <TextField id="title" label="Title" placeholder="For your team: what this link is for" value={s.title} onChange={(e) => set("title", e.target.value)} error={fields.title} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField id="tags" label="Tags" placeholder="spring, newsletter" hint="Separate tags with commas." value={s.tags} onChange={(e) => set("tags", e.target.value)} error={fields.tags ?? Object.entries(fields).find(([k]) => k.startsWith("tags."))?.[1]} />
        <SelectField id="campaignId" label="Campaign" value={s.campaignId} onChange={(e) => set("campaignId", e.target.value)} error={fields.campaignId} hint={campaigns.length ? "New links take the campaign's UTM values unless set below." : "No campaigns yet."}>
          <option value="">No campaign</option>
          {campaigns.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
      </div>
    </div>
  );
}

function section(f: LinkFormModel, id: SectionId) {
  return { id: `section-${id}`, open: f.open.has(id), onOpenChange: (on: boolean) => f.toggle(id, on), invalid: f.invalid(id) };
}

export function UtmSection({ f }: SectionProps) {
  const set = UTM_KEYS.filter((k) => f.s.utm[k].trim());
  return (
    <Disclosure title="UTM parameters" summary={set.length ? set.map((k) => `utm_${k}=${f.s.utm[k].trim()}`).join(" · ") : "None"} {...section(f, "utm")}>
      <p className="text-sm text-zinc-600">Added to the destination so analytics tools know where visitors came from.</p>
      <div className="grid gap-4 sm:grid-cols-2">
        {UTM_KEYS.map((k) => (
          <TextField key={k} id={`utm-${k}`} label={`UTM ${k}`} placeholder={UTM_HINTS[k]} value={f.s.utm[k]} onChange={(e) => f.setUtm(k, e.target.value)} error={f.fields[`utm.${k}`]} />
        ))}
      </div>
    </Disclosure>
  );
}

export function LimitsSection({ f, link }: SectionProps & { link?: LinkOutput }) {
  const { s, set, fields } = f;
  const summary = [
    s.expiresAt && `Expires ${s.expiresAt.replace("T", " ")} UTC`,
    s.maxClicks.trim() && `At most ${s.maxClicks.trim()} clicks`,
    (s.password || (link?.hasPassword && !s.removePassword)) && "Password",
    s.disabled && "Disabled",
    s.archived && "Archived",
  ].filter(Boolean);
  return (
    <Disclosure title="Expiry, limits and password" summary={summary.length ? summary.join(" · ") : "None"} {...section(f, "limits")}>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField id="expiresAt" label="Expires at (UTC)" type="datetime-local" value={s.expiresAt} onChange={(e) => set("expiresAt", e.target.value)} error={fields.expiresAt} />
        <TextField id="expiredUrl" label="URL after expiry" type="url" placeholder="https://example.com/offer-ended" value={s.expiredUrl} onChange={(e) => set("expiredUrl", e.target.value)} error={fields.expiredUrl} />
        <TextField id="maxClicks" label="Maximum clicks" type="number" min={1} step={1} inputMode="numeric" value={s.maxClicks} onChange={(e) => set("maxClicks", e.target.value)} error={fields.maxClicks} hint="Empty for no limit." />
        <div className="space-y-2">
          <TextField
            id="password"
            label={link?.hasPassword ? "New password" : "Password"}
            type="password"
            autoComplete="new-password"
            value={s.password}
            disabled={s.removePassword}
            onChange={(e) => set("password", e.target.value)}
            error={fields.password}
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
    </Disclosure>
  );
}

export function TargetingSection({ f }: SectionProps) {
  const { s, set, fields } = f;
  const geoError = (code: string) => fields[`geo.${code}`] ?? fields[`geo.${code.trim().toUpperCase()}`];
  const summary = [
    s.redirectType !== "302" && `${s.redirectType} redirect`,
    !s.forwardQuery && "Query not forwarded",
    s.ios.trim() && "iOS",
    s.android.trim() && "Android",
    s.geo.length > 0 && `${s.geo.length} ${s.geo.length === 1 ? "country" : "countries"}`,
  ].filter(Boolean);
  return (
    <Disclosure title="Redirect and targeting" summary={summary.length ? summary.join(" · ") : "302, query forwarded"} {...section(f, "targeting")}>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField id="redirectType" label="Redirect type" value={s.redirectType} onChange={(e) => set("redirectType", e.target.value)} error={fields.redirectType}>
          {REDIRECT_TYPES.map((t) => (
            <option key={t} value={t}>
              {REDIRECT_LABELS[t]}
            </option>
          ))}
        </SelectField>
        <label className="flex items-center gap-2 self-end pb-2 text-sm text-zinc-700">
          <input type="checkbox" className={check} checked={s.forwardQuery} onChange={(e) => set("forwardQuery", e.target.checked)} /> Forward query parameters
        </label>
        <TextField id="ios" label="iOS URL" type="url" placeholder="https://apps.apple.com/…" value={s.ios} onChange={(e) => set("ios", e.target.value)} error={fields.ios} />
        <TextField id="android" label="Android URL" type="url" placeholder="https://play.google.com/…" value={s.android} onChange={(e) => set("android", e.target.value)} error={fields.android} />
      </div>
      <fieldset className="min-w-0 space-y-2">
        <legend className="text-sm font-medium text-zinc-800">Country targets</legend>
        {fields.geo && (
          <p className="text-sm text-red-700" role="alert">
            {fields.geo}
          </p>
        )}
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
                className={`${input} w-16 uppercase`}
              />
              <input
                aria-label={`URL for country ${i + 1}`}
                type="url"
                placeholder="https://example.de/"
                value={row.url}
                onChange={(e) => set("geo", s.geo.map((g) => (g.key === row.key ? { ...g, url: e.target.value } : g)))}
                aria-invalid={geoError(row.code) ? true : undefined}
                className={`${input} min-w-0 flex-1`}
              />
              <IconButton label={`Remove country ${i + 1}`} tip="Remove" className="h-10" onClick={() => set("geo", s.geo.filter((g) => g.key !== row.key))}>
                <X aria-hidden className="size-4" />
              </IconButton>
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
    </Disclosure>
  );
}

export function SocialSection({ f }: SectionProps) {
  const { s, set, fields } = f;
  const summary = [s.ogTitle.trim() && "Title", s.ogDescription.trim() && "Description", s.ogImage.trim() && "Image"].filter(Boolean);
  return (
    <Disclosure title="Social preview" summary={summary.length ? summary.join(" · ") : "From the destination"} {...section(f, "social")}>
      <p className="text-sm text-zinc-600">What chat apps and social networks show when the short link is shared.</p>
      <TextField id="og-title" label="Preview title" value={s.ogTitle} onChange={(e) => set("ogTitle", e.target.value)} error={fields["og.title"]} />
      <FieldShell id="og-description" label="Preview description" error={fields["og.description"]}>
        <textarea id="og-description" rows={2} className={textarea} value={s.ogDescription} onChange={(e) => set("ogDescription", e.target.value)} aria-invalid={fields["og.description"] ? true : undefined} />
      </FieldShell>
      <TextField id="og-image" label="Preview image URL" type="url" placeholder="https://example.com/card.png" value={s.ogImage} onChange={(e) => set("ogImage", e.target.value)} error={fields["og.image"]} />
    </Disclosure>
  );
}

export function NotesSection({ f }: SectionProps) {
  const { s, set, fields } = f;
  const summary = [s.description.trim() && "Description", s.notes.trim() && "Notes"].filter(Boolean);
  return (
    <Disclosure title="Description and notes" summary={summary.length ? summary.join(" · ") : "None"} {...section(f, "notes")}>
      <FieldShell id="description" label="Description" error={fields.description}>
        <textarea id="description" rows={2} className={textarea} value={s.description} onChange={(e) => set("description", e.target.value)} aria-invalid={fields.description ? true : undefined} />
      </FieldShell>
      <FieldShell id="notes" label="Notes for your team" error={fields.notes}>
        <textarea id="notes" rows={3} className={textarea} value={s.notes} onChange={(e) => set("notes", e.target.value)} aria-invalid={fields.notes ? true : undefined} />
      </FieldShell>
    </Disclosure>
  );
}
