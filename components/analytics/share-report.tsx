"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Share2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-field";
import { formatMoment } from "@/components/ui/format-date";
import { useAction } from "@/components/ui/use-action";
import type { ActionResult } from "@/lib/actions/action-result";

interface Props {
  slug: string;
  kind: "campaign" | "link";
  targetId: string;
  /** The app's public address, for the link shown. */
  origin: string;
  shared: { id: string; createdAt: string }[];
  /** The workspace's zone, for the dates shown. */
  timeZone: string;
  createAction: (slug: string, input: { kind: "campaign" | "link"; targetId: string }) => Promise<ActionResult<{ id: string; token: string }>>;
  revokeAction: (slug: string, input: { id: string }) => Promise<ActionResult>;
}

/** Share this campaign's or link's dashboard read-only: a secret link, shown once, revocable. */
export function ShareReport({ slug, kind, targetId, origin, shared, timeZone, createAction, revokeAction }: Props) {
  const router = useRouter();
  const [url, setUrl] = useState<string | null>(null);
  const create = useAction((input: { kind: "campaign" | "link"; targetId: string }) => createAction(slug, input), {
    success: "Report link created",
    onSuccess: (d) => {
      setUrl(`${origin}/share/${d.token}`);
      router.refresh();
    },
  });
  const revoke = useAction((input: { id: string }) => revokeAction(slug, input), { success: "Report link revoked", onSuccess: () => router.refresh() });
  return (
    <section aria-label="Share this report" className="rounded-xl border border-zinc-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h2 className="text-sm font-semibold text-zinc-900">Share read-only</h2>
          <p className="text-xs text-zinc-600">Anyone with the link sees this {kind}&apos;s figures, nothing else of the workspace, and can change nothing.</p>
        </div>
        <Button variant="secondary" size="sm" disabled={create.pending} onClick={() => create.run({ kind, targetId })}>
          <Share2 aria-hidden className="mr-1.5 size-4" /> Create a report link
        </Button>
      </div>
      {url ? (
        <div className="mt-3" data-testid="share-url">
          <CopyField label="Report link (shown once)" value={url} />
        </div>
      ) : null}
      {shared.length ? (
        <ul className="mt-3 divide-y divide-zinc-100 text-sm">
          {shared.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center justify-between gap-x-3 py-1.5">
              <span className="text-zinc-700">
                Report link created <time dateTime={s.createdAt}>{formatMoment(s.createdAt, timeZone)}</time>
              </span>
              <Button variant="ghost" size="sm" disabled={revoke.pending} aria-label={`Revoke the report link created ${formatMoment(s.createdAt, timeZone)}`} onClick={() => revoke.run({ id: s.id })}>
                Revoke
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
