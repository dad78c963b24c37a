import { deleteBioPage } from "@/lib/bio-pages/delete-bio-page";
import { getBioPage } from "@/lib/bio-pages/get-bio-page";
import { updateBioPageSchema } from "@/lib/bio-pages/schemas";
import { updateBioPage } from "@/lib/bio-pages/update-bio-page";
import { param, readJson, withWorkspace } from "@/lib/http/with-workspace";

export const GET = withWorkspace("bio.read", async ({ access, params }) => Response.json(await getBioPage(access.workspace.id, param(params, "id"))));

export const PATCH = withWorkspace("bio.write", async ({ req, access, params }) => Response.json(await updateBioPage(access, param(params, "id"), await readJson(req, updateBioPageSchema))));

export const DELETE = withWorkspace("bio.write", async ({ access, params }) => {
  await deleteBioPage(access.workspace.id, param(params, "id"));
  return new Response(null, { status: 204 });
});
