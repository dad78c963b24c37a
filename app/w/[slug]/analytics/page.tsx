import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { PageHeader } from "@/components/dashboard/page-header";
import { DashboardView } from "@/components/analytics/dashboard-view";
import { AnalyticsError } from "@/components/analytics/analytics-error";
import { ShareReport } from "@/components/analytics/share-report";
import { LivePanel } from "@/components/analytics/live-panel";
import { toSearch } from "@/components/analytics/view-url";
import { requireWorkspacePage } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { listSharedReports } from "@/lib/analytics/shared-reports";
import { env } from "@/lib/env";
import { createSharedReportAction, revokeSharedReportAction } from "./actions";
import { getDashboard } from "@/lib/analytics/get-dashboard";
import { queryFromSearchParams } from "@/lib/analytics/schemas";
import { requestLocale } from "@/lib/http/request-locale";
import { toAppError } from "@/lib/to-app-error";

export const metadata: Metadata = { title: "Analytics" };

const SCOPE_TITLES = { link: "Link", campaign: "Campaign", tag: "Tag", channel: "Channel", qr: "QR code", bioPage: "Bio page" } as const;

/** The view's filters and bot switch (not its period): what the live panel reads with. */
function liveSearch(search: Record<string, string | string[] | undefined>): URLSearchParams {
  const s = toSearch(search);
  for (const k of ["range", "from", "to", "interval", "timezone", "limit", "groupBy"]) s.delete(k);
  return s;
}

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
  const shareKind = data.scope?.kind === "campaign" ? "campaign" : data.scope?.kind === "link" ? "link" : null;
  const canShare = shareKind !== null && can(access.role, shareKind === "campaign" ? "campaigns.write" : "links.write");
  const shared = canShare ? await listSharedReports(access, { kind: shareKind!, targetId: data.scope!.id }) : [];
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
      {canShare ? (
        <div className="mb-5">
          <ShareReport
            slug={slug}
            kind={shareKind!}
            targetId={data.scope!.id}
            origin={env().APP_URL.replace(/\/$/, "")}
            shared={shared.map((s) => ({ id: s.id, createdAt: s.createdAt.toISOString() }))}
            timeZone={access.workspace.timeZone}
            createAction={createSharedReportAction}
            revokeAction={revokeSharedReportAction}
          />
        </div>
      ) : null}
      <div className="mb-5">
        <LivePanel src={`${base}/live?${liveSearch(search)}`} locale={locale} timeZone={access.workspace.timeZone} />
      </div>
      <DashboardView data={data} base={base} params={search} locale={locale} exportBase={`${base}/export`} />
    </>
  );
}
