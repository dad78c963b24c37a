"use client";

import { useState } from "react";
import { FieldShell, SelectField, TextField } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { SOCIAL_NETWORKS, type BioBlock, type SocialNetwork } from "@/lib/bio-pages/schemas";
import { utcToZoned, zonedToUtc } from "@/lib/bio-pages/zoned-time";
import { uploadImage } from "./upload-image";

export interface LinkOption {
  id: string;
  shortUrl: string;
  title: string | null;
}

interface Props {
  block: BioBlock;
  index: number;
  errors: Record<string, string>;
  timeZone: string;
  slug: string;
  links: LinkOption[];
  onChange: (b: BioBlock) => void;
}

const textarea = "block w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm focus:border-accent-600 focus:outline-none focus:ring-2 focus:ring-accent-600/20 aria-invalid:border-red-500";

/** The fields of one block, by type, plus the visibility and schedule every block has. */
export function BlockFields({ block, index, errors, timeZone, slug, links, onChange }: Props) {
  const id = (f: string) => `block-${block.id}-${f}`;
  const err = (f: string) => errors[`blocks.${index}.${f}`];
  const set = (patch: Record<string, unknown>) => onChange({ ...block, ...patch } as BioBlock);
  const [uploadError, setUploadError] = useState<string>();

  async function upload(file: File | undefined, field: "imageId" | "thumbnailId") {
    if (!file) return;
    setUploadError(undefined);
    const r = await uploadImage(slug, file, "image");
    if ("error" in r) setUploadError(r.error);
    else set({ [field]: r.id });
  }

  let fields: React.ReactNode = null;
  switch (block.type) {
    case "link":
      fields = (
        <>
          <TextField id={id("label")} label="Label" value={block.label} maxLength={80} error={err("label")} onChange={(e) => set({ label: e.target.value })} />
          <SelectField id={id("target")} label="Opens" value={block.linkId ? block.linkId : ""} onChange={(e) => set(e.target.value ? { linkId: e.target.value, url: null } : { linkId: null, url: block.url ?? "" })}>
            <option value="">A web address</option>
            {links.map((l) => (
              <option key={l.id} value={l.id}>
                {l.shortUrl.replace(/^https?:\/\//, "")}
                {l.title ? ` — ${l.title}` : ""}
              </option>
            ))}
          </SelectField>
          {!block.linkId && (
            <TextField id={id("url")} label="URL" type="url" placeholder="https://" value={block.url ?? ""} error={err("url")} hint="A short link is made for it, so its clicks are counted." onChange={(e) => set({ url: e.target.value })} />
          )}
        </>
      );
      break;
    case "header":
      fields = <TextField id={id("text")} label="Header" value={block.text} maxLength={80} error={err("text")} onChange={(e) => set({ text: e.target.value })} />;
      break;
    case "text":
      fields = (
        <FieldShell id={id("text")} label="Text" error={err("text")} hint="**bold**, *italic* and [links](https://example.com) work; nothing else.">
          <textarea id={id("text")} rows={4} maxLength={1000} value={block.text} aria-invalid={err("text") ? true : undefined} className={textarea} onChange={(e) => set({ text: e.target.value })} />
        </FieldShell>
      );
      break;
    case "image":
      fields = (
        <>
          <FieldShell id={id("file")} label="Image" error={uploadError ?? err("imageId")} hint="PNG, JPEG or WebP, at most 5 MB.">
            <input id={id("file")} type="file" accept="image/png,image/jpeg,image/webp" className="text-sm" onChange={(e) => void upload(e.target.files?.[0], "imageId")} />
          </FieldShell>
          <TextField id={id("alt")} label="Alt text" value={block.alt} maxLength={200} error={err("alt")} hint="What the image shows, for people who cannot see it." onChange={(e) => set({ alt: e.target.value })} />
          <TextField id={id("url")} label="Link (optional)" type="url" value={block.url ?? ""} error={err("url")} onChange={(e) => set({ url: e.target.value || null })} />
        </>
      );
      break;
    case "social":
      fields = (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-zinc-800">Profiles</legend>
          {block.items.map((item, i) => (
            <div key={i} className="flex flex-wrap items-start gap-2">
              <select aria-label={`Network ${i + 1}`} value={item.network} className="h-10 rounded-lg border border-zinc-300 px-2 text-sm" onChange={(e) => set({ items: block.items.map((x, j) => (j === i ? { ...x, network: e.target.value as SocialNetwork } : x)) })}>
                {Object.entries(SOCIAL_NETWORKS).map(([k, name]) => (
                  <option key={k} value={k}>
                    {name}
                  </option>
                ))}
              </select>
              <input
                aria-label={`${SOCIAL_NETWORKS[item.network]} address`}
                value={item.value}
                placeholder={item.network === "email" ? "you@example.com" : "https://"}
                aria-invalid={err(`items.${i}.value`) ? true : undefined}
                className="h-10 min-w-0 flex-1 rounded-lg border border-zinc-300 px-3 text-sm aria-invalid:border-red-500"
                onChange={(e) => set({ items: block.items.map((x, j) => (j === i ? { ...x, value: e.target.value } : x)) })}
              />
              <Button variant="ghost" size="sm" className="h-10" onClick={() => set({ items: block.items.filter((_, j) => j !== i) })}>
                Remove
              </Button>
              {err(`items.${i}.value`) && <p className="w-full text-sm text-red-700">{err(`items.${i}.value`)}</p>}
            </div>
          ))}
          {err("items") && <p className="text-sm text-red-700">{err("items")}</p>}
          <Button variant="secondary" size="sm" onClick={() => set({ items: [...block.items, { network: "instagram", value: "" }] })}>
            Add a profile
          </Button>
        </fieldset>
      );
      break;
    case "embed":
      fields = (
        <>
          <TextField id={id("url")} label="YouTube, Vimeo, Spotify or SoundCloud address" type="url" value={block.url} error={err("url")} hint="Nothing loads from there until a visitor presses play." onChange={(e) => set({ url: e.target.value })} />
          <TextField id={id("title")} label="Title (optional)" value={block.title ?? ""} maxLength={80} error={err("title")} onChange={(e) => set({ title: e.target.value || null })} />
        </>
      );
      break;
    case "contact":
      fields = (
        <>
          <TextField id={id("name")} label="Name (optional)" value={block.name ?? ""} maxLength={80} error={err("name")} onChange={(e) => set({ name: e.target.value || null })} />
          <TextField id={id("email")} label="Email" type="email" value={block.email ?? ""} error={err("email")} onChange={(e) => set({ email: e.target.value || null })} />
          <TextField id={id("phone")} label="Phone" type="tel" value={block.phone ?? ""} error={err("phone")} onChange={(e) => set({ phone: e.target.value || null })} />
        </>
      );
      break;
    case "subscribe":
      fields = (
        <>
          <TextField id={id("heading")} label="Heading (optional)" value={block.heading ?? ""} maxLength={80} error={err("heading")} onChange={(e) => set({ heading: e.target.value || null })} />
          <TextField id={id("consent")} label="Consent text" value={block.consentText} maxLength={300} error={err("consentText")} hint="What people agree to by ticking the box; stored with each sign-up." onChange={(e) => set({ consentText: e.target.value })} />
          <TextField id={id("button")} label="Button label (optional)" value={block.buttonLabel ?? ""} maxLength={30} error={err("buttonLabel")} onChange={(e) => set({ buttonLabel: e.target.value || null })} />
        </>
      );
      break;
  }
  const toLocal = (iso: string | null) => (iso ? utcToZoned(iso, timeZone) : "");
  const fromLocal = (v: string) => (v ? zonedToUtc(v, timeZone) : null);
  return (
    <div className="space-y-4">
      {fields}
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField id={id("starts")} label={`Show from (${timeZone})`} type="datetime-local" value={toLocal(block.startsAt)} error={err("startsAt")} onChange={(e) => set({ startsAt: fromLocal(e.target.value) })} />
        <TextField id={id("ends")} label={`Show until (${timeZone})`} type="datetime-local" value={toLocal(block.endsAt)} error={err("endsAt")} onChange={(e) => set({ endsAt: fromLocal(e.target.value) })} />
      </div>
    </div>
  );
}
