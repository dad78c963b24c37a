import { renderBioPageQr } from "@/lib/bio-pages/render-page-qr";
import { param, withWorkspace } from "@/lib/http/with-workspace";

export const GET = withWorkspace("bio.read", async ({ req, access, params }) => {
  const image = await renderBioPageQr(access, param(params, "id"), req.nextUrl.searchParams);
  return new Response(typeof image.body === "string" ? image.body : new Uint8Array(image.body), {
    headers: {
      "Content-Type": image.contentType,
      "Content-Disposition": `attachment; filename="${image.filename}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; img-src data:; style-src 'unsafe-inline'; sandbox",
    },
  });
});
