import jsQR from "jsqr";
import sharp from "sharp";

/** The text of the QR code in a PNG, read by a real decoder from its pixels. */
export async function decodePng(png: Buffer): Promise<string | null> {
  const { data, info } = await sharp(png).flatten({ background: "#ffffff" }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height)?.data ?? null;
}
