import { AppError } from "@/lib/errors";

/**
 * No destination on the link's own domain (a redirect loop: that address is
 * another short link, or this one). Pennant's own host is refused for every
 * link by the destination validator; this covers a branded domain's links.
 */
export function assertNotSelfLink(destination: string, domain: string, slug: string): void {
  const url = new URL(destination);
  const host = domain.toLowerCase().replace(/:\d+$/, "");
  if (url.hostname.toLowerCase().replace(/\.$/, "") !== host) return;
  const first = decodeURIComponent(url.pathname.split("/")[1] ?? "").toLowerCase();
  const message = first === slug.toLowerCase() ? "A link cannot point to its own short URL." : `A link on ${host} cannot send visitors back to ${host}: that would loop through Pennant.`;
  throw new AppError("unprocessable", message, { fields: { url: "Use the final destination, not a short link." } });
}
