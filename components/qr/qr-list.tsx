"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import { ChevronRight } from "lucide-react";
import { Button } from "@/components/ui/button";
import { formatDay } from "@/components/ui/format-date";
import { useAction } from "@/components/ui/use-action";
import type { ActionResult } from "@/lib/actions/action-result";
import { savedQrImageUrl } from "./design-query";
import { CHECKERBOARD } from "./qr-preview";

export interface QrCodeRow {
  linkId: string;
  shortUrl: string;
  title: string | null;
  /** Where the code leads today. */
  url: string;
  transparent: boolean;
  scans: number;
  updatedAt: string;
}

export type QrPage = { data: QrCodeRow[]; nextCursor: string | null };

/** A short URL that may wrap after its host, never inside the slug. */
function ShortLabel({ label }: { label: string }) {
  const cut = label.indexOf("/");
  if (cut < 0) return <>{label}</>;
  return (
    <>
      {label.slice(0, cut + 1)}
      <wbr />
      {label.slice(cut + 1)}
    </>
  );
}

function Row({ slug, code, timeZone, count }: { slug: string; code: QrCodeRow; timeZone: string; count: Intl.NumberFormat }) {
  const shortLabel = code.shortUrl.replace(/^https?:\/\//, "");
  const href = `/w/${slug}/qr/${code.linkId}`;
  return (
    <li data-testid="qr-row" className="relative flex items-center gap-4 px-4 py-3 hover:bg-zinc-50">
      <span className="size-16 shrink-0 overflow-hidden rounded-md border border-zinc-200 bg-white" style={code.transparent ? CHECKERBOARD : undefined}>
        {/* eslint-disable-next-line @next/next/no-img-element -- the API's own SVG, authorised by the session cookie */}
        <img src={savedQrImageUrl(slug, code.linkId, "svg")} alt="" loading="lazy" className="size-full object-contain" />
      </span>
      <div className="min-w-0 flex-1">
        <Link href={href} prefetch={false} className="block break-words font-medium text-zinc-900 after:absolute after:inset-0 hover:underline" data-testid="qr-row-link">
          {code.title || <ShortLabel label={shortLabel} />}
        </Link>
        {code.title && (
          <p className="break-words text-sm text-accent-700">
            <ShortLabel label={shortLabel} />
          </p>
        )}
        <p className="truncate text-sm text-zinc-500" title={code.url}>
          {code.url.replace(/^https?:\/\//, "")}
        </p>
        <p className="mt-0.5 text-xs text-zinc-500">Updated {formatDay(code.updatedAt, timeZone)}</p>
      </div>
      {/* Above the row's own link: the count opens the code's scan analytics. */}
      <Link
        href={`/w/${slug}/analytics?qrId=${encodeURIComponent(code.linkId)}`}
        prefetch={false}
        className="relative z-10 shrink-0 rounded-md px-1 text-right hover:bg-zinc-100"
        title="Scan analytics of this code"
        aria-label={`${count.format(code.scans)} ${code.scans === 1 ? "scan" : "scans"}: analytics of ${code.title || shortLabel}`}
      >
        <span className="block text-lg font-semibold tabular-nums text-zinc-900" data-testid="qr-row-scans">
          {count.format(code.scans)}
        </span>
        <span className="block text-xs text-zinc-500">{code.scans === 1 ? "scan" : "scans"}</span>
      </Link>
      <ChevronRight aria-hidden className="hidden size-4 shrink-0 text-zinc-400 sm:block" />
    </li>
  );
}

/** Every designed code in the workspace; "Load more" appends the next pages. */
export function QrList({ slug, page, q, timeZone, locale, loadMore }: { slug: string; page: QrPage; q: string; timeZone: string; locale: string; loadMore: (slug: string, query: { cursor: string; q?: string }) => Promise<ActionResult<QrPage>> }) {
  const [more, setMore] = useState<QrCodeRow[]>([]);
  const [cursor, setCursor] = useState(page.nextCursor);
  const seen = new Set(page.data.map((c) => c.linkId));
  const codes = [...page.data, ...more.filter((c) => !seen.has(c.linkId))];
  const load = useAction((c: string) => loadMore(slug, { cursor: c, ...(q ? { q } : {}) }), {
    onSuccess: (next) => {
      setMore((m) => [...m, ...next.data]);
      setCursor(next.nextCursor);
    },
  });
  const loading = load.pending;
  const count = useMemo(() => new Intl.NumberFormat(locale), [locale]);

  function next() {
    if (cursor) load.run(cursor);
  }

  return (
    <div className="space-y-4">
      <ul className="divide-y divide-zinc-100 overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-sm" aria-label="QR codes">
        {codes.map((c) => (
          <Row key={c.linkId} slug={slug} code={c} timeZone={timeZone} count={count} />
        ))}
      </ul>
      {cursor && (
        <div className="flex justify-center">
          <Button variant="secondary" onClick={next} disabled={loading}>
            {loading ? "Loading…" : "Load more"}
          </Button>
        </div>
      )}
    </div>
  );
}
