"use client";

import { useEffect, useRef, useState, type ComponentType, type RefObject } from "react";
import type { Bucket } from "@/lib/analytics/get-analytics";
import { cn } from "@/components/ui/cn";
import { formatBucket, formatNumber } from "./format";
import { CLICKS_COLOUR, UNIQUES_COLOUR, type TimeseriesRow } from "./timeseries-rows";

type Area = ComponentType<{ rows: TimeseriesRow[]; locale: string }>;

// recharts is about 100 KB compressed, half of what a whole page may ship. The
// chart module is fetched once per visit, after the page has loaded and when
// the chart comes near the screen, so it never weighs on the first load; the
// figures themselves are in the page from the start (the table view).
let loading: Promise<Area> | null = null;
const loadArea = () => (loading ??= import("./timeseries-area").then((m) => m.TimeseriesArea));

function useLazyArea(ref: RefObject<HTMLElement | null>, shown: boolean): { Area: Area | null; failed: boolean } {
  const [Area, setArea] = useState<Area | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (Area || !shown || !el) return;
    let stopped = false;
    let observer: IntersectionObserver | undefined;
    const watch = () => {
      observer = new IntersectionObserver(
        (entries) => {
          if (!entries.some((e) => e.isIntersecting)) return;
          observer?.disconnect();
          loadArea().then(
            (C) => {
              if (!stopped) setArea(() => C);
            },
            () => {
              loading = null;
              if (!stopped) setFailed(true);
            },
          );
        },
        { rootMargin: "200px" },
      );
      observer.observe(el);
    };
    if (document.readyState === "complete") watch();
    else window.addEventListener("load", watch, { once: true });
    return () => {
      stopped = true;
      observer?.disconnect();
      window.removeEventListener("load", watch);
    };
  }, [Area, ref, shown]);
  return { Area, failed };
}

export function TimeseriesChart({ data, interval, locale, caption }: { data: Bucket[]; interval: string; locale: string; caption: string }) {
  const [view, setView] = useState<"chart" | "table">("chart");
  const box = useRef<HTMLDivElement>(null);
  const { Area, failed } = useLazyArea(box, view === "chart");
  const rows: TimeseriesRow[] = data.map((b) => ({ ...b, label: formatBucket(b.start, interval, locale) }));
  const clicks = data.reduce((n, b) => n + b.clicks, 0);
  const summary = `${formatNumber(clicks, locale)} clicks over ${formatNumber(data.length, locale)} ${interval === "hour" ? "hours" : `${interval}s`}${rows.length ? `, ${rows[0]!.label} to ${rows[rows.length - 1]!.label}` : ""}. Choose Table for each figure.`;
  return (
    <section aria-label="Clicks over time" className="rounded-xl border border-zinc-200 bg-white p-4 shadow-sm sm:p-5">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <div>
          <h2 className="text-base font-semibold text-zinc-900">Clicks over time</h2>
          <p className="text-xs text-zinc-600">{caption}</p>
        </div>
        <div role="group" aria-label="Show as" className="inline-flex rounded-lg border border-zinc-300 p-0.5 text-xs">
          {(["chart", "table"] as const).map((v) => (
            <button key={v} type="button" aria-pressed={view === v} onClick={() => setView(v)} className={cn("rounded-md px-2.5 py-1 font-medium", view === v ? "bg-zinc-900 text-white" : "text-zinc-700 hover:bg-zinc-100")}>
              {v === "chart" ? "Chart" : "Table"}
            </button>
          ))}
        </div>
      </div>
      {view === "chart" ? (
        // The same box before and after recharts arrives: nothing below moves.
        <figure ref={box} className="relative h-64 w-full" data-testid="timeseries-chart" aria-busy={!Area && !failed}>
          <figcaption className="sr-only">{summary}</figcaption>
          {Area ? (
            <Area rows={rows} locale={locale} />
          ) : failed ? (
            <p className="flex h-full items-center justify-center rounded-lg bg-zinc-50 px-4 text-center text-sm text-zinc-600">The chart could not load. Choose Table to see the same figures.</p>
          ) : (
            <div aria-hidden className="flex h-full flex-col justify-between rounded-lg bg-zinc-50/70 px-3 py-4 motion-safe:animate-pulse" data-testid="timeseries-skeleton">
              {[0, 1, 2, 3].map((i) => (
                <div key={i} className="h-px w-full bg-zinc-200" />
              ))}
            </div>
          )}
        </figure>
      ) : (
        <div className="max-h-72 overflow-auto">
          <table className="w-full text-sm">
            <thead className="sticky top-0 bg-white text-left text-xs text-zinc-600">
              <tr>
                <th scope="col" className="py-1.5 font-medium">Starting</th>
                <th scope="col" className="py-1.5 text-right font-medium">Clicks</th>
                <th scope="col" className="py-1.5 text-right font-medium">Unique visitors</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.start} className="border-t border-zinc-100">
                  <td className="py-1.5 text-zinc-800">
                    <time dateTime={r.start}>{r.label}</time>
                  </td>
                  <td className="py-1.5 text-right tabular-nums">{formatNumber(r.clicks, locale)}</td>
                  <td className="py-1.5 text-right tabular-nums">{formatNumber(r.uniques, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ul className="mt-2 flex gap-4 text-xs text-zinc-700" aria-hidden={view === "table"}>
        <li className="flex items-center gap-1.5">
          <span className="inline-block h-0.5 w-4" style={{ background: CLICKS_COLOUR }} /> Clicks
        </li>
        <li className="flex items-center gap-1.5">
          <span className="inline-block h-0 w-4 border-t-2 border-dashed" style={{ borderColor: UNIQUES_COLOUR }} /> Unique visitors
        </li>
      </ul>
    </section>
  );
}
