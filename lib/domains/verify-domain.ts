import "server-only";
import { promises as systemDns } from "node:dns";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { notFound } from "@/lib/errors";
import type { WorkspaceAccess } from "@/lib/auth/access";
import { checkDns, type DnsResolver } from "./check-dns";

/** The host branded domains must point at: APP_URL's, without a port. */
export const appHostname = () => new URL(env().APP_URL).hostname.replace(/^\[|\]$/g, "");

export type DomainStatus = "pending" | "verified" | "failed";

export function domainStatus(r: { checkedAt: Date | null; checkError: string | null }): DomainStatus {
  return !r.checkedAt ? "pending" : r.checkError ? "failed" : "verified";
}

async function check(domain: { id: string; hostname: string; verifiedAt: Date | null }, resolver: DnsResolver) {
  const error = await checkDns(resolver, domain.hostname, appHostname());
  const now = new Date();
  return db().domain.update({
    where: { id: domain.id },
    data: { checkedAt: now, checkError: error, verifiedAt: error ? domain.verifiedAt : (domain.verifiedAt ?? now) },
  });
}

/** The "Check again" button: looks the domain up now, with the system resolver unless told otherwise. */
export async function verifyDomain(access: WorkspaceAccess, domainId: string, resolver: DnsResolver = systemDns) {
  const domain = await db().domain.findFirst({ where: { id: domainId, workspaceId: access.workspace.id } });
  if (!domain) throw notFound("Domain not found");
  return check(domain, resolver);
}

export const RECHECK = {
  /** How often the server looks for domains to check. */
  everyMs: 10 * 60_000,
  /** Pending and failing domains: soon after they are added or fixed. */
  unverifiedAfterMs: 10 * 60_000,
  /** Verified domains: a DNS change that breaks them shows within a day. */
  verifiedAfterMs: 24 * 60 * 60_000,
} as const;

/** One round of the periodic re-check; returns how many domains it looked up. */
export async function recheckDomains(resolver: DnsResolver = systemDns, now = Date.now(), limit = 50): Promise<number> {
  const due = await db().domain.findMany({
    where: {
      OR: [
        { checkedAt: null },
        { checkError: { not: null }, checkedAt: { lt: new Date(now - RECHECK.unverifiedAfterMs) } },
        { checkError: null, checkedAt: { lt: new Date(now - RECHECK.verifiedAfterMs) } },
      ],
    },
    orderBy: { checkedAt: "asc" },
    take: limit,
    select: { id: true, hostname: true, verifiedAt: true },
  });
  for (const d of due) await check(d, resolver);
  return due.length;
}

let timer: NodeJS.Timeout | undefined;

/** Starts the periodic re-check in this server process (once). */
export function startDomainRechecks(): void {
  if (timer || process.env.PENNANT_DOMAIN_RECHECK === "0") return;
  const round = () => void recheckDomains().catch((err: unknown) => console.error("[pennant] domain re-check failed:", err instanceof Error ? err.message : err));
  timer = setInterval(round, RECHECK.everyMs);
  timer.unref();
  setTimeout(round, 30_000).unref();
}
