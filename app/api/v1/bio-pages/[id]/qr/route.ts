import { renderBioPageQr } from "@/lib/bio-pages/render-page-qr";
import { param, withWorkspace } from "@/lib/http/with-workspace";
import { qrImageResponse } from "@/lib/http/qr-image-response";

export const GET = withWorkspace("bio.read", async ({ req, access, params }) => qrImageResponse(await renderBioPageQr(access, param(params, "id"), req.nextUrl.searchParams)));
