import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { Logo } from "@/components/logo";
import { AnalyticsError } from "@/components/analytics/analytics-error";
import { DashboardView } from "@/components/analytics/dashboard-view";
import { getSharedDashboard } from "@/lib/analytics/get-dashboard";
import { queryFromSearchParams } from "@/lib/analytics/schemas";
import { openSharedReport } from "@/lib/analytics/shared-reports";
import { requestLocale } from "@/lib/http/request-locale";
import { toAppError } from "@/lib/to-app-error";

export const metadata: Metadata = { title: "Shared report", robots: { index: false, follow: false }, referrer: "no-referrer" };

/** A read-only dashboard of one campaign or link, for anyone holding its secret link. Nothing else of the workspace shows, nothing can be changed. */
export default async function SharedReportPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await params;
  const search = await searchParams;
  const report = await openSharedReport(token);
  if (!report) notFound();
  const base = `/share/${token}`;
  const locale = requestLocale(await headers());
  const result = await getSharedDashboard(report, queryFromSearchParams(search)).then(
    (data) => ({ data, error: null }),
    (err: unknown) => {
      const e = toAppError(err);
      if (e.code === "internal") throw err;
      return { data: null, error: e.message };
    },
  );
  return (
    <div className="min-h-screen bg-zinc-50">
      <header className="border-b border-zinc-200 bg-white">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-3 px-4 py-3 sm:px-6">
          <Logo />
          <span className="rounded-full bg-zinc-100 px-2.5 py-1 text-xs font-medium text-zinc-700">Read-only report</span>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-6 sm:px-6">
        <h1 className="mb-1 text-2xl font-semibold tracking-tight text-zinc-900">{report.title}</h1>
        <p className="mb-5 text-sm text-zinc-600">{report.scope === "campaignId" ? "Campaign" : "Short link"} analytics, shared by {report.workspace.name}.</p>
        {result.data ? (
          <DashboardView data={result.data} base={base} params={search} locale={locale} fixed={[report.scope]} unfilterable={["link"]} />
        ) : (
          <AnalyticsError message={result.error} resetHref={base} />
        )}
      </main>
    </div>
  );
}
