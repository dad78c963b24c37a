import { AppError } from "@/lib/errors";

/** A link may not send visitors to its own short URL (a redirect loop). */
export function assertNotSelfLink(destination: string, domain: string, slug: string): void {
  const url = new URL(destination);
  const first = decodeURIComponent(url.pathname.split("/")[1] ?? "").toLowerCase();
  if (url.host.toLowerCase() === domain && first === slug.toLowerCase()) {
    throw new AppError("unprocessable", "A link cannot point to its own short URL.", { fields: { url: "This is the short link itself." } });
  }
}
