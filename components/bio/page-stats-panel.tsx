"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { BarChart3 } from "lucide-react";
import { bioPageStatsAction } from "@/app/w/[slug]/bio/actions";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { formatDay } from "@/components/ui/format-date";
import type { PageStats } from "@/lib/bio-pages/page-stats";

const pct = (r: number) => `${(r * 100).toFixed(1)}%`;

/** A calendar day ("2026-10-31", already the workspace's) as people read it: "Oct 31, 2026". */
const dayLabel = (day: string) => formatDay(`${day}T00:00:00Z`, "UTC");

/** Views, unique visitors, clicks and click-through per block over whole days in the workspace's time zone; bots excluded. */
export function PageStatsPanel({ slug, id, initial, locale }: { slug: string; id: string; initial: PageStats; locale: string }) {
  const [stats, setStats] = useState(initial);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  return (
    <Card className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1">
        <div>
          <CardTitle>Page analytics</CardTitle>
          <CardDescription>
            {dayLabel(stats.from)} to {dayLabel(stats.to)}, days in {stats.timeZone}. Bots and link-preview crawlers are not counted.
          </CardDescription>
        </div>
        <Link href={`/w/${slug}/analytics?bioPageId=${encodeURIComponent(id)}`} prefetch={false} className="inline-flex items-center gap-1.5 text-sm font-medium text-accent-700 hover:underline" data-testid="bio-analytics">
          <BarChart3 aria-hidden className="size-4" /> Full analytics
        </Link>
      </div>
      <form method="get"
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          startTransition(async () => {
            const r = await bioPageStatsAction(slug, id, { from: String(f.get("stats-from")), to: String(f.get("stats-to")) });
            if (r.ok) {
              setStats(r.data);
              setError(undefined);
            } else setError(r.error.message);
          });
        }}
      >
        <TextField id="stats-from" label="From" type="date" defaultValue={stats.from} className="w-40" />
        <TextField id="stats-to" label="To" type="date" defaultValue={stats.to} className="w-40" />
        <Button type="submit" variant="secondary" disabled={pending}>
          Show
        </Button>
      </form>
      <FormAlert message={error} />
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="page-stats">
        {[
          ["Views", stats.views.toLocaleString(locale)],
          ["Unique visitors", stats.uniqueVisitors.toLocaleString(locale)],
          ["Button clicks", stats.clicks.toLocaleString(locale)],
          ["Click-through", pct(stats.clickThroughRate)],
        ].map(([k, v]) => (
          <div key={k} className="rounded-lg bg-zinc-50 p-3">
            <dt className="text-xs text-zinc-600">{k}</dt>
            <dd className="text-xl font-semibold text-zinc-900">{v}</dd>
          </div>
        ))}
      </dl>
      <div className="grid gap-4 md:grid-cols-3">
        <table className="w-full text-sm md:col-span-3">
          <caption className="mb-1 text-left font-medium text-zinc-800">Clicks per button</caption>
          <thead>
            <tr className="text-left text-xs text-zinc-600">
              <th className="py-1 font-medium">Button</th>
              <th className="py-1 text-right font-medium">Clicks</th>
              <th className="py-1 text-right font-medium">Click-through</th>
            </tr>
          </thead>
          <tbody>
            {stats.blocks.length === 0 && (
              <tr>
                <td colSpan={3} className="py-2 text-zinc-600">
                  No published link buttons yet.
                </td>
              </tr>
            )}
            {stats.blocks.map((b) => (
              <tr key={b.id} className="border-t border-zinc-100">
                <td className="py-1.5">{b.label}</td>
                <td className="py-1.5 text-right tabular-nums">{b.clicks}</td>
                <td className="py-1.5 text-right tabular-nums">{pct(b.clickThroughRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {(
          [
            ["Top referrers", stats.referrers],
            ["Top countries", stats.countries],
          ] as const
        ).map(([title, rows]) => (
          <div key={title}>
            <h3 className="mb-1 text-sm font-medium text-zinc-800">{title}</h3>
            {rows.length === 0 ? (
              <p className="text-sm text-zinc-600">No views in this period.</p>
            ) : (
              <ul className="text-sm">
                {rows.map((r) => (
                  <li key={r.name} className="flex justify-between border-t border-zinc-100 py-1">
                    <span className="truncate" title={r.name}>{r.name}</span>
                    <span className="tabular-nums">{r.count}</span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        ))}
      </div>
    </Card>
  );
}
