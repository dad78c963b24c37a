import { exportSubscribersCsv } from "@/lib/bio-pages/subscribers";
import { param, withWorkspace } from "@/lib/http/with-workspace";

/** GET: a page's subscribers as a CSV download (formula-safe). */
export const GET = withWorkspace("bio.read", async ({ access, params }) => {
  const csv = await exportSubscribersCsv(access.workspace.id, param(params, "id"));
  return new Response("\uFEFF" + csv, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="pennant-subscribers-${access.workspace.slug}.csv"`, "Cache-Control": "no-store" },
  });
});
