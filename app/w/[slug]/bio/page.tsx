import type { Metadata } from "next";
import Link from "next/link";
import { UserRound } from "lucide-react";
import { NewBioPageForm } from "@/components/bio/new-page-form";
import { PageHeader } from "@/components/dashboard/page-header";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { can } from "@/lib/auth/permissions";
import { requireWorkspacePage } from "@/lib/auth/guards";
import { listBioPages } from "@/lib/bio-pages/list-bio-pages";

export const metadata: Metadata = { title: "Bio pages" };

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await requireWorkspacePage(slug, "bio.read", `/w/${slug}/bio`);
  const { data: pages } = await listBioPages(access.workspace.id);
  const canEdit = can(access.role, "bio.write");
  return (
    <>
      <PageHeader title="Bio pages" description="One link for your profiles: a fast page at /@handle with your links, clicks counted like every other link." />
      {canEdit && (
        <Card className="mb-6">
          <NewBioPageForm slug={slug} />
        </Card>
      )}
      {pages.length === 0 ? (
        <EmptyState icon={UserRound} title="No bio pages yet">
          {canEdit ? "Choose a handle above to create your first page. Nobody sees it until you publish it." : "Members of this workspace can create one."}
        </EmptyState>
      ) : (
        <ul className="divide-y divide-zinc-200 rounded-xl border border-zinc-200 bg-white">
          {pages.map((p) => (
            <li key={p.id} className="flex flex-col gap-1 p-4 sm:flex-row sm:items-center sm:justify-between">
              <div className="min-w-0">
                <Link href={`/w/${slug}/bio/${p.id}`} className="font-medium text-zinc-900 hover:underline">
                  {p.title}
                </Link>
                <p className="truncate text-sm text-zinc-600" title={`@${p.handle}`}>@{p.handle}</p>
              </div>
              <span className={`w-fit rounded-full px-2 py-0.5 text-xs font-medium ${p.published ? "bg-emerald-50 text-emerald-800" : "bg-zinc-100 text-zinc-700"}`}>
                {p.published ? (p.hasUnpublishedChanges ? "Published, with unpublished changes" : "Published") : "Draft"}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
