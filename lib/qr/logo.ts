import "server-only";
import sharp from "sharp";
import { AppError } from "@/lib/errors";

export const QR_LOGO_MAX_BYTES = 2 * 1024 * 1024;
/** Logos are stored at most this many pixels wide and high: plenty for a 30% logo on a 4096 px code. */
export const QR_LOGO_MAX_PIXELS = 512;

type Sniffed = "png" | "jpeg" | "webp" | "svg" | null;

/** The image type by content, never by file name or the declared type. */
export function sniffImage(bytes: Uint8Array): Sniffed {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return "png";
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "jpeg";
  if (b.length >= 12 && b.toString("latin1", 0, 4) === "RIFF" && b.toString("latin1", 8, 12) === "WEBP") return "webp";
  const head = b.toString("utf8", 0, Math.min(b.length, 1024)).replace(/^\uFEFF/, "").trimStart().toLowerCase();
  if (/^(<\?xml|<!doctype svg|<svg|<!--)/.test(head) && head.includes("<svg")) return "svg";
  return null;
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/**
 * Checks an uploaded logo and re-encodes it: only the pixels survive (no
 * metadata, no text chunks, no scripts), as a PNG of at most 512×512.
 */
export async function processLogoUpload(bytes: Uint8Array, declaredType?: string): Promise<Buffer> {
  if (bytes.byteLength === 0) throw new AppError("unprocessable", "The logo file is empty.", { fields: { file: "Choose a PNG, JPEG or WebP image." } });
  if (bytes.byteLength > QR_LOGO_MAX_BYTES) {
    throw new AppError("unprocessable", `The logo is ${mb(bytes.byteLength)}; the limit is 2 MB. Export it smaller (512 × 512 pixels is plenty).`, {
      fields: { file: "At most 2 MB." },
    });
  }
  const kind = sniffImage(bytes);
  if (kind === "svg" || (kind === null && declaredType?.toLowerCase().includes("svg"))) {
    throw new AppError("unprocessable", "SVG logos are not accepted (they can carry scripts). Export the logo as a PNG, JPEG or WebP and upload that.", {
      fields: { file: "PNG, JPEG or WebP only." },
    });
  }
  if (kind === null) {
    throw new AppError("unprocessable", "This file is not a PNG, JPEG or WebP image, whatever its name says.", { fields: { file: "PNG, JPEG or WebP only." } });
  }
  try {
    return await sharp(bytes, { failOn: "error", limitInputPixels: 50_000_000 })
      .rotate() // apply the EXIF orientation before the metadata is dropped
      .resize({ width: QR_LOGO_MAX_PIXELS, height: QR_LOGO_MAX_PIXELS, fit: "inside", withoutEnlargement: true })
      .png({ compressionLevel: 9 })
      .toBuffer();
  } catch {
    throw new AppError("unprocessable", `This ${kind.toUpperCase()} file is damaged or too large to read. Export it again and upload that.`, {
      fields: { file: "The image could not be read." },
    });
  }
}

export function pngDataUri(png: Uint8Array): string {
  return `data:image/png;base64,${Buffer.from(png.buffer, png.byteOffset, png.byteLength).toString("base64")}`;
}
