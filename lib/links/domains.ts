import "server-only";
import type { Tx } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { DEFAULT_DOMAIN } from "./default-domain";

/** The app's own host: every workspace's default short-link domain. */
export function defaultDomain(): string {
  return new URL(env().APP_URL).host.toLowerCase();
}

/** The host a stored Link.domain stands for: the app's current host for the default domain. */
export function hostOf(domain: string): string {
  return domain === DEFAULT_DOMAIN ? defaultDomain() : domain;
}

/** What Link.domain stores for a host: the default domain for the app's own. */
export function storedDomain(host: string): string {
  return host.toLowerCase() === defaultDomain() ? DEFAULT_DOMAIN : host;
}

/** The short URL of a link, from its stored domain. */
export function shortUrlOf(domain: string, slug: string): string {
  const app = new URL(env().APP_URL);
  const host = hostOf(domain);
  const protocol = host === app.host.toLowerCase() ? app.protocol : "https:";
  return `${protocol}//${host}/${slug}`;
}

/** The stored domain a link goes on: the default, or one the workspace added. */
export async function resolveLinkDomain(tx: Tx, workspaceId: string, wanted: string | undefined): Promise<string> {
  if (!wanted || storedDomain(wanted) === DEFAULT_DOMAIN) return DEFAULT_DOMAIN;
  const domain = await tx.domain.findFirst({ where: { hostname: wanted, workspaceId }, select: { hostname: true } });
  if (!domain) throw new AppError("unprocessable", `The domain ${wanted} is not set up in this workspace.`, { fields: { domain: "Add this domain in Settings → Domains first." } });
  return domain.hostname;
}
