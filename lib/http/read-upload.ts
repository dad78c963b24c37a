import "server-only";
import { AppError } from "@/lib/errors";

/**
 * One file from a multipart/form-data request. A body far over `maxBytes` is
 * refused from its Content-Length before it is read; the file's own limit is
 * checked by the caller, which says why in its own words.
 */
export async function readUpload(req: Request, field: string, maxBytes: number): Promise<{ bytes: Uint8Array; type: string; name: string }> {
  const length = Number(req.headers.get("content-length") ?? "0");
  if (length > maxBytes * 2 + 64 * 1024) {
    throw new AppError("unprocessable", `The upload is ${(length / 1024 / 1024).toFixed(1)} MB; files may be at most ${(maxBytes / 1024 / 1024).toFixed(0)} MB.`, {
      fields: { [field]: "Too large." },
    });
  }
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    throw new AppError("bad_request", `Send the file as multipart/form-data in the field \`${field}\`.`);
  }
  const file = form.get(field);
  if (!(file instanceof Blob)) throw new AppError("unprocessable", `Send the file in the form field \`${field}\`.`, { fields: { [field]: "Missing." } });
  return { bytes: new Uint8Array(await file.arrayBuffer()), type: file.type, name: file instanceof File ? file.name : "" };
}
