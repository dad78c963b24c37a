import "server-only";
import sharp from "sharp";
import { db } from "@/lib/db/client";
import type { SessionUser } from "@/lib/auth/session";
import { pngDataUri, processLogoUpload } from "@/lib/qr/logo";

/** An avatar is drawn at most 56 px wide; twice that covers sharp screens. */
const AVATAR_PIXELS = 112;

/**
 * A picture uploaded from the account page: checked, limited (2 MB) and
 * re-encoded exactly as a QR logo is, so only its pixels survive; then cut
 * to a small square, and stored as the account's picture.
 */
export async function uploadAvatar(user: SessionUser, bytes: Uint8Array, declaredType?: string): Promise<{ image: string }> {
  const clean = await processLogoUpload(bytes, declaredType);
  const square = await sharp(clean).resize({ width: AVATAR_PIXELS, height: AVATAR_PIXELS, fit: "cover" }).png({ compressionLevel: 9 }).toBuffer();
  const image = pngDataUri(square);
  await db().user.update({ where: { id: user.id }, data: { image } });
  return { image };
}
