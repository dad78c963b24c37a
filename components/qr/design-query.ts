import type { QrDesign } from "@/lib/qr/design";

export type QrFormat = "png" | "svg";

/**
 * The image URL of GET /api/v1/links/{id}/qr for a design as it stands in the
 * designer (saved or not): its options go in the query, so the download is
 * exactly the preview. `logo` comes from apiLogoParam.
 */
export function qrImageUrl(slug: string, linkId: string, design: QrDesign, format: QrFormat, logo: "true" | "false"): string {
  const q = new URLSearchParams({
    workspace: slug,
    format,
    size: String(design.size),
    fg: design.fg,
    bg: design.bg,
    level: design.level,
    margin: String(design.margin),
    logo,
    dots: design.dots,
    corners: design.corners,
    frame: design.frame,
    cta: design.cta,
  });
  return `/api/v1/links/${encodeURIComponent(linkId)}/qr?${q}`;
}

/**
 * The API's `logo` option (true/false) that draws the designer's logo choice,
 * or null when it cannot: the API draws the saved logo choice at the saved
 * size (or, when none is saved, the link's own logo before the workspace's),
 * so an unsaved change of logo or logo size must be saved before downloading.
 */
export function apiLogoParam(design: QrDesign, saved: QrDesign, logos: { own: boolean; workspace: boolean }): "true" | "false" | null {
  if (design.logo === "none") return "false";
  if (design.logoSize !== saved.logoSize) return null;
  if (saved.logo !== "none") return design.logo === saved.logo ? "true" : null;
  if (design.logo === "own") return logos.own ? "true" : null;
  return !logos.own && logos.workspace ? "true" : null;
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
