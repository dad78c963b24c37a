import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { QrCode } from "lucide-react";
import { PageHeader } from "@/components/dashboard/page-header";
import { Button } from "@/components/ui/button";
import { LinkForm } from "@/components/links/link-form";
import { requireWorkspacePage } from "@/lib/auth/guards";
import { AppError } from "@/lib/errors";
import { getLink } from "@/lib/links/get-link";
import { campaignAndCreatorOptions, linkActions } from "../links-data";

/** The tab names the link: "Edit go.example.com/spring". */
export async function generateMetadata({ params }: { params: Promise<{ slug: string; id: string }> }): Promise<Metadata> {
  const { slug, id } = await params;
  try {
    const access = await requireWorkspacePage(slug, "links.write", `/w/${slug}/links/${id}`);
    const link = await getLink(access.workspace.id, id);
    return { title: `Edit ${link.shortUrl.replace(/^https?:\/\//, "")}` };
  } catch {
    return { title: "Edit link" };
  }
}

export default async function EditLinkPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const access = await requireWorkspacePage(slug, "links.write", `/w/${slug}/links/${id}`);
  const link = await getLink(access.workspace.id, id).catch((err: unknown) => {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  });
  const { campaigns } = await campaignAndCreatorOptions(access.workspace.id);
  return (
    <div className="mx-auto max-w-3xl">
      <Link href={`/w/${slug}/links`} className="text-sm font-medium text-accent-700 hover:underline">
        ← Links
      </Link>
      <div className="mt-2">
        <PageHeader
          title="Edit link"
          description={link.shortUrl.replace(/^https?:\/\//, "")}
          actions={
            <Button asChild variant="secondary" size="sm">
              <Link href={`/w/${slug}/qr/${link.id}`}>
                <QrCode aria-hidden className="size-4" /> QR code
              </Link>
            </Button>
          }
        />
      </div>
      <LinkForm key={link.updatedAt} slug={slug} domain={link.domain} campaigns={campaigns} link={link} actions={linkActions} />
    </div>
  );
}
