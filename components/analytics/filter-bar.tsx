"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { PRESET_LABELS, PRESETS } from "@/lib/analytics/time-range";
import { Button } from "@/components/ui/button";
import { lastDayOf } from "./format";
import { withSettings, type ViewParams } from "./view-url";

interface Props {
  base: string;
  params: ViewParams;
  preset: string | null;
  interval: string;
  bots: string;
  from: string;
  to: string;
}

const select = "h-9 rounded-lg border border-zinc-300 bg-white px-2 text-sm text-zinc-900";

/** Period, interval and bots: each change is a new URL, so the view can be bookmarked and sent. */
export function FilterBar({ base, params, preset, interval, bots, from, to }: Props) {
  const router = useRouter();
  const [custom, setCustom] = useState(preset === null);
  const go = (changes: Record<string, string | undefined>) => router.push(withSettings(base, params, changes));
  return (
    <div className="flex flex-wrap items-end gap-2">
      <label className="flex flex-col gap-1 text-xs font-medium text-zinc-700">
        Period
        <select
          className={select}
          value={custom ? "custom" : (preset ?? "30d")}
          onChange={(e) => {
            if (e.target.value === "custom") return setCustom(true);
            setCustom(false);
            go({ range: e.target.value, from: undefined, to: undefined, interval: undefined });
          }}
        >
          {PRESETS.map((p) => (
            <option key={p} value={p}>
              {PRESET_LABELS[p]}
            </option>
          ))}
          <option value="custom">Custom range…</option>
        </select>
      </label>
      {custom ? (
        <form method="get"
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            const f = new FormData(e.currentTarget);
            go({ range: undefined, from: String(f.get("from") ?? ""), to: String(f.get("to") ?? ""), interval: undefined });
          }}
        >
          <label className="flex flex-col gap-1 text-xs font-medium text-zinc-700">
            From
            <input type="date" name="from" required defaultValue={from.slice(0, 10)} className={select} />
          </label>
          <label className="flex flex-col gap-1 text-xs font-medium text-zinc-700">
            To (included)
            <input type="date" name="to" required defaultValue={lastDayOf(to)} className={select} />
          </label>
          <Button type="submit" variant="secondary">
            Apply
          </Button>
        </form>
      ) : null}
      <label className="flex flex-col gap-1 text-xs font-medium text-zinc-700">
        Interval
        <select className={select} value={interval} onChange={(e) => go({ interval: e.target.value })}>
          <option value="hour">Hour</option>
          <option value="day">Day</option>
          <option value="week">Week</option>
          <option value="month">Month</option>
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-zinc-700">
        Bots
        <select className={select} value={bots} onChange={(e) => go({ bots: e.target.value === "exclude" ? undefined : e.target.value })}>
          <option value="exclude">Excluded</option>
          <option value="include">Included</option>
          <option value="only">Only bots</option>
        </select>
      </label>
    </div>
  );
}
