"use client";

import { useEffect, useState } from "react";
import type { Live } from "@/lib/analytics/get-live";
import { formatNumber } from "./format";

interface Props {
  /** The live route, with the view's filters as its query. */
  src: string;
  locale: string;
  /** The workspace's zone: the time of the last refresh is read on its clocks. */
  timeZone: string;
  /** Seconds between refreshes. */
  every?: number;
}

/** The last 30 minutes, refreshed by itself while the tab is visible. */
export function LivePanel({ src, locale, timeZone, every = 15 }: Props) {
  const [live, setLive] = useState<Live | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let stopped = false;
    const load = async () => {
      if (document.visibilityState === "hidden") return;
      try {
        const res = await fetch(src, { cache: "no-store" });
        if (!res.ok) throw new Error(String(res.status));
        const data = (await res.json()) as Live;
        if (stopped) return;
        setLive(data);
        setFailed(false);
      } catch {
        if (!stopped) setFailed(true);
      }
    };
    void load();
    const timer = setInterval(() => void load(), every * 1000);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [src, every]);
  const max = Math.max(1, ...(live?.minutes ?? []));
  const time = live ? new Intl.DateTimeFormat(locale, { hour: "numeric", minute: "2-digit", second: "2-digit", timeZone, timeZoneName: "short" }).format(new Date(live.at)) : null;
  return (
    <section aria-label="Live: last 30 minutes" data-testid="live-panel" className="rounded-xl border border-zinc-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="flex items-center gap-2 text-sm font-semibold text-zinc-900">
          <span aria-hidden className="relative flex size-2.5">
            <span className="absolute inline-flex size-full animate-ping rounded-full bg-emerald-500 opacity-60 motion-reduce:animate-none" />
            <span className="relative inline-flex size-2.5 rounded-full bg-emerald-600" />
          </span>
          Live · last 30 minutes
        </h2>
        <p className="text-xs text-zinc-600" aria-live="polite">
          {failed ? "Could not refresh; trying again." : time ? `Updated ${time}, every ${every} s` : "Loading…"}
        </p>
      </div>
      {live ? (
        <div className="mt-3 grid gap-4 sm:grid-cols-[auto_1fr]">
          <dl className="flex gap-6">
            <div>
              <dt className="text-xs text-zinc-600">Clicks</dt>
              <dd className="text-2xl font-semibold tabular-nums text-zinc-900" data-testid="live-clicks">
                {formatNumber(live.clicks, locale)}
              </dd>
            </div>
            <div>
              <dt className="text-xs text-zinc-600">Visitors</dt>
              <dd className="text-2xl font-semibold tabular-nums text-zinc-900" data-testid="live-uniques">
                {formatNumber(live.uniques, locale)}
              </dd>
            </div>
          </dl>
          <div>
            <div className="flex h-12 items-end gap-px" role="img" aria-label={`Clicks per minute: ${live.minutes.join(", ")}`}>
              {live.minutes.map((n, i) => (
                <div key={i} className="flex-1 rounded-t-sm bg-accent-600" style={{ height: `${n ? Math.max(8, (n / max) * 100) : 2}%`, opacity: n ? 1 : 0.25 }} title={`${n}`} />
              ))}
            </div>
            <div className="mt-1 flex justify-between text-[11px] text-zinc-600">
              <span>30 min ago</span>
              <span>now</span>
            </div>
          </div>
          {live.links.length ? (
            <ul className="text-sm sm:col-span-2" aria-label="Top links now">
              {live.links.map((l) => (
                <li key={l.key ?? ""} className="flex justify-between gap-3 border-t border-zinc-100 py-1">
                  <span className="truncate text-zinc-800" title={l.label}>{l.label}</span>
                  <span className="tabular-nums text-zinc-700">{formatNumber(l.clicks, locale)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-zinc-600 sm:col-span-2">No clicks in the last 30 minutes.</p>
          )}
        </div>
      ) : null}
    </section>
  );
}
