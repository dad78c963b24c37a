"use client";

import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { SelectField, TextField } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import type { ActionResult } from "@/lib/actions/action-result";

export function AddDomainForm({ slug, action }: { slug: string; action: (slug: string, input: { hostname: string }) => Promise<ActionResult<{ hostname: string }>> }) {
  const form = useRef<HTMLFormElement>(null);
  const { run, pending, fields } = useAction((input: { hostname: string }) => action(slug, input), { success: (d) => `${d.hostname} added`, onSuccess: () => form.current?.reset() });
  return (
    <form method="post"
      ref={form}
      noValidate
      className="grid gap-3 sm:grid-cols-[1fr_auto] sm:items-start"
      onSubmit={(e) => {
        e.preventDefault();
        run({ hostname: String(new FormData(e.currentTarget).get("hostname") ?? "") });
      }}
    >
      <TextField id="hostname" label="Domain" placeholder="go.example.com" autoComplete="off" error={fields.hostname} required />
      <Button type="submit" disabled={pending} className="sm:mt-[1.625rem]">
        {pending ? "Adding…" : "Add domain"}
      </Button>
    </form>
  );
}

export function RemoveDomainButton({ slug, id, hostname, action }: { slug: string; id: string; hostname: string; action: (slug: string, id: string) => Promise<ActionResult> }) {
  const { run, pending } = useAction(() => action(slug, id), { success: `${hostname} removed` });
  return (
    <ConfirmDialog
      trigger={<Button variant="ghost" size="sm" className="self-start sm:self-auto">Remove</Button>}
      title={`Remove ${hostname}?`}
      description="Short links can no longer be created on it. A domain that links still use cannot be removed."
      confirmLabel="Remove domain"
      pending={pending}
      onConfirm={() => run(undefined)}
    />
  );
}

type RedirectsInput = { rootUrl: string; notFoundUrl: string; rootBioPageId: string };
type RedirectsAction = (slug: string, id: string, input: RedirectsInput) => Promise<ActionResult<{ hostname: string }>>;
type RootChoice = "pennant" | "url" | "bio";

/** A published bio page the bare address can show. */
interface RootPageOption {
  id: string;
  handle: string;
  title: string;
}

/** Where the domain's bare address (Pennant's page, an address, or a bio page) and its unknown links send visitors. */
export function DomainRedirectsForm({
  slug,
  id,
  hostname,
  rootUrl,
  notFoundUrl,
  rootBioPageId,
  pages,
  action,
}: {
  slug: string;
  id: string;
  hostname: string;
  rootUrl: string | null;
  notFoundUrl: string | null;
  rootBioPageId: string | null;
  pages: RootPageOption[];
  action: RedirectsAction;
}) {
  const { run, pending, fields } = useAction((input: RedirectsInput) => action(slug, id, input), { success: (d) => `Redirects of ${d.hostname} saved` });
  const [choice, setChoice] = useState<RootChoice>(rootBioPageId ? "bio" : rootUrl ? "url" : "pennant");
  const choices: { value: RootChoice; label: string }[] = [
    { value: "pennant", label: "Pennant's page" },
    { value: "url", label: "Redirect to an address" },
    { value: "bio", label: "Show a bio page" },
  ];
  return (
    <form method="post"
      noValidate
      className="mt-3 grid gap-3 lg:grid-cols-[1fr_1fr_auto] lg:items-start"
      aria-label={`Redirects of ${hostname}`}
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        run({
          rootUrl: choice === "url" ? String(data.get("rootUrl") ?? "") : "",
          rootBioPageId: choice === "bio" ? String(data.get("rootBioPageId") ?? "") : "",
          notFoundUrl: String(data.get("notFoundUrl") ?? ""),
        });
      }}
    >
      <div className="grid gap-2">
        <fieldset>
          <legend className="mb-1.5 block text-sm font-medium text-zinc-800">{hostname}/ shows</legend>
          <div className="flex flex-wrap gap-x-4 gap-y-1">
            {choices.map((c) => (
              <label key={c.value} className="inline-flex items-center gap-1.5 text-sm text-zinc-800">
                <input type="radio" name={`rootChoice-${id}`} value={c.value} checked={choice === c.value} onChange={() => setChoice(c.value)} className="size-4 accent-accent-600" />
                {c.label}
              </label>
            ))}
          </div>
        </fieldset>
        {choice === "url" && (
          <TextField
            id={`rootUrl-${id}`}
            name="rootUrl"
            label="Address"
            placeholder="https://yourbrand.com"
            defaultValue={rootUrl ?? ""}
            error={fields.rootUrl}
            autoComplete="off"
            inputMode="url"
          />
        )}
        {choice === "bio" &&
          (pages.length === 0 ? (
            <p className="text-sm text-zinc-600">
              No published bio page yet. <a href={`/w/${slug}/bio`} className="text-accent-700 underline">Create and publish one</a>, then choose it here.
            </p>
          ) : (
            <SelectField id={`rootBioPageId-${id}`} name="rootBioPageId" label="Bio page" defaultValue={rootBioPageId ?? pages[0]?.id} error={fields.rootBioPageId} hint="Served as fast as /@handle; views count for the page.">
              {pages.map((p) => (
                <option key={p.id} value={p.id}>
                  @{p.handle} · {p.title}
                </option>
              ))}
            </SelectField>
          ))}
        {choice === "pennant" && fields.rootBioPageId && <p className="text-sm text-red-700">{fields.rootBioPageId}</p>}
      </div>
      <TextField
        id={`notFoundUrl-${id}`}
        name="notFoundUrl"
        label="Unknown links go to"
        placeholder="https://yourbrand.com/404"
        hint="Also disabled links. Empty: the 404 page."
        defaultValue={notFoundUrl ?? ""}
        error={fields.notFoundUrl}
        autoComplete="off"
        inputMode="url"
      />
      <Button type="submit" variant="secondary" disabled={pending} className="lg:mt-[1.625rem]">
        {pending ? "Saving…" : "Save redirects"}
      </Button>
    </form>
  );
}
