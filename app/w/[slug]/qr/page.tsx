import type { Metadata } from "next";
import { QrCode } from "lucide-react";
import { PageHeader } from "@/components/dashboard/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { requireWorkspacePage } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "QR codes" };

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await requireWorkspacePage(slug, "qr.read", `/w/${slug}/qr`);
  return (
    <>
      <PageHeader title="QR codes" description="Branded QR codes that always lead where the campaign wants." />
      <EmptyState icon={QrCode} title="No QR codes yet">
        Every short link can have a QR code in your colours and with your logo. Create a link first, then design its code.
      </EmptyState>
    </>
  );
}
