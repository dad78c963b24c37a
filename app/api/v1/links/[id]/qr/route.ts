import { param, withWorkspace } from "@/lib/http/with-workspace";
import { qrImageResponse } from "@/lib/http/qr-image-response";
import { renderLinkQr } from "@/lib/qr/operations";

export const GET = withWorkspace("qr.read", async ({ req, access, params }) => qrImageResponse(await renderLinkQr(access, param(params, "id"), req.nextUrl.searchParams)));
