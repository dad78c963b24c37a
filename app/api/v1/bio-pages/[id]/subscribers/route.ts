import { listSubscribers } from "@/lib/bio-pages/subscribers";
import { param, withWorkspace } from "@/lib/http/with-workspace";

export const GET = withWorkspace("bio.read", async ({ req, access, params }) => {
  const query = Object.fromEntries(req.nextUrl.searchParams);
  delete query.workspace;
  return Response.json(await listSubscribers(access.workspace.id, param(params, "id"), query));
});
