"use server";

import type { ActionResult } from "@/lib/actions/action-result";
import { workspaceAction } from "@/lib/auth/guards";
import { bulkUpdateLinks, type BulkUpdateInput } from "@/lib/links/bulk-update-links";
import { createLink } from "@/lib/links/create-link";
import { deleteLink, deleteLinks, type DeleteLinksInput } from "@/lib/links/delete-link";
import { duplicateLink } from "@/lib/links/duplicate-link";
import { listLinks } from "@/lib/links/list-links";
import type { CreateLinkInput, LinkOutput, ListLinksQuery, UpdateLinkInput } from "@/lib/links/schemas";
import { updateLink } from "@/lib/links/update-link";

// Thin: each action authorizes through workspaceAction and calls one lib/ function.

export async function createLinkAction(slug: string, input: CreateLinkInput): Promise<ActionResult<LinkOutput>> {
  return workspaceAction(slug, "links.write", (access) => createLink(access, input));
}

export async function updateLinkAction(slug: string, id: string, input: UpdateLinkInput): Promise<ActionResult<LinkOutput>> {
  return workspaceAction(slug, "links.write", (access) => updateLink(access, id, input));
}

export async function duplicateLinkAction(slug: string, id: string): Promise<ActionResult<LinkOutput>> {
  return workspaceAction(slug, "links.write", (access) => duplicateLink(access, id));
}

export async function deleteLinkAction(slug: string, id: string): Promise<ActionResult> {
  return workspaceAction(slug, "links.write", (access) => deleteLink(access, id));
}

/** More than 100 ids are refused by deleteLinks, exactly as the API refuses them. */
export async function deleteLinksAction(slug: string, ids: DeleteLinksInput["ids"]): Promise<ActionResult<{ deleted: number }>> {
  return workspaceAction(slug, "links.write", async (access) => ({ deleted: await deleteLinks(access, { ids }) }));
}

export async function bulkUpdateLinksAction(slug: string, input: BulkUpdateInput): Promise<ActionResult<{ updated: number }>> {
  return workspaceAction(slug, "links.write", (access) => bulkUpdateLinks(access, input));
}

/** The next page for "Load more"; filters come from the page's search params. */
export async function listLinksAction(slug: string, query: ListLinksQuery): Promise<ActionResult<{ data: LinkOutput[]; nextCursor: string | null }>> {
  return workspaceAction(slug, "links.read", (access) => listLinks(access, query));
}
