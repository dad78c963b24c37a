"use client";

import { useTransition } from "react";
import { toast } from "sonner";
import { deleteSubscribersAction } from "@/app/w/[slug]/bio/actions";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

interface Subscriber {
  id: string;
  email: string;
  consentedAt: string;
}

/** Who signed up through the page's subscribe blocks; export as CSV, delete one or all. */
export function SubscribersPanel({ slug, id, subscribers, more, canEdit, timeZone }: { slug: string; id: string; subscribers: Subscriber[]; more: boolean; canEdit: boolean; timeZone: string }) {
  const [pending, startTransition] = useTransition();
  const remove = (subscriberId?: string) =>
    startTransition(async () => {
      const r = await deleteSubscribersAction(slug, id, subscriberId);
      if (r.ok) toast.success(r.data === 1 ? "Subscriber deleted." : `${r.data} subscribers deleted.`);
      else toast.error(r.error.message);
    });
  const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone });
  return (
    <Card className="space-y-3">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <CardTitle>Subscribers</CardTitle>
          <CardDescription>Email addresses from the page&apos;s subscribe blocks, with the time they agreed ({timeZone}).</CardDescription>
        </div>
        {subscribers.length > 0 && (
          <div className="flex gap-2">
            <Button asChild variant="secondary" size="sm">
              <a href={`/w/${slug}/bio/${id}/subscribers.csv`}>Export CSV</a>
            </Button>
            {canEdit && (
              <ConfirmDialog trigger={<Button variant="danger" size="sm">Delete all</Button>} title="Delete every subscriber of this page?" description="This cannot be undone." confirmLabel="Delete all" pending={pending} onConfirm={() => remove()} />
            )}
          </div>
        )}
      </div>
      {subscribers.length === 0 ? (
        <p className="text-sm text-zinc-600">No subscribers yet. Add a subscribe block and publish the page.</p>
      ) : (
        <ul className="divide-y divide-zinc-100 text-sm" data-testid="subscribers">
          {subscribers.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span className="font-medium text-zinc-900">{s.email}</span>
              <span className="flex items-center gap-2 text-zinc-600">
                {when.format(new Date(s.consentedAt))}
                {canEdit && (
                  <Button variant="ghost" size="sm" aria-label={`Delete ${s.email}`} disabled={pending} onClick={() => remove(s.id)}>
                    Delete
                  </Button>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      {more && <p className="text-sm text-zinc-600">Showing the newest 100; the CSV has them all.</p>}
    </Card>
  );
}
