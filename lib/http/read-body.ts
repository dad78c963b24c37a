import "server-only";
import { AppError } from "@/lib/errors";

/** JSON request bodies: far more than any real request (100 links in bulk is about 100 KB). */
export const JSON_BODY_LIMIT = 1024 * 1024;
/** Room for multipart boundaries and headers around an uploaded file. */
export const MULTIPART_OVERHEAD = 64 * 1024;

const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(bytes % (1024 * 1024) ? 1 : 0)} MB` : `${Math.round(bytes / 1024)} KB`);

export function tooLarge(limit: number, what = "The request body"): AppError {
  return new AppError("payload_too_large", `${what} is over the limit of ${size(limit)}. Send less at once.`, { limit });
}

/**
 * The body's bytes, read up to `limit` and no further: a Content-Length over
 * it is refused before reading, and a chunked body (no Content-Length) is cut
 * off as soon as it passes the limit. Nothing over the limit is held in memory.
 */
export async function readBodyCapped(req: Request, limit: number, what?: string): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(req.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit, what);
  if (!req.body) return new Uint8Array(new ArrayBuffer(0));
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit, what);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
