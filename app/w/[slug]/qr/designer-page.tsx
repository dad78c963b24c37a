import "server-only";
import type { ReactNode } from "react";
import Link from "next/link";
import { headers } from "next/headers";
import { ArrowLeft } from "lucide-react";
import { PageHeader } from "@/components/dashboard/page-header";
import { QrDesigner } from "@/components/qr/qr-designer";
import type { QrActions, QrLinkData } from "@/components/qr/types";
import type { WorkspaceAccess } from "@/lib/auth/access";
import { can } from "@/lib/auth/permissions";
import { requestLocale } from "@/lib/http/request-locale";
import { DEFAULT_QR_DESIGN } from "@/lib/qr/design-schema";
import { listQrPresets } from "@/lib/qr/operations";

interface Props {
  access: WorkspaceAccess;
  slug: string;
  back: { href: string; label: string };
  /** Named in the header beside the address the code encodes. */
  title: string | null;
  headerActions?: ReactNode;
  actions: QrActions;
  data: QrLinkData;
}

/**
 * The QR designer's page, one for a short link's code and a bio page's: a way
 * back, the header naming what the code leads to, and the designer with the
 * workspace's presets. The caller has authorized the page and loaded the code.
 */
export async function QrDesignerPage({ access, slug, back, title, headerActions, actions, data }: Props) {
  const [presets, locale] = await Promise.all([listQrPresets(access), headers().then(requestLocale)]);
  const address = data.link.shortUrl.replace(/^https?:\/\//, "");
  return (
    <>
      <Link href={back.href} className="mb-3 inline-flex items-center gap-1 text-sm text-zinc-600 hover:text-zinc-900">
        <ArrowLeft aria-hidden className="size-4" /> {back.label}
      </Link>
      <PageHeader title="QR code" description={title ? `${title} · ${address}` : address} actions={headerActions} />
      <QrDesigner defaultDesign={DEFAULT_QR_DESIGN} slug={slug} canWrite={can(access.role, "qr.write")} presets={presets} actions={actions} data={data} locale={locale} />
    </>
  );
}
