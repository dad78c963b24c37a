import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { BioEditor } from "@/components/bio/bio-editor";
import { PageStatsPanel } from "@/components/bio/page-stats-panel";
import { SubscribersPanel } from "@/components/bio/subscribers-panel";
import { PageHeader } from "@/components/dashboard/page-header";
import { Button } from "@/components/ui/button";
import { requireWorkspacePage } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { getBioPage } from "@/lib/bio-pages/get-bio-page";
import { getPageStats, lastDays } from "@/lib/bio-pages/page-stats";
import { listSubscribers } from "@/lib/bio-pages/subscribers";
import { env } from "@/lib/env";
import { requestLocale } from "@/lib/http/request-locale";
import { listLinks } from "@/lib/links/list-links";
import { pageOrNotFound } from "@/lib/bio-pages/page-or-not-found";

export const metadata: Metadata = { title: "Edit bio page" };

export default async function Page({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const access = await requireWorkspacePage(slug, "bio.read", `/w/${slug}/bio/${id}`);
  const page = await pageOrNotFound(() => getBioPage(access.workspace.id, id));
  const tz = access.workspace.timeZone;
  const [stats, subscribers, links, locale] = await Promise.all([
    getPageStats(access, id, lastDays(30, tz)),
    listSubscribers(access.workspace.id, id, { limit: 100 }),
    listLinks(access, { limit: 100 }),
    headers().then(requestLocale),
  ]);
  const canEdit = can(access.role, "bio.write");
  return (
    <>
      <PageHeader
        title={page.title || "Untitled page"}
        description={`@${page.handle}`}
        actions={
          <div className="flex gap-2">
            <Button asChild variant="secondary">
              <Link href={`/w/${slug}/bio`}>All pages</Link>
            </Button>
          </div>
        }
      />
      <BioEditor
        slug={slug}
        page={page}
        canEdit={canEdit}
        timeZone={tz}
        appUrl={env().APP_URL}
        links={links.data.map((l) => ({ id: l.id, shortUrl: l.shortUrl, title: l.title }))}
      />
      <div className="mt-6 space-y-6">
        <PageStatsPanel slug={slug} id={id} initial={stats} locale={locale} />
        <SubscribersPanel slug={slug} id={id} subscribers={subscribers.data} more={subscribers.nextCursor !== null} canEdit={canEdit} timeZone={tz} />
      </div>
    </>
  );
}
