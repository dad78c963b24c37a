/** A CSV download (a string or chunks), with a BOM so that Excel reads it as UTF-8. */
export function csvResponse(content: string | AsyncGenerator<string>, filename: string): Response {
  const encoder = new TextEncoder();
  const chunks = typeof content === "string" ? null : content;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode("\uFEFF"));
      if (typeof content === "string") {
        controller.enqueue(encoder.encode(content));
        controller.close();
      }
    },
    async pull(controller) {
      if (!chunks) return;
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (err) {
        controller.error(err);
      }
    },
    async cancel() {
      await chunks?.return(undefined);
    },
  });
  return new Response(body, { headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${filename}"`, "Cache-Control": "no-store" } });
}
