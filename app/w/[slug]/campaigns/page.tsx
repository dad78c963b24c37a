import type { Metadata } from "next";
import Link from "next/link";
import { Megaphone } from "lucide-react";
import { PageHeader } from "@/components/dashboard/page-header";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { CampaignForm } from "@/components/campaigns/campaign-form";
import { formatCampaignDates, formatCount } from "@/components/campaigns/format";
import { requireWorkspacePage } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { listCampaigns } from "@/lib/campaigns/list-campaigns";
import { createCampaignAction } from "./actions";

export const metadata: Metadata = { title: "Campaigns" };

export default async function CampaignsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await requireWorkspacePage(slug, "campaigns.read", `/w/${slug}/campaigns`);
  const campaigns = await listCampaigns(access);
  const canWrite = can(access.role, "campaigns.write");
  return (
    <>
      <PageHeader title="Campaigns" description="Group the links of one launch or promotion, with UTM values every new link inherits." />
      <div className="space-y-6">
        {campaigns.length === 0 ? (
          <EmptyState icon={Megaphone} title="No campaigns yet">
            A campaign groups the links of one launch or promotion. Give it UTM defaults once, then create a link for every channel (Facebook, LinkedIn, newsletter…) in one go.
          </EmptyState>
        ) : (
          <Card className="p-0 sm:p-0">
            <div className="hidden grid-cols-[1fr_14rem_5rem_5rem] gap-4 border-b border-zinc-200 px-6 py-3 text-xs font-medium uppercase tracking-wide text-zinc-500 sm:grid">
              <span>Campaign</span>
              <span>Dates</span>
              <span className="text-right">Links</span>
              <span className="text-right">Clicks</span>
            </div>
            <ul className="divide-y divide-zinc-100">
              {campaigns.map((c) => (
                <li key={c.id} data-testid="campaign-row">
                  <Link href={`/w/${slug}/campaigns/${c.id}`} className="block px-5 py-4 hover:bg-zinc-50 sm:grid sm:grid-cols-[1fr_14rem_5rem_5rem] sm:items-center sm:gap-4 sm:px-6">
                    <div className="min-w-0">
                      <p className="truncate text-sm font-medium text-accent-700" title={c.name}>{c.name}</p>
                      {c.description ? <p className="truncate text-sm text-zinc-500" title={c.description}>{c.description}</p> : null}
                    </div>
                    <p className="mt-1 text-sm text-zinc-600 sm:mt-0">{formatCampaignDates(c.startsAt, c.endsAt, access.workspace.timeZone)}</p>
                    <p className="mt-1 inline-block text-sm text-zinc-600 sm:mt-0 sm:block sm:text-right">
                      <span className="sm:hidden">Links: </span>
                      {formatCount(c.linkCount)}
                    </p>
                    <p className="ml-4 mt-1 inline-block text-sm text-zinc-600 sm:ml-0 sm:mt-0 sm:block sm:text-right">
                      <span className="sm:hidden">Clicks: </span>
                      {formatCount(c.clicks)}
                    </p>
                  </Link>
                </li>
              ))}
            </ul>
          </Card>
        )}
        {canWrite ? (
          <Card>
            <CardTitle>New campaign</CardTitle>
            <CardDescription>Name it, give it dates if it has them, and the UTM values its links should carry.</CardDescription>
            <div className="mt-5">
              <CampaignForm idPrefix="new" timeZone={access.workspace.timeZone} submitLabel="Create campaign" action={createCampaignAction.bind(null, slug)} />
            </div>
          </Card>
        ) : null}
      </div>
    </>
  );
}
