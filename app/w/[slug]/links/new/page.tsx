import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/dashboard/page-header";
import { LinkForm } from "@/components/links/link-form";
import { requireWorkspacePage } from "@/lib/auth/guards";
import { defaultDomain } from "@/lib/links/domains";
import { listDomains } from "@/lib/domains/manage-domains";
import { campaignAndCreatorOptions, linkActions } from "../links-data";

export const metadata: Metadata = { title: "New link" };

export default async function NewLinkPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ url?: string | string[] }> }) {
  const { slug } = await params;
  const access = await requireWorkspacePage(slug, "links.write", `/w/${slug}/links/new`);
  const { url } = await searchParams;
  const [{ campaigns }, own] = await Promise.all([campaignAndCreatorOptions(access), listDomains(access)]);
  return (
    <div className="mx-auto max-w-3xl">
      <Link href={`/w/${slug}/links`} className="text-sm font-medium text-accent-700 hover:underline">
        ← Links
      </Link>
      <div className="mt-2">
        <PageHeader title="New link" description="Every option of a short link; only the destination is required." />
      </div>
      <LinkForm slug={slug} domain={defaultDomain()} domains={[defaultDomain(), ...own.map((d) => d.hostname)]} campaigns={campaigns} initialUrl={typeof url === "string" ? url : undefined} actions={linkActions} />
    </div>
  );
}
