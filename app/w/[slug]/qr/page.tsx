import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { QrCode, SearchX } from "lucide-react";
import { PageHeader } from "@/components/dashboard/page-header";
import { QrList } from "@/components/qr/qr-list";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { SearchForm } from "@/components/ui/search-form";
import { requireWorkspacePage } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { requestLocale } from "@/lib/http/request-locale";
import { listQrCodes } from "@/lib/qr/operations";
import { listQrCodesAction } from "./actions";
import { presentQrCodes } from "./present";

export const metadata: Metadata = { title: "QR codes" };

export default async function QrCodesPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ q?: string | string[] }> }) {
  const { slug } = await params;
  const access = await requireWorkspacePage(slug, "qr.read", `/w/${slug}/qr`);
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? raw[0] : raw)?.trim().slice(0, 200) ?? "";
  const page = presentQrCodes(await listQrCodes(access, q ? { q } : {}));

  return (
    <>
      <PageHeader
        title="QR codes"
        description="Every code encodes its short link, so you can change where it leads after printing. Scans are counted apart from clicks."
        actions={
          can(access.role, "qr.write") && (
          <Button asChild>
            <Link href={`/w/${slug}/qr/new`}>New QR code</Link>
          </Button>
          )
        }
      />
      {page.data.length === 0 && !q ? (
        <EmptyState
          icon={QrCode}
          title="No QR codes yet"
          action={
            <Button asChild>
              <Link href={`/w/${slug}/qr/new`}>Create a QR code</Link>
            </Button>
          }
        >
          Every short link can have a QR code in your colours and with your logo. Paste a web address or pick one of your links to create one here.
        </EmptyState>
      ) : (
        <div className="space-y-4">
          <SearchForm action={`/w/${slug}/qr`} name="q" label="Search QR codes" placeholder="Search by slug, title or destination" defaultValue={q} />
          {page.data.length === 0 ? (
            <EmptyState icon={SearchX} title="No QR codes match">
              Try another search, or <Link href={`/w/${slug}/qr`} className="font-medium text-accent-700 hover:underline">see every code</Link>.
            </EmptyState>
          ) : (
            <QrList key={q} slug={slug} page={page} q={q} timeZone={access.workspace.timeZone} locale={requestLocale(await headers())} loadMore={listQrCodesAction} />
          )}
        </div>
      )}
    </>
  );
}
