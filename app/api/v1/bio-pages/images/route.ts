import { BIO_IMAGE_MAX_BYTES, uploadBioImage } from "@/lib/bio-pages/upload-bio-image";
import { readUpload } from "@/lib/http/read-upload";
import { withWorkspace } from "@/lib/http/with-workspace";

export const POST = withWorkspace("bio.write", async ({ req, access }) => {
  const file = await readUpload(req, "file", BIO_IMAGE_MAX_BYTES);
  const kind = req.nextUrl.searchParams.get("kind") === "avatar" ? "avatar" : "image";
  return Response.json(await uploadBioImage(access, file.bytes, kind), { status: 201 });
});
