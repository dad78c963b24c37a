"use server";

import type { ActionResult } from "@/lib/actions/action-result";
import { workspaceAction } from "@/lib/auth/guards";
import { readFormFile } from "@/lib/http/read-upload";
import type { QrDesign } from "@/lib/qr/design-schema";
import {
  deleteQrPreset,
  listQrCodes,
  listQrPresets,
  removeLinkQrLogo,
  removeWorkspaceQrLogo,
  saveLinkQrDesign,
  saveQrPreset,
  setLinkQrLogo,
  setWorkspaceQrLogo,
} from "@/lib/qr/operations";
import { QR_LOGO_MAX_BYTES } from "@/lib/qr/logo";
import type { QrPreset } from "@/components/qr/types";
import type { QrPage } from "@/components/qr/qr-list";
import { presentQrCodes } from "./present";

// Thin: each action authorizes through workspaceAction and calls one lib/ function.

export async function saveQrDesignAction(slug: string, linkId: string, design: QrDesign): Promise<ActionResult> {
  return workspaceAction(slug, "qr.write", async (access) => void (await saveLinkQrDesign(access, linkId, design)));
}

export async function uploadQrLogoAction(slug: string, linkId: string, form: FormData): Promise<ActionResult<{ dataUri: string }>> {
  return workspaceAction(slug, "qr.write", async (access) => {
    const { bytes, type } = await readFormFile(form, "file", QR_LOGO_MAX_BYTES);
    return { dataUri: (await setLinkQrLogo(access, linkId, bytes, type)).logoDataUri };
  });
}

export async function removeQrLogoAction(slug: string, linkId: string): Promise<ActionResult> {
  return workspaceAction(slug, "qr.write", async (access) => void (await removeLinkQrLogo(access, linkId)));
}

export async function uploadWorkspaceQrLogoAction(slug: string, form: FormData): Promise<ActionResult<{ dataUri: string }>> {
  return workspaceAction(slug, "qr.write", async (access) => {
    const { bytes, type } = await readFormFile(form, "file", QR_LOGO_MAX_BYTES);
    return { dataUri: (await setWorkspaceQrLogo(access, bytes, type)).logoDataUri };
  });
}

export async function removeWorkspaceQrLogoAction(slug: string): Promise<ActionResult> {
  return workspaceAction(slug, "qr.write", async (access) => void (await removeWorkspaceQrLogo(access)));
}

export async function saveQrPresetAction(slug: string, name: string, design: QrDesign): Promise<ActionResult<QrPreset[]>> {
  return workspaceAction(slug, "qr.write", async (access) => {
    await saveQrPreset(access, name, design);
    return listQrPresets(access);
  });
}

export async function deleteQrPresetAction(slug: string, id: string): Promise<ActionResult<QrPreset[]>> {
  return workspaceAction(slug, "qr.write", async (access) => {
    await deleteQrPreset(access, id);
    return listQrPresets(access);
  });
}

/** The next page for "Load more" on the QR codes list. */
export async function listQrCodesAction(slug: string, query: { cursor: string; q?: string }): Promise<ActionResult<QrPage>> {
  return workspaceAction(slug, "qr.read", async (access) => presentQrCodes(await listQrCodes(access, query)));
}
