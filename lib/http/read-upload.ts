import "server-only";
import { AppError } from "@/lib/errors";
import { MULTIPART_OVERHEAD, readBodyCapped, tooLarge } from "./read-body";

/**
 * One file from a multipart/form-data request. The body is read only up to
 * the file's limit plus multipart overhead (413 past it, chunked or not);
 * the file itself is then held to `maxBytes` exactly.
 */
export async function readUpload(req: Request, field: string, maxBytes: number): Promise<{ bytes: Uint8Array; type: string; name: string }> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(type)) {
    throw new AppError("unsupported_media_type", `Send the file as multipart/form-data in the field \`${field}\`.`);
  }
  const raw = await readBodyCapped(req, maxBytes + MULTIPART_OVERHEAD, "The upload");
  let form: FormData;
  try {
    form = await new Response(raw, { headers: { "content-type": type } }).formData();
  } catch {
    throw new AppError("bad_request", `Send the file as multipart/form-data in the field \`${field}\`.`);
  }
  return readFormFile(form, field, maxBytes);
}

/**
 * One file from form data already received (the API's body above, or a
 * server action's FormData): refused above `maxBytes` before its bytes are read.
 */
export async function readFormFile(form: FormData, field: string, maxBytes: number): Promise<{ bytes: Uint8Array; type: string; name: string }> {
  // Server actions receive whatever a client sends: it may be no form at all.
  const file = form instanceof FormData ? form.get(field) : null;
  if (!(file instanceof Blob)) throw new AppError("unprocessable", `Send the file in the form field \`${field}\`.`, { fields: { [field]: "Missing." } });
  if (file.size > maxBytes) throw tooLarge(maxBytes, "The file");
  return { bytes: new Uint8Array(await file.arrayBuffer()), type: file.type, name: file instanceof File ? file.name : "" };
}
