import { getLive } from "@/lib/analytics/get-live";
import { queryFromSearchParams } from "@/lib/analytics/schemas";
import { withWorkspace } from "@/lib/http/with-workspace";

/** GET: the last 30 minutes for the live panel, with the view's filters. Never cached. */
export const GET = withWorkspace("analytics.read", async ({ req, access }) =>
  Response.json(await getLive(access, queryFromSearchParams(req.nextUrl.searchParams)), { headers: { "Cache-Control": "no-store" } }),
);
