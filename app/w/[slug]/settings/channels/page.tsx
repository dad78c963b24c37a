import type { Metadata } from "next";
import { Info, Share2 } from "lucide-react";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { AddChannelForm, ChannelAnalytics, ChannelEditor } from "@/components/channels/channel-list";
import { requireWorkspacePage } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { listChannels } from "@/lib/channels/list-channels";
import { CHANNEL_KIND_LABELS, FACEBOOK_KIND_EXPLANATION } from "@/lib/channels/schemas";
import { createChannelAction, deleteChannelAction, updateChannelAction } from "./actions";

export const metadata: Metadata = { title: "Channels" };

export default async function ChannelsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await requireWorkspacePage(slug, "workspace.read", `/w/${slug}/settings/channels`);
  const channels = await listChannels(access);
  const canManage = can(access.role, "channels.manage");
  return (
    <>
      <Card>
        <CardTitle>Channels</CardTitle>
        <CardDescription>
          Where campaign links are shared. Each channel gives its links a UTM source and medium, and its kind decides where analytics count it: social media (reach),
          social networks (relationships), messaging, email or offline.
        </CardDescription>
        <div className="mt-4 flex gap-3 rounded-lg border border-accent-100 bg-accent-50 p-4 text-sm text-zinc-800" data-testid="facebook-explanation">
          <Info aria-hidden className="mt-0.5 size-4 shrink-0 text-accent-600" />
          <p>{FACEBOOK_KIND_EXPLANATION}</p>
        </div>
        <div className="mt-5">
          {channels.length === 0 ? (
            <EmptyState icon={Share2} title="No channels">
              {canManage ? "Add the places you share links below." : "An admin can add channels here."}
            </EmptyState>
          ) : canManage ? (
            <ChannelEditor slug={slug} channels={channels} update={updateChannelAction} remove={deleteChannelAction} />
          ) : (
            <ul className="divide-y divide-zinc-100">
              {channels.map((c) => (
                <li key={c.id} className="flex flex-col gap-1 py-3 sm:flex-row sm:items-center sm:gap-4" data-testid="channel-row">
                  <p className="text-sm font-medium text-zinc-900 sm:w-40">{c.name}</p>
                  <p className="text-sm text-zinc-600 sm:w-36">{CHANNEL_KIND_LABELS[c.kind]}</p>
                  <p className="font-mono text-sm text-zinc-600 sm:flex-1">
                    utm_source={c.utmSource} · utm_medium={c.utmMedium}
                  </p>
                  <ChannelAnalytics slug={slug} channel={c} />
                </li>
              ))}
            </ul>
          )}
        </div>
      </Card>
      {canManage ? (
        <Card>
          <CardTitle>Add a channel</CardTitle>
          <CardDescription>For any other place you share links: a partner site, a podcast, a trade fair.</CardDescription>
          <div className="mt-5">
            <AddChannelForm slug={slug} action={createChannelAction} />
          </div>
        </Card>
      ) : null}
    </>
  );
}
