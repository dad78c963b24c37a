"use client";

import { useState } from "react";
import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { Bucket } from "@/lib/analytics/get-analytics";
import { cn } from "@/components/ui/cn";
import { formatBucket, formatNumber } from "./format";

// Okabe-Ito blue and vermilion: told apart with any colour-vision deficiency;
// uniques are also dashed, so the two lines differ without colour.
const CLICKS = "#0072B2";
const UNIQUES = "#D55E00";

export function TimeseriesChart({ data, interval, locale, caption }: { data: Bucket[]; interval: string; locale: string; caption: string }) {
  const [view, setView] = useState<"chart" | "table">("chart");
  const rows = data.map((b) => ({ ...b, label: formatBucket(b.start, interval, locale) }));
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
        <div className="h-64 w-full" data-testid="timeseries-chart">
          <ResponsiveContainer width="100%" height="100%">
            <AreaChart data={rows} margin={{ top: 4, right: 8, bottom: 0, left: -16 }}>
              <CartesianGrid stroke="#e4e4e7" vertical={false} />
              <XAxis dataKey="label" tick={{ fontSize: 11, fill: "#52525b" }} minTickGap={24} tickLine={false} axisLine={{ stroke: "#d4d4d8" }} />
              <YAxis allowDecimals={false} tick={{ fontSize: 11, fill: "#52525b" }} tickLine={false} axisLine={false} tickFormatter={(v: number) => formatNumber(v, locale)} width={48} />
              <Tooltip formatter={(v, name) => [formatNumber(Number(v), locale), name === "clicks" ? "Clicks" : "Unique visitors"]} />
              <Area type="monotone" dataKey="clicks" name="clicks" stroke={CLICKS} strokeWidth={2} fill={CLICKS} fillOpacity={0.12} isAnimationActive={false} />
              <Area type="monotone" dataKey="uniques" name="uniques" stroke={UNIQUES} strokeWidth={2} strokeDasharray="5 3" fill="none" isAnimationActive={false} />
            </AreaChart>
          </ResponsiveContainer>
        </div>
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
          <span className="inline-block h-0.5 w-4" style={{ background: CLICKS }} /> Clicks
        </li>
        <li className="flex items-center gap-1.5">
          <span className="inline-block h-0 w-4 border-t-2 border-dashed" style={{ borderColor: UNIQUES }} /> Unique visitors
        </li>
      </ul>
    </section>
  );
}
