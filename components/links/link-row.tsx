"use client";

import Link from "next/link";
import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { Copy, CopyPlus, Pencil, QrCode, Trash2 } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { LinkOutput } from "@/lib/links/schemas";
import { copyShortLink } from "./copy-short-link";
import { linkStatus, statusClass } from "./link-status";
import type { LinkActions } from "./types";

const day = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

export const ROW_GRID = "md:grid-cols-[1.5rem_minmax(0,1fr)_5.5rem_5.5rem_8.5rem_8.5rem] md:items-center md:gap-4";

interface Props {
  slug: string;
  link: LinkOutput;
  creator: string | undefined;
  canWrite: boolean;
  selected: boolean;
  onSelect: (on: boolean) => void;
  onRemoved: (id: string) => void;
  actions: Pick<LinkActions, "duplicate" | "remove">;
}

/** One link: a table row from md up, a card on a phone (same markup). */
export function LinkRow({ slug, link, creator, canWrite, selected, onSelect, onRemoved, actions }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const status = linkStatus(link);
  const shortLabel = link.shortUrl.replace(/^https?:\/\//, "");
  const edit = `/w/${slug}/links/${link.id}`;

  function duplicate() {
    startTransition(async () => {
      const r = await actions.duplicate(slug, link.id);
      if (!r.ok) return void toast.error(r.error.message);
      toast.success(`Duplicated as ${r.data.shortUrl.replace(/^https?:\/\//, "")}`);
      router.refresh();
    });
  }
  function remove() {
    startTransition(async () => {
      const r = await actions.remove(slug, link.id);
      if (!r.ok) return void toast.error(r.error.message);
      toast.success(`Deleted ${shortLabel}`);
      onRemoved(link.id);
    });
  }

  return (
    <li data-testid="link-row" className={`grid grid-cols-[1rem_minmax(0,1fr)] gap-x-3 gap-y-2 px-4 py-4 md:gap-x-4 ${ROW_GRID} ${selected ? "bg-accent-50/50" : ""}`}>
      <div className="pt-0.5 md:pt-0">
        {canWrite && <input type="checkbox" aria-label={`Select ${shortLabel}`} checked={selected} onChange={(e) => onSelect(e.target.checked)} className="size-4 accent-accent-600" />}
      </div>
      <div className="min-w-0 flex-1 space-y-1">
        <div className="flex min-w-0 items-center gap-1.5">
          {canWrite ? (
            <Link href={edit} className="truncate font-medium text-accent-700 hover:underline" data-testid="short-url">
              {shortLabel}
            </Link>
          ) : (
            <span className="truncate font-medium text-accent-700" data-testid="short-url">
              {shortLabel}
            </span>
          )}
          <button type="button" onClick={() => void copyShortLink(link.shortUrl, "Copied")} aria-label={`Copy ${shortLabel}`} className="shrink-0 rounded p-1 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-800">
            <Copy aria-hidden className="size-3.5" />
          </button>
        </div>
        {link.title && <p className="truncate text-sm text-zinc-900">{link.title}</p>}
        <p className="truncate text-sm text-zinc-500" title={link.finalUrl} data-testid="destination">
          {link.url}
        </p>
        {link.tags.length > 0 && (
          <ul className="flex flex-wrap gap-1" aria-label="Tags">
            {link.tags.map((t) => (
              <li key={t} className="rounded-md bg-zinc-100 px-1.5 py-0.5 text-xs text-zinc-700">
                {t}
              </li>
            ))}
          </ul>
        )}
        {/* Phone: the numbers and dates under the link. */}
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1 pt-1 text-xs text-zinc-500 md:hidden">
          <span className={statusClass(status)}>{status}</span>
          <Link href={`/w/${slug}/analytics?linkId=${link.id}`} className="underline decoration-dotted">
            {link.clicks} {link.clicks === 1 ? "click" : "clicks"}
          </Link>
          <span>
            {day.format(new Date(link.createdAt))}
            {creator ? ` · ${creator}` : ""}
          </span>
        </p>
      </div>
      <p className="hidden text-right text-sm tabular-nums text-zinc-900 md:block" data-testid="clicks">
        <Link href={`/w/${slug}/analytics?linkId=${link.id}`} className="hover:underline" title="Analytics of this link" aria-label={`${link.clicks} clicks: analytics of ${shortLabel}`}>
          {link.clicks}
        </Link>
      </p>
      <p className="hidden md:block">
        <span className={statusClass(status)} data-testid="status">
          {status}
        </span>
      </p>
      <div className="hidden min-w-0 text-sm md:block">
        <p className="text-zinc-900">{day.format(new Date(link.createdAt))}</p>
        {creator && <p className="truncate text-xs text-zinc-500">{creator}</p>}
      </div>
      <div className="col-start-2 -ml-2 flex items-center gap-0.5 empty:hidden md:col-start-auto md:ml-0 md:justify-end">
        <Button asChild variant="ghost" size="sm" className="px-2" aria-label={`QR code for ${shortLabel}`} title="QR code">
          <Link href={`/w/${slug}/qr/${link.id}`}>
            <QrCode aria-hidden className="size-4" />
          </Link>
        </Button>
        {canWrite && (
          <>
            <Button asChild variant="ghost" size="sm" className="px-2" aria-label={`Edit ${shortLabel}`}>
              <Link href={edit}>
                <Pencil aria-hidden className="size-4" />
              </Link>
            </Button>
            <Button variant="ghost" size="sm" className="px-2" onClick={duplicate} disabled={pending} aria-label={`Duplicate ${shortLabel}`}>
              <CopyPlus aria-hidden className="size-4" />
            </Button>
            <ConfirmDialog
              trigger={
                <Button variant="ghost" size="sm" className="px-2" aria-label={`Delete ${shortLabel}`}>
                  <Trash2 aria-hidden className="size-4" />
                </Button>
              }
              title={`Delete ${shortLabel}?`}
              description="The short link stops working at once, and its QR codes with it. This cannot be undone."
              confirmLabel="Delete link"
              pending={pending}
              onConfirm={remove}
            />
          </>
        )}
      </div>
    </li>
  );
}
