"use server";

import { revalidatePath } from "next/cache";
import { workspaceAction, type ActionResult } from "@/lib/auth/guards";
import { commitImport, previewImport, type ImportPreview, type ImportResult } from "@/lib/links/import-links-csv";

// Thin: authorize through workspaceAction, call one lib/ function.

export async function previewImportAction(slug: string, csvText: string): Promise<ActionResult<ImportPreview>> {
  return workspaceAction(slug, "links.write", (access) => previewImport(access, String(csvText)));
}

export async function importLinksAction(slug: string, csvText: string): Promise<ActionResult<ImportResult>> {
  const result = await workspaceAction(slug, "links.write", (access) => commitImport(access, String(csvText)));
  if (result.ok && result.data.ok) revalidatePath(`/w/${slug}/links`);
  return result;
}
