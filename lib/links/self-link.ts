import type { Tx } from "@/lib/db/client";
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

/** The destinations a link's fields set, by the name the API gives each field. */
function destinations(fields: { url?: string | undefined; expiredUrl?: string | null | undefined; ios?: string | null | undefined; android?: string | null | undefined; geo?: Record<string, string> | null | undefined }): [string, string][] {
  const out: [string, string][] = [];
  for (const key of ["url", "expiredUrl", "ios", "android"] as const) {
    const value = fields[key];
    if (value) out.push([key, value]);
  }
  for (const [country, value] of Object.entries(fields.geo ?? {})) out.push([`geo.${country}`, value]);
  return out;
}

const hostOfUrl = (value: string) => new URL(value).hostname.toLowerCase().replace(/\.$/, "");

/**
 * No destination on any short-link domain in Pennant (this workspace's other
 * branded domains included): following it would come back through Pennant,
 * a loop, or a chain through another workspace's links. Checked on every
 * write of a link (API, bulk, CSV, UI, bio buttons) in its transaction.
 */
export async function assertNoShortLinkDestination(tx: Pick<Tx, "domain">, fields: Parameters<typeof destinations>[0]): Promise<void> {
  const targets = destinations(fields);
  if (!targets.length) return;
  const rows = await tx.domain.findMany({ where: { hostname: { in: [...new Set(targets.map(([, v]) => hostOfUrl(v)))] } }, select: { hostname: true } });
  if (!rows.length) return;
  const branded = new Set(rows.map((r) => r.hostname.toLowerCase()));
  const [field, value] = targets.find(([, v]) => branded.has(hostOfUrl(v)))!;
  throw shortLinkDomainError(field, hostOfUrl(value));
}

/** The same rule against a known list of domains (the CSV preview, which reads the workspace's domains once). */
export function shortLinkDestinationError(fields: Parameters<typeof destinations>[0], domains: Set<string>): AppError | null {
  const hit = destinations(fields).find(([, v]) => domains.has(hostOfUrl(v)));
  return hit ? shortLinkDomainError(hit[0], hostOfUrl(hit[1])) : null;
}

function shortLinkDomainError(field: string, host: string): AppError {
  return new AppError("unprocessable", `${host} is a short-link domain in Pennant: a link cannot send visitors there (a redirect loop). Use the final destination.`, {
    fields: { [field]: "Use the final destination, not a short link." },
  });
}
