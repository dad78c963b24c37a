"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionResult } from "@/lib/actions/action-result";
import { workspaceAction } from "@/lib/auth/guards";
import { createBioPage } from "@/lib/bio-pages/create-bio-page";
import { deleteBioPage } from "@/lib/bio-pages/delete-bio-page";
import { getPageStats, type PageStats } from "@/lib/bio-pages/page-stats";
import { discardBioDraft, publishBioPage, unpublishBioPage } from "@/lib/bio-pages/publish-bio-page";
import type { BioPageOutput, CreateBioPageInput, UpdateBioPageInput } from "@/lib/bio-pages/schemas";
import { deleteSubscribers } from "@/lib/bio-pages/subscribers";
import { setBioAvatar, updateBioPage } from "@/lib/bio-pages/update-bio-page";
import { saveBioPageQrDesign } from "@/lib/bio-pages/bio-page-qr";
import { AppError } from "@/lib/errors";
import type { QrDesign } from "@/lib/qr/design-schema";

// Thin: each action authorizes through workspaceAction and calls one lib/ function.

export async function createBioPageAction(slug: string, input: CreateBioPageInput): Promise<ActionResult<{ id: string }>> {
  const result = await workspaceAction(slug, "bio.write", async (access) => ({ id: (await createBioPage(access, input)).id }));
  if (result.ok) redirect(`/w/${slug}/bio/${result.data.id}`);
  return result;
}

export async function saveBioDraftAction(slug: string, id: string, input: UpdateBioPageInput): Promise<ActionResult<BioPageOutput>> {
  return workspaceAction(slug, "bio.write", (access) => updateBioPage(access, id, input));
}

export async function setBioAvatarAction(slug: string, id: string, avatarId: string | null): Promise<ActionResult<BioPageOutput>> {
  return workspaceAction(slug, "bio.write", (access) => setBioAvatar(access, id, avatarId));
}

export async function publishBioPageAction(slug: string, id: string): Promise<ActionResult<BioPageOutput>> {
  const result = await workspaceAction(slug, "bio.write", (access) => publishBioPage(access, id));
  if (result.ok) revalidatePath(`/w/${slug}/bio`);
  return result;
}

export async function discardBioDraftAction(slug: string, id: string): Promise<ActionResult<BioPageOutput>> {
  return workspaceAction(slug, "bio.write", (access) => discardBioDraft(access, id));
}

export async function unpublishBioPageAction(slug: string, id: string): Promise<ActionResult<BioPageOutput>> {
  return workspaceAction(slug, "bio.write", (access) => unpublishBioPage(access, id));
}

export async function deleteBioPageAction(slug: string, id: string): Promise<ActionResult> {
  const result = await workspaceAction(slug, "bio.write", (access) => deleteBioPage(access.workspace.id, id));
  if (result.ok) {
    revalidatePath(`/w/${slug}/bio`);
    redirect(`/w/${slug}/bio`);
  }
  return result;
}

export async function bioPageStatsAction(slug: string, id: string, range: { from: string; to: string }): Promise<ActionResult<PageStats>> {
  return workspaceAction(slug, "bio.read", (access) => getPageStats(access, id, range));
}

export async function deleteSubscribersAction(slug: string, id: string, subscriberId?: string): Promise<ActionResult<number>> {
  const result = await workspaceAction(slug, "bio.write", (access) => deleteSubscribers(access.workspace.id, id, subscriberId));
  if (result.ok) revalidatePath(`/w/${slug}/bio/${id}`);
  return result;
}

export async function saveBioQrDesignAction(slug: string, pageId: string, design: QrDesign): Promise<ActionResult> {
  return workspaceAction(slug, "qr.write", async (access) => void (await saveBioPageQrDesign(access, pageId, design)));
}

/** A page's code has no logo of its own (the designer's "own logo" choice): said plainly, nothing stored. */
export async function uploadBioQrLogoAction(slug: string): Promise<ActionResult<{ dataUri: string }>> {
  return workspaceAction(slug, "qr.write", async () => {
    throw new AppError("unprocessable", "A page's QR code can show the workspace logo or none: upload the workspace logo instead.");
  });
}

export async function removeBioQrLogoAction(slug: string): Promise<ActionResult> {
  return workspaceAction(slug, "qr.write", async () => undefined);
}
