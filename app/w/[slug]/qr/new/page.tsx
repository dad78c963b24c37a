import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/dashboard/page-header";
import { NewQrCode } from "@/components/qr-new/new-qr-code";
import { requireWorkspacePage } from "@/lib/auth/guards";
import { listLinks } from "@/lib/links/list-links";
import { createQrCodeAction } from "./actions";

export const metadata: Metadata = { title: "New QR code" };

export default async function NewQrCodePage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ q?: string | string[] }> }) {
  const { slug } = await params;
  const access = await requireWorkspacePage(slug, "qr.write", `/w/${slug}/qr/new`);
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? raw[0] : raw)?.trim().slice(0, 200) ?? "";
  const links = await listLinks(access, { search: q || undefined, limit: 8 });
  return (
    <>
      <PageHeader title="New QR code" description="Every code encodes a short link, so where it leads can change after printing." />
      <NewQrCode
        slug={slug}
        q={q}
        links={links.data.map((l) => ({ id: l.id, shortUrl: l.shortUrl, title: l.title, url: l.url }))}
        action={createQrCodeAction}
      />
      <p className="mt-6 text-sm text-zinc-600">
        <Link href={`/w/${slug}/qr`} className="font-medium text-accent-700 underline-offset-4 hover:underline">
          Back to QR codes
        </Link>
      </p>
    </>
  );
}
