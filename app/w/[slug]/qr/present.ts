import type { QrPage } from "@/components/qr/qr-list";
import type { listQrCodes } from "@/lib/qr/operations";

/** listQrCodes' page as plain data for the client list. */
export function presentQrCodes(page: Awaited<ReturnType<typeof listQrCodes>>): QrPage {
  return {
    data: page.data.map((c) => ({
      linkId: c.linkId,
      shortUrl: c.shortUrl,
      title: c.title,
      url: c.url,
      transparent: c.design.bg === "transparent",
      scans: c.scans,
      updatedAt: c.updatedAt,
    })),
    nextCursor: page.nextCursor,
  };
}
