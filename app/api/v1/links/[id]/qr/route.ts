import { param, withWorkspace } from "@/lib/http/with-workspace";
import { renderLinkQr } from "@/lib/qr/operations";

export const GET = withWorkspace("qr.read", async ({ req, access, params }) => {
  const image = await renderLinkQr(access, param(params, "id"), req.nextUrl.searchParams);
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
});
