/** Uploads an image for bio pages through the API (the session cookie authenticates); answers its id, or the error to show. */
export async function uploadImage(slug: string, file: File, kind: "avatar" | "image"): Promise<{ id: string } | { error: string }> {
  const body = new FormData();
  body.set("file", file);
  const res = await fetch(`/api/v1/bio-pages/images?workspace=${encodeURIComponent(slug)}&kind=${kind}`, { method: "POST", body });
  const json = (await res.json().catch(() => null)) as { id?: string; error?: { message: string } } | null;
  if (!res.ok || !json?.id) return { error: json?.error?.message ?? "The upload failed. Try again." };
  return { id: json.id };
}
