import Link from "next/link";
import { BarChart3, Download, X } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import type { Dashboard } from "@/lib/analytics/get-dashboard";
import { DIMENSION_LABELS, FILTER_LABELS, NONE, type Dimension } from "@/lib/analytics/schemas";
import { BreakdownPanel } from "./breakdown-panel";
import { FilterBar } from "./filter-bar";
import { formatPeriod } from "./format";
import { PlatformCompare } from "./platform-compare";
import { TimeseriesChart } from "./timeseries-chart";
import { TotalsCards } from "./totals-cards";
import { toSearch, withFilter, withoutFilter, type ViewParams } from "./view-url";

interface Props {
  data: Dashboard;
  /** The view's own address (filters are added to it). */
  base: string;
  params: ViewParams;
  locale: string;
  /** Where a breakdown's CSV comes from; none on a shared report. */
  exportBase?: string;
  /** Filters a shared report's reader may not remove (its scope). */
  fixed?: string[];
  /** Panels whose rows are not filters (a shared report cannot filter by link). */
  unfilterable?: Dimension[];
}

/** One dashboard view: settings, active filters, totals, the time series and the breakdown panels. */
export function DashboardView({ data, base, params, locale, exportBase, fixed = [], unfilterable = [] }: Props) {
  const period = formatPeriod(data.period.from, data.period.to, locale);
  const botsNote = data.period.bots === "exclude" ? "bots excluded" : data.period.bots === "include" ? "bots included" : "bots only";
  const caption = `${period} · ${data.period.timezone} · ${botsNote}`;
  const total = data.totals.current.clicks;
  const filterHref = (d: Dimension) => (key: string | null) => withFilter(base, params, d, key ?? NONE);
  const exportHref = (d: Dimension) => (exportBase ? `${exportBase}?${new URLSearchParams([...toSearch(params), ["groupBy", d]])}` : undefined);
  const panels = (Object.keys(data.breakdowns) as Dimension[]).filter((d) => d !== "platformType" && d !== "channel");
  return (
    <div className="space-y-5">
      <FilterBar base={base} params={params} preset={data.period.preset} interval={data.period.interval} bots={data.period.bots} from={data.period.from} to={data.period.to} />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-zinc-700" data-testid="period-caption">
          {caption}
        </p>
        {exportBase && total ? (
          <a href={`${exportBase}?${toSearch(params)}`} className="inline-flex items-center gap-1 text-sm text-zinc-700 hover:text-zinc-900" data-testid="export-clicks">
            <Download aria-hidden className="size-4" /> Raw clicks (CSV)
          </a>
        ) : null}
      </div>
      {data.filters.length ? (
        <ul aria-label="Filters" className="flex flex-wrap gap-2">
          {data.filters.map((f) => (
            <li key={`${f.name}=${f.value}`} className="inline-flex items-center gap-1 rounded-full border border-zinc-300 bg-zinc-50 py-0.5 pl-3 pr-1 text-xs text-zinc-800">
              <span>
                <span className="text-zinc-600">{FILTER_LABELS[f.name]}:</span> {f.label}
              </span>
              {fixed.includes(f.name) ? null : (
                <Link href={withoutFilter(base, params, f.name, f.value)} aria-label={`Remove filter ${f.label}`} className="rounded-full p-1 hover:bg-zinc-200">
                  <X aria-hidden className="size-3" />
                </Link>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {total === 0 && data.totals.current.views === 0 ? (
        <EmptyState icon={BarChart3} title="No clicks in this period">
          {data.filters.length ? "No clicks match these filters. Remove one, or choose a longer period." : "Nobody opened these links in this period. Choose a longer period, or share your links and QR codes."}
        </EmptyState>
      ) : (
        <>
      <TotalsCards current={data.totals.current} previous={data.totals.previous} locale={locale} bioPage={data.scope?.kind === "bioPage"} />
      <TimeseriesChart data={data.timeseries} interval={data.period.interval} locale={locale} caption={caption} />
      {data.blocks ? (
        <BreakdownPanel title="Clicks per block" rows={data.blocks} total={total} locale={locale} filterHref={null} testId="panel-blocks" />
      ) : null}
      <PlatformCompare data={data} locale={locale} filterHref={filterHref} />
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
        {panels.map((d) => (
          <BreakdownPanel key={d} title={DIMENSION_LABELS[d]} rows={data.breakdowns[d] ?? []} total={total} locale={locale} filterHref={unfilterable.includes(d) ? null : filterHref(d)} exportHref={exportHref(d)} testId={`panel-${d}`} />
        ))}
      </div>
        </>
      )}
    </div>
  );
}
