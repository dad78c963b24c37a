import type { Metadata } from "next";
import { Share2 } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import { requireWorkspacePage } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Channels" };

export default async function ChannelsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await requireWorkspacePage(slug, "workspace.read", `/w/${slug}/settings/channels`);
  return (
    <EmptyState icon={Share2} title="Channels arrive with campaigns">
      Channels (Facebook, Instagram, LinkedIn, newsletter, print…) carry the UTM source and medium of each link, so analytics can compare them.
    </EmptyState>
  );
}
