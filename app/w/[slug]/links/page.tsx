import type { Metadata } from "next";
import { Link2 } from "lucide-react";
import { PageHeader } from "@/components/dashboard/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { requireWorkspacePage } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Links" };

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await requireWorkspacePage(slug, "links.read", `/w/${slug}/links`);
  return (
    <>
      <PageHeader title="Links" description="Short links for every campaign and channel." />
      <EmptyState icon={Link2} title="No links yet">
        Paste a URL to create your first short link. Creating links arrives with the next release of Pennant.
      </EmptyState>
    </>
  );
}
