import { param, readJson, withWorkspace } from "@/lib/http/with-workspace";
import { deleteTag } from "@/lib/tags/delete-tag";
import { updateTagSchema } from "@/lib/tags/schemas";
import { updateTag } from "@/lib/tags/update-tag";

export const PATCH = withWorkspace("links.write", async ({ req, access, params }) => {
  const tag = await updateTag(access, param(params, "id"), await readJson(req, updateTagSchema));
  return Response.json(tag);
});

export const DELETE = withWorkspace("links.write", async ({ access, params }) => {
  await deleteTag(access, param(params, "id"));
  return new Response(null, { status: 204 });
});
