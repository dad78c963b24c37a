"use server";

import { revalidatePath } from "next/cache";
import { workspaceAction, type ActionResult } from "@/lib/auth/guards";
import { AppError } from "@/lib/errors";
import type { QrDesign } from "@/lib/qr/design";
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
} from "@/lib/qr/designs";
import type { QrPreset } from "@/components/qr/types";
import type { QrPage } from "@/components/qr/qr-list";
import { presentQrCodes } from "./present";

// Thin: each action authorizes through workspaceAction and calls one lib/ function.

function done<T>(slug: string, result: ActionResult<T>): ActionResult<T> {
  if (result.ok) revalidatePath(`/w/${slug}/qr`, "layout");
  return result;
}

async function readUpload(form: FormData): Promise<{ bytes: Uint8Array; type: string }> {
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) throw new AppError("unprocessable", "Choose an image file: PNG, JPEG or WebP.", { fields: { file: "Choose a file." } });
  return { bytes: new Uint8Array(await file.arrayBuffer()), type: file.type };
}

export async function saveQrDesignAction(slug: string, linkId: string, design: QrDesign): Promise<ActionResult> {
  return done(slug, await workspaceAction(slug, "qr.write", async (access) => void (await saveLinkQrDesign(access, linkId, design))));
}

export async function uploadQrLogoAction(slug: string, linkId: string, form: FormData): Promise<ActionResult<{ dataUri: string }>> {
  return done(
    slug,
    await workspaceAction(slug, "qr.write", async (access) => {
      const { bytes, type } = await readUpload(form);
      return { dataUri: (await setLinkQrLogo(access, linkId, bytes, type)).logoDataUri };
    }),
  );
}

export async function removeQrLogoAction(slug: string, linkId: string): Promise<ActionResult> {
  return done(slug, await workspaceAction(slug, "qr.write", async (access) => void (await removeLinkQrLogo(access, linkId))));
}

export async function uploadWorkspaceQrLogoAction(slug: string, form: FormData): Promise<ActionResult<{ dataUri: string }>> {
  return done(
    slug,
    await workspaceAction(slug, "qr.write", async (access) => {
      const { bytes, type } = await readUpload(form);
      return { dataUri: (await setWorkspaceQrLogo(access, bytes, type)).logoDataUri };
    }),
  );
}

export async function removeWorkspaceQrLogoAction(slug: string): Promise<ActionResult> {
  return done(slug, await workspaceAction(slug, "qr.write", async (access) => void (await removeWorkspaceQrLogo(access))));
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
