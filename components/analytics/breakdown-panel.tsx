import Link from "next/link";
import { Download } from "lucide-react";
import type { BreakdownRow } from "@/lib/analytics/get-analytics";
import { formatNumber, formatShare } from "./format";

interface Props {
  title: string;
  rows: BreakdownRow[];
  total: number;
  locale: string;
  /** The URL that filters the view by a row's key (null: rows are not links). */
  filterHref: ((key: string | null) => string) | null;
  exportHref?: string;
  testId?: string;
}

/**
 * One breakdown as a table with inline bars: the table is the chart, so it
 * reads the same to a screen reader. Each row filters the view by its value.
 */
export function BreakdownPanel({ title, rows, total, locale, filterHref, exportHref, testId }: Props) {
  const max = Math.max(1, ...rows.map((r) => r.clicks));
  return (
    <section aria-label={title} data-testid={testId} className="rounded-xl border border-zinc-200 bg-white p-4 shadow-sm">
      <div className="mb-2 flex items-center justify-between gap-2">
        <h2 className="text-sm font-semibold text-zinc-900">{title}</h2>
        {exportHref && rows.length ? (
          <a href={exportHref} className="inline-flex items-center gap-1 rounded text-xs text-zinc-600 hover:text-zinc-900" aria-label={`Export ${title} as CSV`}>
            <Download aria-hidden className="size-3.5" /> CSV
          </a>
        ) : null}
      </div>
      {rows.length === 0 ? (
        <p className="py-6 text-center text-sm text-zinc-500">No clicks in this period.</p>
      ) : (
        <table className="w-full table-fixed text-sm">
          {/* Fixed columns: half the width for the name, the rest for the figures (share only from sm up). */}
          <colgroup>
            <col className="w-1/2" />
            <col />
            <col />
            <col className="hidden sm:table-column" />
          </colgroup>
          <thead className="sr-only">
            <tr>
              <th scope="col">{title}</th>
              <th scope="col">Clicks</th>
              <th scope="col">Unique visitors</th>
              <th scope="col">Share of clicks</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const label = filterHref ? (
                <Link href={filterHref(r.key)} className="relative z-10 block truncate rounded text-zinc-800 hover:underline" title={`Filter by ${r.label}`}>
                  {r.label}
                </Link>
              ) : (
                <span className="relative z-10 block truncate text-zinc-800" title={r.label}>{r.label}</span>
              );
              return (
                <tr key={String(r.key)} className="group">
                  <td className="relative py-1 pr-2">
                    <span aria-hidden className="absolute inset-y-0.5 left-0 rounded bg-sky-100" style={{ width: `${(r.clicks / max) * 100}%` }} />
                    <span className="relative block px-1.5">{label}</span>
                  </td>
                  <td className="py-1 text-right tabular-nums text-zinc-900">{formatNumber(r.clicks, locale)}</td>
                  <td className="py-1 text-right tabular-nums text-zinc-600">{formatNumber(r.uniques, locale)}</td>
                  <td className="hidden py-1 text-right tabular-nums text-zinc-600 sm:table-cell">{formatShare(r.clicks, total, locale)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {rows.length ? (
        <p className="mt-2 flex justify-end gap-3 text-[11px] text-zinc-500" aria-hidden>
          <span>clicks</span>
          <span>uniques</span>
          <span className="hidden sm:inline">share</span>
        </p>
      ) : null}
    </section>
  );
}
