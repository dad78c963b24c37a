import type { Metadata } from "next";
import Link from "next/link";
import { ArrowLeft } from "lucide-react";
import { PageHeader } from "@/components/dashboard/page-header";
import { QrDesigner } from "@/components/qr/qr-designer";
import type { QrActions } from "@/components/qr/types";
import { requireWorkspacePage } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { getBioPageQr } from "@/lib/bio-pages/bio-page-qr";
import { pageOrNotFound } from "@/lib/bio-pages/page-or-not-found";
import { DEFAULT_QR_DESIGN } from "@/lib/qr/design-schema";
import { listQrPresets } from "@/lib/qr/operations";
import { deleteQrPresetAction, removeWorkspaceQrLogoAction, saveQrPresetAction, uploadWorkspaceQrLogoAction } from "../../../qr/actions";
import { removeBioQrLogoAction, saveBioQrDesignAction, uploadBioQrLogoAction } from "../../actions";

export const metadata: Metadata = { title: "QR code of a bio page" };

// The designer as for a short link; the code and its downloads are the page's (/api/v1/bio-pages/{id}/qr).
const bioQrActions: QrActions = {
  save: saveBioQrDesignAction,
  uploadLogo: uploadBioQrLogoAction,
  removeLogo: removeBioQrLogoAction,
  uploadWorkspaceLogo: uploadWorkspaceQrLogoAction,
  removeWorkspaceLogo: removeWorkspaceQrLogoAction,
  savePreset: saveQrPresetAction,
  deletePreset: deleteQrPresetAction,
};

export default async function BioQrPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const access = await requireWorkspacePage(slug, "qr.read", `/w/${slug}/bio/${id}/qr`);
  const qr = await pageOrNotFound(() => getBioPageQr(access, id));
  const presets = await listQrPresets(access);
  return (
    <>
      <Link href={`/w/${slug}/bio/${id}`} className="mb-3 inline-flex items-center gap-1 text-sm text-zinc-600 hover:text-zinc-900">
        <ArrowLeft aria-hidden className="size-4" /> Back to the page
      </Link>
      <PageHeader title="QR code" description={`${qr.page.title || "Untitled page"} · ${qr.page.url.replace(/^https?:\/\//, "")}`} />
      <QrDesigner
        defaultDesign={DEFAULT_QR_DESIGN}
        slug={slug}
        canWrite={can(access.role, "qr.write")}
        presets={presets}
        actions={bioQrActions}
        data={{
          link: { id: qr.page.id, shortUrl: qr.page.url, title: qr.page.title, imagePath: `/api/v1/bio-pages/${encodeURIComponent(qr.page.id)}/qr` },
          design: qr.design,
          hasOwnLogo: false,
          ownLogoDataUri: null,
          workspaceLogoDataUri: qr.workspaceLogoDataUri,
          scans: qr.scans,
        }}
      />
    </>
  );
}
