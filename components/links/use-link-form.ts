"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState, type RefObject } from "react";
import { useAction } from "@/components/ui/use-action";
import { parseDestination, withUtm, type UtmKey } from "@/lib/links/url";
import type { LinkOutput, UpdateLinkInput } from "@/lib/links/schemas";
import { linkFormDefaults, toLinkInput, type LinkFormState } from "./link-form-state";
import type { LinkActions } from "./types";

export type SectionId = "utm" | "limits" | "targeting" | "social" | "notes";

/** Which section holds a field the server named, to open it when that field needs a fix. */
export function sectionOf(field: string): SectionId | null {
  if (field.startsWith("utm")) return "utm";
  if (["expiresAt", "expiredUrl", "maxClicks", "password"].includes(field)) return "limits";
  if (["redirectType", "ios", "android"].includes(field) || field.startsWith("geo")) return "targeting";
  if (field.startsWith("og")) return "social";
  if (field === "notes" || field === "description") return "notes";
  return null;
}

interface Options {
  slug: string;
  domain: string;
  link?: LinkOutput;
  initialUrl?: string;
  actions: Pick<LinkActions, "create" | "update" | "duplicate" | "remove">;
  /** The form, to focus its first invalid field after a refused save. */
  formRef: RefObject<HTMLFormElement | null>;
}

/** The link form's state and actions; the sections only render it. */
export function useLinkForm({ slug, domain, link, initialUrl, actions, formRef }: Options) {
  const router = useRouter();
  const list = `/w/${slug}/links`;
  const [s, setS] = useState<LinkFormState>(() => linkFormDefaults(link, initialUrl));
  const [chosenDomain, setChosenDomain] = useState(domain);
  const [open, setOpen] = useState<Set<SectionId>>(new Set());
  const set = <K extends keyof LinkFormState>(key: K, value: LinkFormState[K]) => setS((prev) => ({ ...prev, [key]: value }));
  const setUtm = (key: UtmKey, value: string) => setS((prev) => ({ ...prev, utm: { ...prev.utm, [key]: value } }));
  const toggle = (id: SectionId, on: boolean) =>
    setOpen((o) => {
      const next = new Set(o);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  // A refused save: open the sections holding the fields named, then focus the first of them.
  const [focusInvalid, setFocusInvalid] = useState(0);
  const save = useAction((input: { s: LinkFormState; domain: string }) => {
    const fields = toLinkInput(input.s, Boolean(link));
    return link ? actions.update(slug, link.id, fields as UpdateLinkInput) : actions.create(slug, { ...fields, url: input.s.url, domain: input.domain });
  }, {
    success: (d) => (link ? `Saved ${d.shortUrl}` : `Short link created: ${d.shortUrl}`),
    onSuccess: () => router.push(list),
    onError: (e) => {
      const names = Object.keys(e.fields ?? {});
      if (names.length === 0) return;
      setOpen((o) => new Set([...o, ...names.map(sectionOf).filter((x): x is SectionId => x !== null)]));
      setFocusInvalid((n) => n + 1);
    },
  });
  const duplicate = useAction((id: string) => actions.duplicate(slug, id), { success: (d) => `Duplicated as ${d.shortUrl}`, onSuccess: (d) => router.push(`${list}/${d.id}`) });
  const remove = useAction((id: string) => actions.remove(slug, id), { success: link ? `Deleted ${link.shortUrl}` : undefined, onSuccess: () => router.push(list) });

  useEffect(() => {
    if (focusInvalid) formRef.current?.querySelector<HTMLElement>("[aria-invalid='true']")?.focus();
  }, [focusInvalid, formRef]);

  const parsed = s.url.trim() ? parseDestination(s.url) : null;
  const finalUrl = parsed instanceof URL ? withUtm(parsed.href, s.utm) : null;
  const pending = save.pending || duplicate.pending || remove.pending;
  const invalid = (id: SectionId) => Object.keys(save.fields).some((f) => sectionOf(f) === id);

  return {
    s,
    set,
    setUtm,
    chosenDomain,
    setChosenDomain,
    open,
    toggle,
    invalid,
    fields: save.fields,
    error: save.error && Object.keys(save.fields).length ? `${save.error.replace(/^[\w.]+: /, "")} Fix the fields marked in red.` : save.error,
    pending,
    saving: save.pending,
    finalUrl,
    urlProblem: parsed && !(parsed instanceof URL) ? parsed.error : null,
    submit: (e: React.FormEvent) => {
      e.preventDefault();
      if (!pending) save.run({ s, domain: chosenDomain });
    },
    duplicate: () => link && duplicate.run(link.id),
    remove: () => link && remove.run(link.id),
    list,
  };
}

export type LinkFormModel = ReturnType<typeof useLinkForm>;
