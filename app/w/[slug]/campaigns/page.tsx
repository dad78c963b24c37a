import type { Metadata } from "next";
import { Megaphone } from "lucide-react";
import { PageHeader } from "@/components/dashboard/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { requireWorkspacePage } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Campaigns" };

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await requireWorkspacePage(slug, "campaigns.read", `/w/${slug}/campaigns`);
  return (
    <>
      <PageHeader title="Campaigns" description="Group links, QR codes and bio pages by campaign." />
      <EmptyState icon={Megaphone} title="No campaigns yet">
        A campaign groups the links of one launch or promotion, with UTM values every new link inherits.
      </EmptyState>
    </>
  );
}
