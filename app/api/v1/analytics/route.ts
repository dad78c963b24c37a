import { withWorkspace } from "@/lib/http/with-workspace";
import { queryAnalytics } from "@/lib/analytics/get-analytics";
import { queryFromSearchParams } from "@/lib/analytics/schemas";

export const GET = withWorkspace("analytics.read", async ({ req, access }) => {
  const query = queryFromSearchParams(req.nextUrl.searchParams);
  delete query.workspace;
  return Response.json(await queryAnalytics(access, query));
});
