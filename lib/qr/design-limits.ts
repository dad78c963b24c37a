// The QR design's choices and limits, and what a code encodes: plain values
// for the designer in the browser (./design-schema adds the zod schema).

export const QR_LEVELS = ["L", "M", "Q", "H"] as const;
export type QrLevel = (typeof QR_LEVELS)[number];
export const QR_DOT_STYLES = ["square", "rounded", "dots"] as const;
export const QR_CORNER_STYLES = ["square", "rounded", "dots"] as const;
export const QR_LOGO_SOURCES = ["none", "own", "workspace"] as const;
export const QR_FRAMES = ["none", "box", "rounded"] as const;

export const QR_MIN_SIZE = 128;
export const QR_MAX_SIZE = 4096;
export const QR_MAX_MARGIN = 16;
export const QR_MIN_LOGO_SIZE = 0.1;
export const QR_MAX_LOGO_SIZE = 0.3;
export const QR_MAX_CTA_LENGTH = 24;

/**
 * What every code encodes: the short URL with the QR marker, so scans are
 * counted apart from clicks and the destination can change after printing.
 */
export function qrTarget(shortUrl: string): string {
  const url = new URL(shortUrl);
  url.searchParams.set("qr", "1");
  return url.toString();
}
