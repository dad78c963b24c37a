import type { Metadata } from "next";
import { Globe } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import { requireWorkspacePage } from "@/lib/auth/guards";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Domains" };

export default async function DomainsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await requireWorkspacePage(slug, "workspace.read", `/w/${slug}/settings/domains`);
  const host = new URL(env().APP_URL).host;
  return (
    <EmptyState icon={Globe} title="Your links use this server's own domain">
      Short links live on <strong className="text-zinc-900">{host}</strong>. Adding your own branded domain arrives with the links release.
    </EmptyState>
  );
}
