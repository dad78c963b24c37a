"use server";

import type { ActionResult } from "@/lib/actions/action-result";
import { workspaceAction } from "@/lib/auth/guards";
import { commitImport, previewImport, type ImportPreview, type ImportResult } from "@/lib/links/import-links-csv";

// Thin: authorize through workspaceAction, call one lib/ function.

export async function previewImportAction(slug: string, csvText: string): Promise<ActionResult<ImportPreview>> {
  return workspaceAction(slug, "links.write", (access) => previewImport(access, csvText));
}

export async function importLinksAction(slug: string, csvText: string): Promise<ActionResult<ImportResult>> {
  return workspaceAction(slug, "links.write", (access) => commitImport(access, csvText));
}
