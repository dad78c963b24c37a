// Each question a dashboard view's panels ask, asked on its own (the API's
// way) `runs` times, one at a time: shared by bench:analytics and
// bench:analytics:view. Import it after DATABASE_URL is set.
import { getBreakdown, getTimeseries, getTotals } from "@/lib/analytics/get-analytics";
import { DASHBOARD_PANELS } from "@/lib/analytics/get-dashboard";
import type { ResolvedQuery } from "@/lib/analytics/resolve-query";

/** Each question's label and its times in ms, in the order asked. */
export async function timeQuestions(q: ResolvedQuery, runs: number): Promise<{ label: string; ms: number[] }[]> {
  const questions: [string, () => Promise<unknown>][] = [
    ["totals", () => getTotals(q)],
    ["timeseries", () => getTimeseries(q)],
    ...DASHBOARD_PANELS.map((d) => [d, () => getBreakdown(q, d, 10)] as [string, () => Promise<unknown>]),
  ];
  const out: { label: string; ms: number[] }[] = [];
  for (const [label, ask] of questions) {
    const ms: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await ask();
      ms.push(performance.now() - t);
    }
    out.push({ label, ms });
  }
  return out;
}
