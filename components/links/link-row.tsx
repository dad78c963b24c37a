"use client";

import Link from "next/link";
import { CalendarClock, Copy, CopyPlus, Gauge, Lock, Megaphone, Pencil, QrCode, Share2, Trash2 } from "lucide-react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { IconButton } from "@/components/ui/icon-button";
import { formatDay } from "@/components/ui/format-date";
import { useAction } from "@/components/ui/use-action";
import type { LinkOutput } from "@/lib/links/schemas";
import { copyShortLink } from "./copy-short-link";
import { linkStatus, statusClass } from "./link-status";
import type { LinkActions } from "./types";

export const ROW_GRID = "md:grid-cols-[1.5rem_minmax(0,1fr)_5.5rem_5.5rem_8.5rem_9.5rem] md:items-center md:gap-4";

interface Props {
  slug: string;
  link: LinkOutput;
  creator: string | undefined;
  campaign: string | undefined;
  channel: string | undefined;
  timeZone: string;
  canWrite: boolean;
  selected: boolean;
  onSelect: (on: boolean) => void;
  onRemoved: (id: string) => void;
  onDuplicated: (link: LinkOutput) => void;
  actions: Pick<LinkActions, "duplicate" | "remove">;
}

const pill = "inline-flex max-w-full items-center gap-1 rounded-md px-1.5 py-0.5 text-xs";

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}

/** What a link is set to do beyond redirecting, each as a labelled pill. */
function LinkFacts({ link, campaign, channel, day }: { link: LinkOutput; campaign?: string; channel?: string; day: (date: string) => string }) {
  const expired = link.expiresAt ? new Date(link.expiresAt) <= new Date() : false;
  const facts: React.ReactNode[] = [];
  if (campaign) facts.push(<li key="campaign" className={`${pill} bg-accent-50 text-accent-700`}><Megaphone aria-hidden className="size-3 shrink-0" /><span className="sr-only">Campaign: </span><span className="truncate" title={campaign}>{campaign}</span></li>);
  if (channel) facts.push(<li key="channel" className={`${pill} bg-sky-50 text-sky-800`}><Share2 aria-hidden className="size-3 shrink-0" /><span className="sr-only">Channel: </span><span className="truncate" title={channel}>{channel}</span></li>);
  if (link.hasPassword) facts.push(<li key="password" className={`${pill} bg-zinc-100 text-zinc-700`}><Lock aria-hidden className="size-3" />Password</li>);
  if (link.expiresAt) facts.push(<li key="expires" className={`${pill} ${expired ? "bg-amber-50 text-amber-800" : "bg-zinc-100 text-zinc-700"}`}><CalendarClock aria-hidden className="size-3" />{expired ? "Expired" : "Expires"} {day(link.expiresAt)}</li>);
  if (link.maxClicks != null) facts.push(<li key="limit" className={`${pill} bg-zinc-100 text-zinc-700`}><Gauge aria-hidden className="size-3" />{link.clicks} of {link.maxClicks} clicks</li>);
  if (facts.length === 0 && link.tags.length === 0) return null;
  return (
    <div className="flex flex-wrap gap-1 pt-0.5">
      {facts.length > 0 && <ul className="flex max-w-full flex-wrap gap-1" aria-label="Settings" data-testid="link-facts">{facts}</ul>}
      {link.tags.length > 0 && (
        <ul className="flex max-w-full flex-wrap gap-1" aria-label="Tags">
          {link.tags.map((t) => (
            <li key={t} className={`${pill} bg-white text-zinc-700 ring-1 ring-inset ring-zinc-200`}>
              {t}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** One link: a table row from md up, a card on a phone (same markup). */
export function LinkRow({ slug, link, creator, campaign, channel, timeZone, canWrite, selected, onSelect, onRemoved, onDuplicated, actions }: Props) {
  const status = linkStatus(link);
  const shortLabel = link.shortUrl.replace(/^https?:\/\//, "");
  const edit = `/w/${slug}/links/${link.id}`;
  const host = hostOf(link.url);
  const day = (date: string) => formatDay(date, timeZone);
  const duplicate = useAction((id: string) => actions.duplicate(slug, id), { success: (d) => `Duplicated as ${d.shortUrl.replace(/^https?:\/\//, "")}`, onSuccess: onDuplicated });
  const remove = useAction((id: string) => actions.remove(slug, id), { success: `Deleted ${shortLabel}`, onSuccess: () => onRemoved(link.id) });
  const clicks = `${link.clicks} ${link.clicks === 1 ? "click" : "clicks"}`;

  return (
    <li data-testid="link-row" data-row-id={link.id} className={`grid grid-cols-[1rem_minmax(0,1fr)] gap-x-3 gap-y-2 px-4 py-4 md:gap-x-4 ${ROW_GRID} ${selected ? "bg-accent-50/50" : ""}`}>
      <div className="pt-0.5 md:pt-0">
        {canWrite && <input type="checkbox" aria-label={`Select ${shortLabel}`} checked={selected} onChange={(e) => onSelect(e.target.checked)} className="size-4 accent-accent-600" />}
      </div>
      <div className="min-w-0 flex-1 space-y-1">
        <div className="flex min-w-0 items-center gap-1.5">
          {/* eslint-disable-next-line @next/next/no-img-element -- a 16 px icon served by Pennant itself */}
          <img src={host ? `/w/${slug}/favicon?host=${encodeURIComponent(host)}` : undefined} alt="" width={16} height={16} loading="lazy" className="size-4 shrink-0 rounded-sm bg-zinc-100" data-testid="favicon" />
          {canWrite ? (
            <Link href={edit} prefetch={false} className="truncate font-medium text-accent-700 hover:underline" title={shortLabel} data-testid="short-url" data-row-focus>
              {shortLabel}
            </Link>
          ) : (
            <span className="truncate font-medium text-accent-700" title={shortLabel} data-testid="short-url">
              {shortLabel}
            </span>
          )}
          <IconButton label={`Copy ${shortLabel}`} tip="Copy short link" onClick={() => void copyShortLink(link.shortUrl, "Copied")} className="h-7 shrink-0 px-1.5 text-zinc-600">
            <Copy aria-hidden className="size-3.5" />
          </IconButton>
        </div>
        {link.title && <p className="truncate text-sm text-zinc-900" title={link.title}>{link.title}</p>}
        <p className="truncate text-sm text-zinc-600" title={link.finalUrl} data-testid="destination">
          {link.url}
        </p>
        <LinkFacts link={link} campaign={campaign} channel={channel} day={day} />
        {/* Phone: the numbers and dates under the link. */}
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1 pt-1 text-xs text-zinc-600 md:hidden">
          <span className={statusClass(status)}>{status}</span>
          <Link href={`/w/${slug}/analytics?linkId=${link.id}`} className="underline decoration-dotted">
            {clicks}
          </Link>
          <span>
            {day(link.createdAt)}
            {creator ? ` · ${creator}` : ""}
          </span>
        </p>
      </div>
      <p className="hidden text-right text-sm tabular-nums text-zinc-900 md:block">
        <Link href={`/w/${slug}/analytics?linkId=${link.id}`} className="hover:underline" title="Analytics of this link" aria-label={`${link.clicks} clicks: analytics of ${shortLabel}`}>
          <span data-testid="clicks">{link.clicks}</span>
        </Link>
      </p>
      <p className="hidden md:block">
        <span className="sr-only">Status: </span>
        <span className={statusClass(status)} data-testid="status">
          {status}
        </span>
      </p>
      <div className="hidden min-w-0 text-sm md:block">
        <p className="text-zinc-900">
          <span className="sr-only">Created </span>
          {day(link.createdAt)}
        </p>
        {creator && <p className="truncate text-xs text-zinc-600" title={creator}><span className="sr-only">by </span>{creator}</p>}
      </div>
      <div className="col-start-2 -ml-2 flex items-center gap-0.5 empty:hidden md:col-start-auto md:ml-0 md:justify-end">
        <IconButton asChild label={`QR code for ${shortLabel}`} tip="QR code">
          <Link href={`/w/${slug}/qr/${link.id}`} prefetch={false}>
            <QrCode aria-hidden className="size-4" />
          </Link>
        </IconButton>
        {canWrite && (
          <>
            <IconButton asChild label={`Edit ${shortLabel}`} tip="Edit">
              <Link href={edit} prefetch={false}>
                <Pencil aria-hidden className="size-4" />
              </Link>
            </IconButton>
            <IconButton label={`Duplicate ${shortLabel}`} tip="Duplicate" onClick={() => duplicate.run(link.id)} pending={duplicate.pending}>
              <CopyPlus aria-hidden className="size-4" />
            </IconButton>
            <ConfirmDialog
              trigger={
                <IconButton label={`Delete ${shortLabel}`} tip="Delete">
                  <Trash2 aria-hidden className="size-4" />
                </IconButton>
              }
              title={`Delete ${shortLabel}?`}
              description="The short link stops working at once, and its QR codes with it. This cannot be undone."
              confirmLabel="Delete link"
              pending={remove.pending}
              onConfirm={() => remove.run(link.id)}
            />
          </>
        )}
      </div>
    </li>
  );
}
