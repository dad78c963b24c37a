import "server-only";
import type { Tx } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

/** The app's own host: every workspace's default short-link domain. */
export function defaultDomain(): string {
  return new URL(env().APP_URL).host.toLowerCase();
}

export function shortUrlOf(domain: string, slug: string): string {
  const app = new URL(env().APP_URL);
  const protocol = domain === app.host.toLowerCase() ? app.protocol : "https:";
  return `${protocol}//${domain}/${slug}`;
}

/** The domain a link goes on: the default, or one the workspace added. */
export async function resolveLinkDomain(tx: Tx, workspaceId: string, wanted: string | undefined): Promise<string> {
  const fallback = defaultDomain();
  if (!wanted || wanted === fallback) return fallback;
  const domain = await tx.domain.findFirst({ where: { hostname: wanted, workspaceId }, select: { hostname: true } });
  if (!domain) throw new AppError("unprocessable", `The domain ${wanted} is not set up in this workspace.`, { fields: { domain: "Add this domain in Settings → Domains first." } });
  return domain.hostname;
}
