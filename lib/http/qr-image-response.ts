import type { QrImage } from "@/lib/qr/render-link-qr";

/** A QR code (a link's or a bio page's) as a download, private to the caller. */
export function qrImageResponse(image: QrImage): Response {
  return new Response(typeof image.body === "string" ? image.body : new Uint8Array(image.body), {
    headers: {
      "Content-Type": image.contentType,
      "Content-Disposition": `attachment; filename="${image.filename}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      // An SVG opened directly runs nothing and loads nothing but its embedded logo.
      "Content-Security-Policy": "default-src 'none'; img-src data:; style-src 'unsafe-inline'; sandbox",
    },
  });
}
