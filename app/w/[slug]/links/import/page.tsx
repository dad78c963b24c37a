import type { Metadata } from "next";
import Link from "next/link";
import { Download } from "lucide-react";
import { PageHeader } from "@/components/dashboard/page-header";
import { Button } from "@/components/ui/button";
import { ImportColumnsHelp, ImportCsv } from "@/components/links/import-csv";
import { requireWorkspacePage } from "@/lib/auth/guards";
import { IMPORT_COLUMNS, importTemplateCsv, MAX_IMPORT_ROWS, TAG_SEPARATOR } from "@/lib/links/csv-columns";
import { importLinksAction, previewImportAction } from "./actions";

export const metadata: Metadata = { title: "Import links" };

export default async function ImportLinksPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await requireWorkspacePage(slug, "links.write", `/w/${slug}/links/import`);
  return (
    <>
      <PageHeader
        title="Import links"
        description={`Create up to ${MAX_IMPORT_ROWS.toLocaleString("en")} short links at once from a CSV file. Nothing is imported until every row is right.`}
        actions={
          <Button asChild variant="secondary">
            <a href={`/w/${slug}/links/export`} download>
              <Download aria-hidden className="size-4" />
              Export links (CSV)
            </a>
          </Button>
        }
      />
      <div className="space-y-6">
        <ImportCsv slug={slug} preview={previewImportAction} commit={importLinksAction} />
        <ImportColumnsHelp columns={IMPORT_COLUMNS.map((c) => ({ name: c.name, help: c.help, required: "required" in c }))} template={importTemplateCsv()} tagSeparator={TAG_SEPARATOR} />
        <p className="text-sm text-zinc-600">
          <Link href={`/w/${slug}/links`} className="font-medium text-accent-700 hover:underline">
            ← Back to Links
          </Link>
        </p>
      </div>
    </>
  );
}
