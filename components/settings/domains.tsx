"use client";

import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TextField } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import type { ActionResult } from "@/lib/actions/action-result";

export function AddDomainForm({ slug, action }: { slug: string; action: (slug: string, input: { hostname: string }) => Promise<ActionResult<{ hostname: string }>> }) {
  const form = useRef<HTMLFormElement>(null);
  const { run, pending, fields } = useAction((input: { hostname: string }) => action(slug, input), { success: (d) => `${d.hostname} added`, onSuccess: () => form.current?.reset() });
  return (
    <form
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

type RedirectsAction = (slug: string, id: string, input: { rootUrl: string; notFoundUrl: string }) => Promise<ActionResult<{ hostname: string }>>;

/** Where the domain's bare address and its unknown links send visitors. */
export function DomainRedirectsForm({
  slug,
  id,
  hostname,
  rootUrl,
  notFoundUrl,
  action,
}: {
  slug: string;
  id: string;
  hostname: string;
  rootUrl: string | null;
  notFoundUrl: string | null;
  action: RedirectsAction;
}) {
  const { run, pending, fields } = useAction((input: { rootUrl: string; notFoundUrl: string }) => action(slug, id, input), { success: (d) => `Redirects of ${d.hostname} saved` });
  return (
    <form
      noValidate
      className="mt-3 grid gap-3 lg:grid-cols-[1fr_1fr_auto] lg:items-start"
      aria-label={`Redirects of ${hostname}`}
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        run({ rootUrl: String(data.get("rootUrl") ?? ""), notFoundUrl: String(data.get("notFoundUrl") ?? "") });
      }}
    >
      <TextField
        id={`rootUrl-${id}`}
        name="rootUrl"
        label={`${hostname}/ goes to`}
        placeholder="https://yourbrand.com"
        hint="Empty: Pennant's page."
        defaultValue={rootUrl ?? ""}
        error={fields.rootUrl}
        autoComplete="off"
        inputMode="url"
      />
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
