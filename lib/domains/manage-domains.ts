import "server-only";
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError, notFound } from "@/lib/errors";
import type { WorkspaceAccess } from "@/lib/auth/access";
import { defaultDomain } from "@/lib/links/domains";
import { domainRootKey, invalidateBioPages } from "@/lib/bio-pages/page-cache";
import { invalidateDomain } from "@/lib/redirect/redirect-cache";
import { domainStatus } from "./verify-domain";
import { addDomainSchema, domainRedirectsSchema, type AddDomainInput, type DomainOutput, type DomainRedirectsInput } from "./schemas";

type DomainRow = { id: string; hostname: string; rootUrl: string | null; notFoundUrl: string | null; rootBioPageId: string | null; createdAt: Date; checkedAt: Date | null; checkError: string | null; verifiedAt: Date | null };

function present(r: DomainRow, links: number): DomainOutput {
  return {
    id: r.id,
    hostname: r.hostname,
    links,
    rootUrl: r.rootUrl,
    notFoundUrl: r.notFoundUrl,
    rootBioPageId: r.rootBioPageId,
    status: domainStatus(r),
    checkError: r.checkError,
    checkedAt: r.checkedAt?.toISOString() ?? null,
    verifiedAt: r.verifiedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  };
}

export async function listDomains(access: WorkspaceAccess): Promise<DomainOutput[]> {
  const workspaceId = access.workspace.id;
  const rows = await db().domain.findMany({ where: { workspaceId }, orderBy: { createdAt: "asc" } });
  const counts = await db().link.groupBy({ by: ["domain"], where: { workspaceId, domain: { in: rows.map((r) => r.hostname) } }, _count: { _all: true } });
  const byHost = new Map(counts.map((c) => [c.domain, c._count._all]));
  return rows.map((r) => present(r, byHost.get(r.hostname) ?? 0));
}

/** Adds a branded short-link domain. A domain belongs to one workspace across Pennant. */
export async function addDomain(access: WorkspaceAccess, input: AddDomainInput): Promise<DomainOutput> {
  const { hostname } = addDomainSchema.parse(input);
  if (hostname === defaultDomain().split(":")[0]) {
    throw new AppError("unprocessable", "That is this server's own domain; every workspace has it already.", { fields: { hostname: "Already the default domain." } });
  }
  try {
    const row = await db().domain.create({ data: { workspaceId: access.workspace.id, hostname } });
    await invalidateDomain(hostname);
    return present(row, 0);
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError("conflict", `${hostname} is already set up in Pennant.`, { fields: { hostname: "Already set up (here or in another workspace)." } });
    throw err;
  }
}

/** Removes a domain that no link uses any more (its short links would break). */
export async function removeDomain(access: WorkspaceAccess, domainId: string): Promise<void> {
  const hostname = await db().$transaction(async (tx) => {
    const domain = await tx.domain.findFirst({ where: { id: domainId, workspaceId: access.workspace.id } });
    if (!domain) throw notFound("Domain not found");
    const links = await tx.link.count({ where: { workspaceId: access.workspace.id, domain: domain.hostname } });
    if (links > 0) {
      throw new AppError("conflict", `${links} short link${links === 1 ? " still uses" : "s still use"} ${domain.hostname}. Move or delete ${links === 1 ? "it" : "them"} first.`);
    }
    await tx.domain.delete({ where: { id: domain.id } });
    return domain.hostname;
  });
  await invalidateDomain(hostname);
  await invalidateBioPages([domainRootKey(hostname)]);
}

/**
 * A domain's fallbacks may not lead to any domain Pennant answers for (its
 * own host is refused by the destination validator): that would loop back
 * through Pennant, or through another workspace's short links.
 */
async function refuseLoops(data: { rootUrl: string | null; notFoundUrl: string | null }) {
  const fields: Record<string, string> = {};
  for (const key of ["rootUrl", "notFoundUrl"] as const) {
    const url = data[key];
    if (!url) continue;
    const hostname = new URL(url).hostname.toLowerCase();
    if (await db().domain.findFirst({ where: { hostname }, select: { id: true } })) fields[key] = `${hostname} is a short-link domain in Pennant: use the final destination.`;
  }
  const [first] = Object.values(fields);
  if (first) throw new AppError("unprocessable", `A domain cannot send visitors to a short-link domain (a redirect loop). ${first}`, { fields });
}

/**
 * The bare address may show one of this workspace's published bio pages;
 * another workspace's page is refused exactly like one that does not exist.
 */
async function requireOwnPublishedPage(workspaceId: string, pageId: string) {
  const page = await db().bioPage.findFirst({ where: { id: pageId, workspaceId }, select: { published: true, handle: true } });
  if (!page) throw new AppError("unprocessable", "That bio page does not exist in this workspace.", { fields: { rootBioPageId: "Choose one of this workspace's bio pages." } });
  if (!page.published) throw new AppError("unprocessable", `@${page.handle} is not published yet: publish it first, then choose it here.`, { fields: { rootBioPageId: "Publish this page first." } });
}

/** Sets where the domain's bare address and its unknown links send visitors (null: Pennant's own pages). */
export async function setDomainRedirects(access: WorkspaceAccess, domainId: string, input: DomainRedirectsInput): Promise<DomainOutput> {
  const data = domainRedirectsSchema.parse(input);
  const domain = await db().domain.findFirst({ where: { id: domainId, workspaceId: access.workspace.id } });
  if (!domain) throw notFound("Domain not found");
  await refuseLoops(data);
  if (data.rootBioPageId) await requireOwnPublishedPage(access.workspace.id, data.rootBioPageId);
  const row = await db().domain.update({ where: { id: domain.id }, data });
  // Every instance answers with the new addresses at once (the bio page too: it is served from its own cache).
  await invalidateDomain(row.hostname);
  await invalidateBioPages([domainRootKey(row.hostname)]);
  const links = await db().link.count({ where: { workspaceId: access.workspace.id, domain: row.hostname } });
  return present(row, links);
}
