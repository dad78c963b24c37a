"use client";

import { useRouter } from "next/navigation";
import { Link2, QrCode } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { SearchForm } from "@/components/ui/search-form";
import { useAction } from "@/components/ui/use-action";
import type { ActionResult } from "@/lib/actions/action-result";

type Input = { url: string } | { linkId: string };
interface Props {
  slug: string;
  q: string;
  links: { id: string; shortUrl: string; title: string | null; url: string }[];
  action: (slug: string, input: Input) => Promise<ActionResult<{ linkId: string }>>;
}

/** Paste a URL or pick a link; the code is created at once and opens in the designer. */
export function NewQrCode({ slug, q, links, action }: Props) {
  const router = useRouter();
  const { run, pending, fields } = useAction((input: Input) => action(slug, input), {
    success: "QR code created",
    onSuccess: (d) => router.push(`/w/${slug}/qr/${d.linkId}`),
  });
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card>
        <CardTitle>From a web address</CardTitle>
        <CardDescription>Paste where the code should lead. Pennant makes a short link for it.</CardDescription>
        <form method="post"
          className="mt-4 space-y-4"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!pending) run({ url: String(new FormData(e.currentTarget).get("url") ?? "") });
          }}
        >
          <TextField id="url" label="Destination URL" type="url" inputMode="url" placeholder="https://example.com/spring-sale" error={fields.url} required />
          <Button type="submit" aria-disabled={pending}>
            <QrCode aria-hidden className="size-4" /> {pending ? "Creating…" : "Create QR code"}
          </Button>
        </form>
      </Card>
      <Card>
        <CardTitle>From one of your links</CardTitle>
        <CardDescription>The code encodes the link you pick.</CardDescription>
        <SearchForm action={`/w/${slug}/qr/new`} className="mt-4" name="q" label="Search your links" placeholder="Search by slug, title or destination" defaultValue={q} />
        {links.length === 0 ? (
          <p className="mt-4 text-sm text-zinc-600">{q ? "No link matches. Try another search, or paste a web address." : "No links yet: paste a web address instead."}</p>
        ) : (
          <ul className="mt-3 divide-y divide-zinc-100" aria-label="Your links">
            {links.map((l) => (
              <li key={l.id} className="flex items-center gap-3 py-2">
                <Link2 aria-hidden className="size-4 shrink-0 text-zinc-400" />
                <div className="min-w-0 flex-1">
                  <p className="truncate text-sm font-medium">{l.title || l.shortUrl.replace(/^https?:\/\//, "")}</p>
                  <p className="truncate text-xs text-zinc-600">{l.url}</p>
                </div>
                <Button type="button" size="sm" variant="secondary" aria-disabled={pending} aria-label={`Create a QR code for ${l.shortUrl}`} onClick={() => !pending && run({ linkId: l.id })}>
                  Create
                </Button>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
