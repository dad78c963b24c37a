import type { Metadata } from "next";
import { UserRound } from "lucide-react";
import { PageHeader } from "@/components/dashboard/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { requireWorkspacePage } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Bio pages" };

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await requireWorkspacePage(slug, "bio.read", `/w/${slug}/bio`);
  return (
    <>
      <PageHeader title="Bio pages" description="Link-in-bio pages at your own handle." />
      <EmptyState icon={UserRound} title="No bio pages yet">
        A bio page collects your links on one profile page at /@handle, with clicks counted like every other link.
      </EmptyState>
    </>
  );
}
