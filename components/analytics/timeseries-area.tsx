"use client";

import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatNumber } from "./format";
import { CLICKS_COLOUR, UNIQUES_COLOUR, type TimeseriesRow } from "./timeseries-rows";

/**
 * The drawn chart. recharts is the heaviest library of the app, so this module
 * is only ever imported lazily (see timeseries-chart.tsx), never statically.
 */
export function TimeseriesArea({ rows, locale }: { rows: TimeseriesRow[]; locale: string }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <AreaChart data={rows} margin={{ top: 4, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid stroke="#e4e4e7" vertical={false} />
        <XAxis dataKey="label" tick={{ fontSize: 11, fill: "#52525b" }} minTickGap={24} tickLine={false} axisLine={{ stroke: "#d4d4d8" }} />
        <YAxis allowDecimals={false} tick={{ fontSize: 11, fill: "#52525b" }} tickLine={false} axisLine={false} tickFormatter={(v: number) => formatNumber(v, locale)} width={48} />
        <Tooltip formatter={(v, name) => [formatNumber(Number(v), locale), name === "clicks" ? "Clicks" : "Unique visitors"]} />
        <Area type="monotone" dataKey="clicks" name="clicks" stroke={CLICKS_COLOUR} strokeWidth={2} fill={CLICKS_COLOUR} fillOpacity={0.12} isAnimationActive={false} />
        <Area type="monotone" dataKey="uniques" name="uniques" stroke={UNIQUES_COLOUR} strokeWidth={2} strokeDasharray="5 3" fill="none" isAnimationActive={false} />
      </AreaChart>
    </ResponsiveContainer>
  );
}
