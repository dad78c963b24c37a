"use server";

import { revalidatePath } from "next/cache";
import { workspaceAction, type ActionResult } from "@/lib/auth/guards";
import { bulkUpdateLinks, type BulkUpdateInput } from "@/lib/links/bulk-update-links";
import { createLink } from "@/lib/links/create-link";
import { deleteLink, deleteLinks } from "@/lib/links/delete-link";
import { duplicateLink } from "@/lib/links/duplicate-link";
import { listLinks } from "@/lib/links/list-links";
import type { CreateLinkInput, LinkOutput, ListLinksQuery, UpdateLinkInput } from "@/lib/links/schemas";
import { updateLink } from "@/lib/links/update-link";

// Thin: each action authorizes through workspaceAction and calls one lib/ function.

function done<T>(slug: string, result: ActionResult<T>): ActionResult<T> {
  if (result.ok) revalidatePath(`/w/${slug}/links`, "layout");
  return result;
}

export async function createLinkAction(slug: string, input: CreateLinkInput): Promise<ActionResult<LinkOutput>> {
  return done(slug, await workspaceAction(slug, "links.write", (access) => createLink(access, input)));
}

export async function updateLinkAction(slug: string, id: string, input: UpdateLinkInput): Promise<ActionResult<LinkOutput>> {
  return done(slug, await workspaceAction(slug, "links.write", (access) => updateLink(access, id, input)));
}

export async function duplicateLinkAction(slug: string, id: string): Promise<ActionResult<LinkOutput>> {
  return done(slug, await workspaceAction(slug, "links.write", (access) => duplicateLink(access, id)));
}

export async function deleteLinkAction(slug: string, id: string): Promise<ActionResult> {
  return done(slug, await workspaceAction(slug, "links.write", (access) => deleteLink(access.workspace.id, id)));
}

export async function deleteLinksAction(slug: string, ids: string[]): Promise<ActionResult<{ deleted: number }>> {
  return done(slug, await workspaceAction(slug, "links.write", async (access) => ({ deleted: await deleteLinks(access.workspace.id, ids.slice(0, 100)) })));
}

export async function bulkUpdateLinksAction(slug: string, input: BulkUpdateInput): Promise<ActionResult<{ updated: number }>> {
  return done(slug, await workspaceAction(slug, "links.write", (access) => bulkUpdateLinks(access, input)));
}

/** The next page for "Load more"; filters come from the page's search params. */
export async function listLinksAction(slug: string, query: ListLinksQuery): Promise<ActionResult<{ data: LinkOutput[]; nextCursor: string | null }>> {
  return workspaceAction(slug, "links.read", (access) => listLinks(access.workspace.id, query));
}
