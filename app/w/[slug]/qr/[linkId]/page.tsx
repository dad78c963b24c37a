import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Pencil } from "lucide-react";
import { Button } from "@/components/ui/button";
import { requireWorkspacePage } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { getLinkQr } from "@/lib/qr/operations";
import { QrDesignerPage } from "../designer-page";
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

export default async function LinkQrPage({ params }: { params: Promise<{ slug: string; linkId: string }> }) {
  const { slug, linkId } = await params;
  const access = await requireWorkspacePage(slug, "qr.read", `/w/${slug}/qr/${linkId}`);
  const qr = await getLinkQr(access, linkId).catch((err: unknown) => {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  });
  return (
    <QrDesignerPage
      access={access}
      slug={slug}
      back={{ href: `/w/${slug}/qr`, label: "QR codes" }}
      title={qr.link.title}
      headerActions={
        can(access.role, "links.write") ? (
          <Button asChild variant="secondary" size="sm">
            <Link href={`/w/${slug}/links/${qr.link.id}`}>
              <Pencil aria-hidden className="size-4" /> Edit link
            </Link>
          </Button>
        ) : null
      }
      actions={qrActions}
      data={{
        link: { id: qr.link.id, shortUrl: qr.link.shortUrl, title: qr.link.title },
        design: qr.design,
        hasOwnLogo: qr.hasOwnLogo,
        ownLogoDataUri: qr.ownLogoDataUri,
        workspaceLogoDataUri: qr.workspaceLogoDataUri,
        scans: qr.scans,
        analyticsHref: `/w/${slug}/analytics?qrId=${encodeURIComponent(qr.link.id)}`,
      }}
    />
  );
}
