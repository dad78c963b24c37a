import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowLeft, BarChart3, Link2 } from "lucide-react";
import { PageHeader } from "@/components/dashboard/page-header";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { CampaignActions } from "@/components/campaigns/campaign-actions";
import { ChannelLinkSetForm } from "@/components/campaigns/channel-link-set-form";
import { ShortLink } from "@/components/campaigns/short-link";
import { formatCampaignDates, formatCount } from "@/components/campaigns/format";
import type { WorkspaceAccess } from "@/lib/auth/access";
import { requireWorkspacePage } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { getCampaign } from "@/lib/campaigns/get-campaign";
import { listChannels } from "@/lib/channels/list-channels";
import { UTM_KEYS } from "@/lib/links/destination";
import { createChannelLinkSetAction, deleteCampaignAction, updateCampaignAction } from "../actions";

export const metadata: Metadata = { title: "Campaign" };

async function load(access: WorkspaceAccess, id: string) {
  try {
    return await getCampaign(access, id);
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  }
}

export default async function CampaignPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const access = await requireWorkspacePage(slug, "campaigns.read", `/w/${slug}/campaigns/${id}`);
  const campaign = await load(access, id);
  const canWrite = can(access.role, "campaigns.write");
  const channels = await listChannels(access);
  const channelName = new Map(channels.map((c) => [c.id, c.name]));
  const utm = UTM_KEYS.filter((k) => campaign.utm[k]);
  return (
    <>
      <Link href={`/w/${slug}/campaigns`} className="mb-3 inline-flex items-center gap-1 text-sm text-zinc-600 hover:text-zinc-900">
        <ArrowLeft aria-hidden className="size-4" /> Campaigns
      </Link>
      <PageHeader
        title={campaign.name}
        description={campaign.description ?? undefined}
        actions={
          <Link href={`/w/${slug}/analytics?campaignId=${campaign.id}`} className="inline-flex items-center gap-1.5 text-sm font-medium text-accent-700 hover:underline">
            <BarChart3 aria-hidden className="size-4" /> Campaign analytics
          </Link>
        }
      />
      <div className="space-y-6">
        <Card>
          <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
            <div className="col-span-2">
              <dt className="text-xs font-medium uppercase tracking-wide text-zinc-500">Dates</dt>
              <dd className="mt-1 text-sm text-zinc-900">{formatCampaignDates(campaign.startsAt, campaign.endsAt, access.workspace.timeZone)}</dd>
            </div>
            <div>
              <dt className="text-xs font-medium uppercase tracking-wide text-zinc-500">Links</dt>
              <dd className="mt-1 text-lg font-semibold text-zinc-900" data-testid="campaign-link-count">{formatCount(campaign.linkCount)}</dd>
            </div>
            <div>
              <dt className="text-xs font-medium uppercase tracking-wide text-zinc-500">Clicks so far</dt>
              <dd className="mt-1 text-lg font-semibold text-zinc-900" data-testid="campaign-clicks">{formatCount(campaign.clicks)}</dd>
            </div>
            <div className="col-span-2 sm:col-span-4">
              <dt className="text-xs font-medium uppercase tracking-wide text-zinc-500">Default UTM values</dt>
              <dd className="mt-1 flex flex-wrap gap-2 text-sm">
                {utm.length ? (
                  utm.map((k) => (
                    <code key={k} className="break-all rounded bg-zinc-100 px-1.5 py-0.5 text-zinc-800">
                      utm_{k}={campaign.utm[k]}
                    </code>
                  ))
                ) : (
                  <span className="text-zinc-500">None; channel links made here get utm_campaign from the campaign’s name.</span>
                )}
              </dd>
            </div>
          </dl>
          {canWrite ? (
            <div className="mt-5 border-t border-zinc-100 pt-4">
              <CampaignActions slug={slug} campaign={campaign} timeZone={access.workspace.timeZone} update={updateCampaignAction} remove={deleteCampaignAction} />
            </div>
          ) : null}
        </Card>

        {canWrite ? (
          <Card>
            <CardTitle>Links for several channels at once</CardTitle>
            <CardDescription>One destination, one short link per channel, each tagged with the channel’s UTM source and medium so analytics can tell them apart.</CardDescription>
            <div className="mt-5">
              {channels.length ? (
                <ChannelLinkSetForm slug={slug} campaignId={campaign.id} channels={channels} action={createChannelLinkSetAction} />
              ) : (
                <p className="text-sm text-zinc-600">
                  This workspace has no channels. Add some in{" "}
                  <Link className="text-accent-700 underline" href={`/w/${slug}/settings/channels`}>
                    Settings → Channels
                  </Link>
                  .
                </p>
              )}
            </div>
          </Card>
        ) : null}

        <section aria-labelledby="campaign-links">
          <h2 id="campaign-links" className="mb-3 text-base font-semibold text-zinc-900">
            Links in this campaign
          </h2>
          {campaign.links.length === 0 ? (
            <EmptyState icon={Link2} title="No links yet">
              {canWrite ? "Create a set of links above, one per channel." : "Nobody has added links to this campaign yet."}
            </EmptyState>
          ) : (
            <Card className="p-0 sm:p-0">
              <ul className="divide-y divide-zinc-100">
                {campaign.links.map((l) => {
                  const channel = l.channelId ? channelName.get(l.channelId) : undefined;
                  const title = l.title || l.slug;
                  return (
                    <li key={l.id} className="flex flex-col gap-2 px-5 py-4 sm:px-6" data-testid="campaign-link">
                      <div className="flex items-baseline justify-between gap-3">
                        <p className="min-w-0 text-sm font-medium text-zinc-900">
                          {title}
                          {channel && !title.includes(channel) ? <span className="ml-2 rounded-full bg-zinc-100 px-2 py-0.5 text-xs font-normal text-zinc-600">{channel}</span> : null}
                        </p>
                        <p className="shrink-0 text-sm text-zinc-600">
                          <span className="font-semibold text-zinc-900">{formatCount(l.clicks)}</span> click{l.clicks === 1 ? "" : "s"}
                        </p>
                      </div>
                      <ShortLink label={`Short link ${l.slug}`} url={l.shortUrl} />
                      <p className="break-all text-xs text-zinc-500" data-testid="campaign-link-final-url">
                        → {l.finalUrl}
                      </p>
                    </li>
                  );
                })}
              </ul>
            </Card>
          )}
        </section>
      </div>
    </>
  );
}
