import { ArrowDownRight, ArrowUpRight, Minus } from "lucide-react";
import type { Totals } from "@/lib/analytics/get-analytics";
import { cn } from "@/components/ui/cn";
import { formatChange, formatNumber, formatShare } from "./format";

interface Props {
  current: Totals;
  previous: Totals;
  locale: string;
  /** Show bio-page views and click-through rate (a bio page's view). */
  bioPage: boolean;
}

function Change({ now, before, locale }: { now: number; before: number; locale: string }) {
  const c = formatChange(now, before, locale);
  const Icon = c.direction === "up" ? ArrowUpRight : c.direction === "down" ? ArrowDownRight : Minus;
  return (
    <span className={cn("inline-flex items-center gap-0.5 text-xs font-medium", c.direction === "up" ? "text-emerald-700" : c.direction === "down" ? "text-red-700" : "text-zinc-600")}>
      <Icon aria-hidden className="size-3.5" />
      {c.text}
      <span className="sr-only"> against the previous period ({formatNumber(before, locale)})</span>
    </span>
  );
}

/** The period's headline figures, each with its change against the period of the same length before. */
export function TotalsCards({ current, previous, locale, bioPage }: Props) {
  const figures: { id: string; label: string; now: number; before: number }[] = [
    { id: "clicks", label: "Clicks", now: current.clicks, before: previous.clicks },
    { id: "uniques", label: "Unique visitors", now: current.uniques, before: previous.uniques },
    { id: "scans", label: "QR scans", now: current.scans, before: previous.scans },
    { id: "bioClicks", label: "Bio-page clicks", now: current.bioClicks, before: previous.bioClicks },
  ];
  if (bioPage) figures.push({ id: "views", label: "Bio-page views", now: current.views, before: previous.views });
  return (
    <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      {figures.map((f) => (
        <div key={f.id} className="rounded-xl border border-zinc-200 bg-white p-4 shadow-sm">
          <dt className="text-xs font-medium uppercase tracking-wide text-zinc-600">{f.label}</dt>
          <dd className="mt-1 flex flex-wrap items-baseline gap-x-2">
            <span className="text-2xl font-semibold tabular-nums text-zinc-900" data-testid={`total-${f.id}`}>
              {formatNumber(f.now, locale)}
            </span>
            <Change now={f.now} before={f.before} locale={locale} />
          </dd>
        </div>
      ))}
      {bioPage ? (
        <div className="rounded-xl border border-zinc-200 bg-white p-4 shadow-sm">
          <dt className="text-xs font-medium uppercase tracking-wide text-zinc-600">Click-through rate</dt>
          <dd className="mt-1 text-2xl font-semibold tabular-nums text-zinc-900" data-testid="total-ctr">
            {formatShare(current.bioClicks, current.views, locale)}
          </dd>
        </div>
      ) : null}
    </dl>
  );
}
