import { param, readJson, withWorkspace } from "@/lib/http/with-workspace";
import { deleteLink } from "@/lib/links/delete-link";
import { getLink } from "@/lib/links/get-link";
import { updateLinkSchema } from "@/lib/links/schemas";
import { updateLink } from "@/lib/links/update-link";

export const GET = withWorkspace("links.read", async ({ access, params }) => Response.json(await getLink(access, param(params, "id"))));

export const PATCH = withWorkspace("links.write", async ({ req, access, params }) => {
  const link = await updateLink(access, param(params, "id"), await readJson(req, updateLinkSchema));
  return Response.json(link);
});

export const DELETE = withWorkspace("links.write", async ({ access, params }) => {
  await deleteLink(access, param(params, "id"));
  return new Response(null, { status: 204 });
});
