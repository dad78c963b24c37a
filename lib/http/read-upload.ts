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
  return readFormFile(form, field, maxBytes);
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/**
 * One file from form data already received (the API's body above, or a
 * server action's FormData): refused above `maxBytes` before its bytes are read.
 */
export async function readFormFile(form: FormData, field: string, maxBytes: number): Promise<{ bytes: Uint8Array; type: string; name: string }> {
  const file = form.get(field);
  if (!(file instanceof Blob)) throw new AppError("unprocessable", `Send the file in the form field \`${field}\`.`, { fields: { [field]: "Missing." } });
  if (file.size > maxBytes) {
    throw new AppError("unprocessable", `The file is ${mb(file.size)}; the limit is ${mb(maxBytes)}.`, { fields: { [field]: `At most ${mb(maxBytes)}.` } });
  }
  return { bytes: new Uint8Array(await file.arrayBuffer()), type: file.type, name: file instanceof File ? file.name : "" };
}
