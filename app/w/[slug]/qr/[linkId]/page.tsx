import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowLeft, Pencil } from "lucide-react";
import { PageHeader } from "@/components/dashboard/page-header";
import { QrDesigner } from "@/components/qr/qr-designer";
import { Button } from "@/components/ui/button";
import { requireWorkspacePage } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { DEFAULT_QR_DESIGN } from "@/lib/qr/design-schema";
import { getLinkQr, listQrPresets } from "@/lib/qr/operations";
import { qrActions } from "../qr-data";

/** The tab names the code: "QR code · go.example.com/spring". */
export async function generateMetadata({ params }: { params: Promise<{ slug: string; linkId: string }> }): Promise<Metadata> {
  const { slug, linkId } = await params;
  try {
    const access = await requireWorkspacePage(slug, "qr.read", `/w/${slug}/qr/${linkId}`);
    const qr = await getLinkQr(access, linkId);
    return { title: `QR code · ${qr.link.shortUrl.replace(/^https?:\/\//, "")}` };
  } catch {
    return { title: "QR code" };
  }
}

export default async function QrDesignerPage({ params }: { params: Promise<{ slug: string; linkId: string }> }) {
  const { slug, linkId } = await params;
  const access = await requireWorkspacePage(slug, "qr.read", `/w/${slug}/qr/${linkId}`);
  const qr = await getLinkQr(access, linkId).catch((err: unknown) => {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  });
  const presets = await listQrPresets(access);
  const shortLabel = qr.link.shortUrl.replace(/^https?:\/\//, "");
  return (
    <>
      <Link href={`/w/${slug}/qr`} className="mb-3 inline-flex items-center gap-1 text-sm text-zinc-600 hover:text-zinc-900">
        <ArrowLeft aria-hidden className="size-4" /> QR codes
      </Link>
      <PageHeader
        title="QR code"
        description={qr.link.title ? `${qr.link.title} · ${shortLabel}` : shortLabel}
        actions={
          can(access.role, "links.write") ? (
            <Button asChild variant="secondary" size="sm">
              <Link href={`/w/${slug}/links/${qr.link.id}`}>
                <Pencil aria-hidden className="size-4" /> Edit link
              </Link>
            </Button>
          ) : null
        }
      />
      <QrDesigner
        defaultDesign={DEFAULT_QR_DESIGN}
        slug={slug}
        canWrite={can(access.role, "qr.write")}
        presets={presets}
        actions={qrActions}
        data={{
          link: { id: qr.link.id, shortUrl: qr.link.shortUrl, title: qr.link.title },
          design: qr.design,
          hasOwnLogo: qr.hasOwnLogo,
          ownLogoDataUri: qr.ownLogoDataUri,
          workspaceLogoDataUri: qr.workspaceLogoDataUri,
          scans: qr.scans,
        }}
      />
    </>
  );
}
