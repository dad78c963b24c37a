"use client";

import { createBioPageAction } from "@/app/w/[slug]/bio/actions";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { useAction } from "@/components/ui/use-action";

/** Handle and title: the page is made as a draft and the editor opens. */
export function NewBioPageForm({ slug }: { slug: string }) {
  const { run, pending, fields, error } = useAction((input: { handle: string; title: string }) => createBioPageAction(slug, input));
  return (
    <form method="post"
      noValidate
      className="grid gap-4 sm:grid-cols-[1fr_1fr_auto] sm:items-start"
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        run({ handle: String(f.get("handle") ?? ""), title: String(f.get("title") ?? "") });
      }}
    >
      <TextField id="handle" label="Handle" placeholder="acme" hint="3–30 letters, digits, _ or . — the page lives at /@handle." error={fields.handle} autoComplete="off" />
      <TextField id="title" label="Title" placeholder="Acme Coffee" error={fields.title} />
      <div className="sm:pt-7">
        <Button type="submit" disabled={pending} className="w-full sm:w-auto">
          {pending ? "Creating…" : "Create page"}
        </Button>
      </div>
      {error && !Object.keys(fields).length && (
        <div className="sm:col-span-3">
          <FormAlert message={error} />
        </div>
      )}
    </form>
  );
}
