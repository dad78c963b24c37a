import { exportBreakdownCsv, exportClicksCsv } from "@/lib/analytics/export-analytics-csv";
import { queryFromSearchParams } from "@/lib/analytics/schemas";
import { isoInZone } from "@/lib/analytics/time-range";
import { withWorkspace } from "@/lib/http/with-workspace";
import { csvResponse } from "@/lib/http/csv-response";

/** GET: a breakdown (`groupBy=<dimension>`) or, without one, the period's raw clicks, as CSV, with the dashboard's filters. */
export const GET = withWorkspace("analytics.read", async ({ req, access }) => {
  const query = queryFromSearchParams(req.nextUrl.searchParams);
  // Today as the workspace counts days, like every date of the dashboard.
  const date = isoInZone(Date.now(), access.workspace.timeZone).slice(0, 10);
  if (query.groupBy && query.groupBy !== "timeseries") {
    const { name, csv } = await exportBreakdownCsv(access, query);
    return csvResponse(csv, `pennant-${access.workspace.slug}-${name}-${date}.csv`);
  }
  delete query.groupBy;
  return csvResponse(await exportClicksCsv(access, query), `pennant-${access.workspace.slug}-clicks-${date}.csv`);
});
