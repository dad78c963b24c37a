import { readUpload } from "@/lib/http/read-upload";
import { param, withWorkspace } from "@/lib/http/with-workspace";
import { removeLinkQrLogo, setLinkQrLogo } from "@/lib/qr/operations";
import { QR_LOGO_MAX_BYTES } from "@/lib/qr/logo";

export const POST = withWorkspace("qr.write", async ({ req, access, params }) => {
  const file = await readUpload(req, "file", QR_LOGO_MAX_BYTES);
  return Response.json(await setLinkQrLogo(access, param(params, "id"), file.bytes, file.type));
});

export const DELETE = withWorkspace("qr.write", async ({ access, params }) => {
  await removeLinkQrLogo(access, param(params, "id"));
  return new Response(null, { status: 204 });
});
