import Link from "next/link";
import type { Dashboard } from "@/lib/analytics/get-dashboard";
import type { BreakdownRow } from "@/lib/analytics/get-analytics";
import type { Dimension } from "@/lib/analytics/schemas";
import { formatChange, formatNumber, formatShare } from "./format";

interface Props {
  data: Dashboard;
  locale: string;
  filterHref: (d: Dimension) => (key: string | null) => string;
}

function Rows({ rows, previous, total, locale, href }: { rows: BreakdownRow[]; previous: BreakdownRow[]; total: number; locale: string; href: (key: string | null) => string }) {
  const before = new Map(previous.map((r) => [r.key, r.clicks]));
  return (
    <table className="w-full table-fixed text-sm">
      {/* Fixed columns: the name keeps a third of the width at any size, and shows whole on hover. */}
      <colgroup>
        <col className="w-[34%]" />
        <col />
        <col />
        <col />
        <col />
      </colgroup>
      <thead className="text-left text-xs text-zinc-600">
        <tr>
          <th scope="col" className="py-1 font-medium">&nbsp;</th>
          <th scope="col" className="py-1 text-right font-medium">Clicks</th>
          <th scope="col" className="py-1 text-right font-medium">Uniques</th>
          <th scope="col" className="py-1 text-right font-medium">Share</th>
          <th scope="col" className="py-1 text-right font-medium">Trend</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const c = formatChange(r.clicks, before.get(r.key) ?? 0, locale);
          return (
            <tr key={String(r.key)} className="border-t border-zinc-100">
              <th scope="row" className="truncate py-1.5 pr-2 text-left font-normal">
                <Link href={href(r.key)} className="text-zinc-900 hover:underline" title={r.label}>
                  {r.label}
                </Link>
              </th>
              <td className="py-1.5 text-right tabular-nums">{formatNumber(r.clicks, locale)}</td>
              <td className="py-1.5 text-right tabular-nums">{formatNumber(r.uniques, locale)}</td>
              <td className="py-1.5 text-right tabular-nums">{formatShare(r.clicks, total, locale)}</td>
              <td className={`py-1.5 text-right tabular-nums ${c.direction === "up" ? "text-emerald-700" : c.direction === "down" ? "text-red-700" : "text-zinc-600"}`}>{c.text}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/**
 * Social media against social networks, and channel against channel: clicks,
 * uniques, share of the period's clicks and the change against the previous
 * period. The kinds are the workspace's channel settings.
 */
export function PlatformCompare({ data, locale, filterHref }: Props) {
  const total = data.totals.current.clicks;
  const types = data.breakdowns.platformType ?? [];
  const channels = data.breakdowns.channel ?? [];
  if (!total) return null;
  return (
    <section aria-label="Social media and social networks" className="grid gap-4 md:grid-cols-2" data-testid="platform-compare">
      <div className="rounded-xl border border-zinc-200 bg-white p-4 shadow-sm">
        <h2 className="text-sm font-semibold text-zinc-900">Social media vs social networks</h2>
        <p className="mb-2 mt-0.5 text-xs text-zinc-600">
          Social media aim at reach (Instagram, TikTok, X, YouTube…); social networks at relationships (LinkedIn, XING).{" "}
          <span title={data.facebookNote} className="underline decoration-dotted">
            Facebook counts as social media by default
          </span>
          ; change it in Settings → Channels.
        </p>
        <Rows rows={types} previous={data.previous.platformType} total={total} locale={locale} href={filterHref("platformType")} />
      </div>
      <div className="rounded-xl border border-zinc-200 bg-white p-4 shadow-sm">
        <h2 className="text-sm font-semibold text-zinc-900">Channels</h2>
        <p className="mb-2 mt-0.5 text-xs text-zinc-600">The channel each link was made for (channel link sets).</p>
        <Rows rows={channels} previous={data.previous.channel} total={total} locale={locale} href={filterHref("channel")} />
      </div>
    </section>
  );
}
