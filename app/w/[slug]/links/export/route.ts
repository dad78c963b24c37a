import { withWorkspace } from "@/lib/http/with-workspace";
import { exportLinksCsv } from "@/lib/links/export-links-csv";
import { listLinksQuerySchema } from "@/lib/links/schemas";

const filtersSchema = listLinksQuerySchema.pick({ search: true, tag: true, campaignId: true, status: true });

/** GET: the workspace's links as a CSV download, with the Links list's filters. */
export const GET = withWorkspace("links.read", async ({ req, access }) => {
  const filters = filtersSchema.parse(Object.fromEntries(req.nextUrl.searchParams));
  const chunks = exportLinksCsv(access, filters);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      // A BOM, so that Excel reads the file as UTF-8; Pennant's import ignores it.
      controller.enqueue(encoder.encode("\uFEFF"));
    },
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  const date = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="pennant-links-${access.workspace.slug}-${date}.csv"`,
      "Cache-Control": "no-store",
    },
  });
});
