import { readJson, withWorkspace } from "@/lib/http/with-workspace";
import { createLink } from "@/lib/links/create-link";
import { listLinks } from "@/lib/links/list-links";
import { createLinkSchema } from "@/lib/links/schemas";

export const GET = withWorkspace("links.read", async ({ req, access }) => {
  const query = Object.fromEntries(req.nextUrl.searchParams);
  delete query.workspace;
  return Response.json(await listLinks(access, query));
});

export const POST = withWorkspace("links.write", async ({ req, access }) => {
  const link = await createLink(access, await readJson(req, createLinkSchema));
  return Response.json(link, { status: 201 });
});
