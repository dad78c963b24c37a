import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { PageHeader } from "@/components/dashboard/page-header";
import { DashboardView } from "@/components/analytics/dashboard-view";
import { AnalyticsError } from "@/components/analytics/analytics-error";
import { requireWorkspacePage } from "@/lib/auth/guards";
import { getDashboard } from "@/lib/analytics/get-dashboard";
import { queryFromSearchParams } from "@/lib/analytics/schemas";
import { requestLocale } from "@/lib/http/request-locale";
import { toAppError } from "@/lib/to-app-error";

export const metadata: Metadata = { title: "Analytics" };

const SCOPE_TITLES = { link: "Link", campaign: "Campaign", tag: "Tag", channel: "Channel", qr: "QR code", bioPage: "Bio page" } as const;

export default async function Page({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { slug } = await params;
  const search = await searchParams;
  const access = await requireWorkspacePage(slug, "analytics.read", `/w/${slug}/analytics`);
  const base = `/w/${slug}/analytics`;
  const locale = requestLocale(await headers());
  let data;
  try {
    data = await getDashboard(access, queryFromSearchParams(search));
  } catch (err) {
    const e = toAppError(err);
    if (e.code === "internal") throw err;
    return (
      <>
        <PageHeader title="Analytics" />
        <AnalyticsError message={e.message} resetHref={base} />
      </>
    );
  }
  const title = data.scope ? `${SCOPE_TITLES[data.scope.kind]}: ${data.scope.name}` : "Analytics";
  return (
    <>
      <PageHeader
        title={title}
        description="Clicks, unique visitors and scans. Click any row to filter by it."
        actions={
          data.scope ? (
            <Link href={base} className="text-sm text-accent-700 hover:underline">
              Whole workspace
            </Link>
          ) : null
        }
      />
      <DashboardView data={data} base={base} params={search} locale={locale} exportBase={`${base}/export`} />
    </>
  );
}
