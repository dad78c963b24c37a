import type { Metadata } from "next";
import type { QrActions } from "@/components/qr/types";
import { requireWorkspacePage } from "@/lib/auth/guards";
import { getBioPageQr } from "@/lib/bio-pages/bio-page-qr";
import { pageOrNotFound } from "@/lib/bio-pages/page-or-not-found";
import { QrDesignerPage } from "../../../qr/designer-page";
import { workspaceQrActions } from "../../../qr/qr-data";
import { removeBioQrLogoAction, saveBioQrDesignAction, uploadBioQrLogoAction } from "../../actions";

export const metadata: Metadata = { title: "QR code of a bio page" };

// The designer as for a short link; the code and its downloads are the page's (/api/v1/bio-pages/{id}/qr).
const bioQrActions: QrActions = {
  save: saveBioQrDesignAction,
  uploadLogo: uploadBioQrLogoAction,
  removeLogo: removeBioQrLogoAction,
  ...workspaceQrActions,
};

export default async function BioQrPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const access = await requireWorkspacePage(slug, "qr.read", `/w/${slug}/bio/${id}/qr`);
  const qr = await pageOrNotFound(() => getBioPageQr(access, id));
  return (
    <QrDesignerPage
      access={access}
      slug={slug}
      back={{ href: `/w/${slug}/bio/${id}`, label: "Back to the page" }}
      title={qr.page.title || "Untitled page"}
      actions={bioQrActions}
      data={{
        link: { id: qr.page.id, shortUrl: qr.page.url, title: qr.page.title, imagePath: `/api/v1/bio-pages/${encodeURIComponent(qr.page.id)}/qr` },
        design: qr.design,
        hasOwnLogo: false,
        ownLogoDataUri: null,
        workspaceLogoDataUri: qr.workspaceLogoDataUri,
        scans: qr.scans,
        analyticsHref: `/w/${slug}/analytics?bioPageId=${encodeURIComponent(qr.page.id)}`,
      }}
    />
  );
}
