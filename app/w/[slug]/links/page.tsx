import type { Metadata } from "next";
import Link from "next/link";
import { BarChart3, Download, Upload } from "lucide-react";
import { PageHeader } from "@/components/dashboard/page-header";
import { LinkFilters } from "@/components/links/link-filters";
import { LinksView } from "@/components/links/links-view";
import { Button } from "@/components/ui/button";
import { requireWorkspacePage } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { listChannelOptions } from "@/lib/channels/list-channel-options";
import { listLinks } from "@/lib/links/list-links";
import { listTags } from "@/lib/links/list-tags";
import { listLinksQuerySchema } from "@/lib/links/schemas";
import { campaignAndCreatorOptions, linkActions } from "./links-data";

export const metadata: Metadata = { title: "Links" };

type SearchParams = Record<string, string | string[] | undefined>;

/** The filters of the URL that parse; a malformed one is ignored rather than failing the page. */
function readQuery(sp: SearchParams) {
  const query: Record<string, string> = {};
  for (const key of ["search", "tag", "campaignId", "createdById", "status", "sort"] as const) {
    const raw = sp[key];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (!value) continue;
    const one = listLinksQuerySchema.pick({ [key]: true } as Record<typeof key, true>).safeParse({ [key]: value });
    if (one.success) query[key] = value;
  }
  return query;
}

export default async function LinksPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<SearchParams> }) {
  const { slug } = await params;
  const access = await requireWorkspacePage(slug, "links.read", `/w/${slug}/links`);
  const query = readQuery(await searchParams);
  const [page, tags, { campaigns, creators }, channels] = await Promise.all([
    listLinks(access, query),
    listTags(access),
    campaignAndCreatorOptions(access),
    listChannelOptions(access),
  ]);
  // The tag filtered by, when it exists: its analytics view is one click away.
  const tagId = query.tag ? (tags.find((t) => t.name === query.tag)?.id ?? null) : null;
  const canWrite = can(access.role, "links.write");
  const filtered = Boolean(query.search || query.tag || query.campaignId || query.createdById || query.status);

  return (
    <>
      <PageHeader
        title="Links"
        description="Short links for every campaign and channel."
        actions={
          <div className="flex flex-wrap gap-2">
            {tagId && (
              <Button asChild variant="secondary" size="sm">
                <Link href={`/w/${slug}/analytics?tagId=${encodeURIComponent(tagId)}`} prefetch={false}>
                  <BarChart3 aria-hidden className="size-4" /> Analytics of “{query.tag}”
                </Link>
              </Button>
            )}
            {canWrite && (
              <Button asChild variant="secondary" size="sm">
                <Link href={`/w/${slug}/links/import`}>
                  <Upload aria-hidden className="size-4" /> Import CSV
                </Link>
              </Button>
            )}
            {can(access.role, "links.read") && (
              <Button asChild variant="secondary" size="sm">
                <Link href={`/w/${slug}/links/export`} prefetch={false}>
                  <Download aria-hidden className="size-4" /> Export CSV
                </Link>
              </Button>
            )}
          </div>
        }
      />
      <LinksView
        slug={slug}
        canWrite={canWrite}
        filtered={filtered}
        query={query}
        page={page}
        creators={creators}
        campaigns={campaigns}
        channels={channels}
        timeZone={access.workspace.timeZone}
        actions={linkActions}
        filters={<LinkFilters slug={slug} values={query} tags={tags.map((t) => t.name)} campaigns={campaigns} creators={creators} />}
      />
    </>
  );
}
