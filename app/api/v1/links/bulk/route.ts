import { readJson, withWorkspace } from "@/lib/http/with-workspace";
import { bulkCreateLinks, bulkCreateLinksSchema } from "@/lib/links/bulk-create-links";
import { bulkUpdateLinks, bulkUpdateSchema } from "@/lib/links/bulk-update-links";
import { deleteLinks, deleteLinksSchema } from "@/lib/links/delete-link";

/** 200 when every link was created, 207 Multi-Status when any item failed. */
export const POST = withWorkspace("links.write", async ({ req, access }) => {
  const body = await bulkCreateLinks(access, await readJson(req, bulkCreateLinksSchema));
  return Response.json(body, { status: body.results.every((r) => r.ok) ? 200 : 207 });
});

export const PATCH = withWorkspace("links.write", async ({ req, access }) => {
  return Response.json(await bulkUpdateLinks(access, await readJson(req, bulkUpdateSchema)));
});

export const DELETE = withWorkspace("links.write", async ({ req, access }) => {
  return Response.json({ deleted: await deleteLinks(access, await readJson(req, deleteLinksSchema)) });
});
