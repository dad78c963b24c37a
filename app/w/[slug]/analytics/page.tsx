import type { Metadata } from "next";
import { BarChart3 } from "lucide-react";
import { PageHeader } from "@/components/dashboard/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { requireWorkspacePage } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Analytics" };

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await requireWorkspacePage(slug, "analytics.read", `/w/${slug}/analytics`);
  return (
    <>
      <PageHeader title="Analytics" description="Clicks, unique visitors and scans, without bots." />
      <EmptyState icon={BarChart3} title="No clicks yet">
        Once people open your short links, scan your QR codes or visit your bio pages, their clicks appear here by channel, country and device.
      </EmptyState>
    </>
  );
}
