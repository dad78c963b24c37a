"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/actions/action-result";
import { workspaceAction } from "@/lib/auth/guards";
import { createQrCode, type CreateQrCodeInput } from "@/lib/qr/create-qr-code";

export async function createQrCodeAction(slug: string, input: CreateQrCodeInput): Promise<ActionResult<{ linkId: string }>> {
  // A pasted URL makes a new short link too, so it needs the right to write links.
  const permission = typeof input === "object" && input !== null && "url" in input ? "links.write" : "qr.write";
  const result = await workspaceAction(slug, permission, (access) => createQrCode(access, input));
  if (result.ok) revalidatePath(`/w/${slug}/qr`, "layout");
  return result;
}
