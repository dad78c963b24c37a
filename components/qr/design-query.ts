import type { QrDesign } from "@/lib/qr/design-schema";

export type QrFormat = "png" | "svg";

/**
 * The image URL of GET /api/v1/links/{id}/qr for a design as it stands in the
 * designer (saved or not): every option goes in the query, logo and logo size
 * included, so the download is exactly the preview.
 */
export function qrImageUrl(slug: string, linkId: string, design: QrDesign, format: QrFormat, path = `/api/v1/links/${encodeURIComponent(linkId)}/qr`): string {
  const q = new URLSearchParams({
    workspace: slug,
    format,
    size: String(design.size),
    fg: design.fg,
    bg: design.bg,
    level: design.level,
    margin: String(design.margin),
    logo: design.logo === "none" ? "false" : design.logo,
    logoSize: String(design.logoSize),
    dots: design.dots,
    corners: design.corners,
    frame: design.frame,
    cta: design.cta,
  });
  return `${path}?${q}`;
}

/** The saved design's image (lists, thumbnails): only the format and a display size. */
export function savedQrImageUrl(slug: string, linkId: string, format: QrFormat, size?: number): string {
  const q = new URLSearchParams({ workspace: slug, format });
  if (size) q.set("size", String(size));
  return `/api/v1/links/${encodeURIComponent(linkId)}/qr?${q}`;
}

/** The file name from a Content-Disposition header, else a fallback. */
export function fileNameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // fall through to the plain parameter
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1] ?? fallback;
}
