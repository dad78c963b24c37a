import "server-only";
import { createHash } from "node:crypto";
import sharp from "sharp";
import type { WorkspaceAccess } from "@/lib/auth/access";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { sniffImage } from "@/lib/qr/logo";
import { imageUrl } from "./render-page";

export const BIO_IMAGE_MAX_BYTES = 5 * 1024 * 1024;
const MAX_PIXELS = { avatar: 400, image: 1200 } as const;

/**
 * Checks an upload (PNG, JPEG or WebP by content, at most 5 MB) and re-encodes
 * it as QR logos are: only the pixels survive, as a PNG. Stored under the hash
 * of its bytes, so its address never changes and can be cached for good.
 */
export async function uploadBioImage(access: WorkspaceAccess, bytes: Uint8Array, kind: keyof typeof MAX_PIXELS): Promise<{ id: string; url: string }> {
  const field = { fields: { file: "Choose a PNG, JPEG or WebP image of at most 5 MB." } };
  if (bytes.byteLength === 0) throw new AppError("unprocessable", "The file is empty.", field);
  if (bytes.byteLength > BIO_IMAGE_MAX_BYTES) throw new AppError("unprocessable", `The image is ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB; the limit is 5 MB.`, field);
  const type = sniffImage(bytes);
  if (type !== "png" && type !== "jpeg" && type !== "webp") throw new AppError("unprocessable", "This file is not a PNG, JPEG or WebP image, whatever its name says.", field);
  let png: Buffer;
  try {
    const size = MAX_PIXELS[kind];
    png = await sharp(bytes, { failOn: "error", limitInputPixels: 50_000_000 })
      .rotate()
      .resize({ width: size, height: size, fit: kind === "avatar" ? "cover" : "inside", withoutEnlargement: true })
      .png({ compressionLevel: 9, palette: false })
      .toBuffer();
  } catch {
    throw new AppError("unprocessable", `This ${type.toUpperCase()} file is damaged or too large to read. Export it again and upload that.`, field);
  }
  const workspaceId = access.workspace.id;
  // The hash covers the workspace too: the same picture in two workspaces is two rows, each its own.
  const id = createHash("sha256").update(workspaceId).update(png).digest("hex");
  const existing = await db().bioImage.findUnique({ where: { id }, select: { id: true } });
  if (!existing) await db().bioImage.create({ data: { id, workspaceId, data: new Uint8Array(png) } });
  return { id, url: imageUrl(id) };
}
