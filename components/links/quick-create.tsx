"use client";

import Link from "next/link";
import { useRef, useState } from "react";
import { Link2, SlidersHorizontal } from "lucide-react";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-action";
import type { ActionResult } from "@/lib/actions/action-result";
import type { LinkOutput } from "@/lib/links/schemas";
import { copyShortLink } from "./copy-short-link";
import type { LinkActions } from "./types";

/** The one-step create: paste, Enter, the short link is on the clipboard. */
export function QuickCreate({ slug, create, onCreated }: { slug: string; create: LinkActions["create"]; onCreated: (link: LinkOutput) => void }) {
  const [url, setUrl] = useState("");
  const [empty, setEmpty] = useState(false);
  // The address being shortened: Enter again on it does nothing, while a new one
  // pasted meanwhile is taken at once (the button is never disabled, so no Enter is lost).
  const inFlight = useRef<string | null>(null);
  const { run, pending, fields, error: failed } = useAction(
    async (value: string): Promise<ActionResult<{ link: LinkOutput; sent: string }>> => {
      const result = await create(slug, { url: value });
      return result.ok ? { ok: true, data: { link: result.data, sent: value } } : result;
    },
    {
      toastErrors: false,
      onSuccess: ({ link, sent }) => {
        if (inFlight.current === sent) inFlight.current = null;
        // Cleared only if it still holds what was sent: an address pasted meanwhile stays.
        setUrl((current) => (current.trim() === sent ? "" : current));
        onCreated(link);
        // Not awaited: the box is ready for the next address while the clipboard answers.
        void copyShortLink(link.shortUrl);
      },
      onError: () => {
        inFlight.current = null;
      },
    },
  );
  const error = empty ? "Paste the web address you want to shorten." : (fields.url ?? failed);

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const value = url.trim();
    setEmpty(!value);
    if (!value || (pending && inFlight.current === value)) return;
    inFlight.current = value;
    run(value);
  }

  const more = `/w/${slug}/links/new${url.trim() ? `?url=${encodeURIComponent(url.trim())}` : ""}`;
  return (
    // Before the page's script has run, Enter opens the full form with the address filled in.
    <form method="get" action={`/w/${slug}/links/new`} onSubmit={submit} noValidate className="rounded-xl border border-zinc-200 bg-white p-4 shadow-sm sm:p-5">
      <label htmlFor="quick-url" className="block text-sm font-medium text-zinc-800">
        Paste a URL to shorten
      </label>
      <div className="mt-2 flex flex-col gap-2 sm:flex-row">
        <div className="relative min-w-0 flex-1">
          <Link2 aria-hidden className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-zinc-400" />
          <input
            id="quick-url"
            name="url"
            type="url"
            inputMode="url"
            autoComplete="off"
            placeholder="https://example.com/a-long-page?with=parameters"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "quick-url-error" : "quick-url-hint"}
            className="block h-11 w-full rounded-lg border border-zinc-300 bg-white pl-9 pr-3 text-sm text-zinc-900 placeholder:text-zinc-400 focus:border-accent-600 focus:outline-none focus:ring-2 focus:ring-accent-600 aria-invalid:border-red-500"
          />
        </div>
        <div className="flex gap-2">
          <Button type="submit" size="lg" aria-disabled={pending || undefined} className="flex-1 sm:flex-none">
            {pending ? "Shortening…" : "Shorten"}
          </Button>
          <Button asChild variant="secondary" size="lg" className="flex-1 whitespace-nowrap sm:flex-none">
            <Link href={more}>
              <SlidersHorizontal aria-hidden className="hidden size-4 sm:block" /> More options
            </Link>
          </Button>
        </div>
      </div>
      {error ? (
        <p id="quick-url-error" role="alert" className="mt-2 text-sm text-red-700">
          {error}
        </p>
      ) : (
        <p id="quick-url-hint" className="mt-2 text-sm text-zinc-500">
          Press Enter: the short link is created and copied to your clipboard.
        </p>
      )}
    </form>
  );
}
