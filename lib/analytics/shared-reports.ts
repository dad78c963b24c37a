import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import type { WorkspaceAccess } from "@/lib/auth/access";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { forbidden, notFound } from "@/lib/errors";

/**
 * Read-only dashboards of one campaign or one link for people outside the
 * workspace (an agency's clients): a secret link, revocable. The token is
 * shown once; only its SHA-256 is stored, so a database leak opens nothing.
 */
export const sharedReportSchema = z.object({
  kind: z.enum(["campaign", "link"], { error: "Share a campaign or a link." }),
  targetId: z.string({ error: "Choose what to share." }).min(1).max(40),
});
export type SharedReportInput = z.input<typeof sharedReportSchema>;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

async function checkTarget(access: WorkspaceAccess, kind: "campaign" | "link", targetId: string) {
  const workspaceId = access.workspace.id;
  const exists = kind === "campaign" ? await db().campaign.count({ where: { workspaceId, id: targetId } }) : await db().link.count({ where: { workspaceId, id: targetId } });
  if (!exists) throw notFound(kind === "campaign" ? "Campaign not found" : "Link not found");
  // Sharing gives its data away: only those who may change the thing may share it.
  if (!can(access.role, kind === "campaign" ? "campaigns.write" : "links.write")) throw forbidden();
}

export async function createSharedReport(access: WorkspaceAccess, input: SharedReportInput): Promise<{ id: string; token: string }> {
  const { kind, targetId } = sharedReportSchema.parse(input);
  await checkTarget(access, kind, targetId);
  const token = randomBytes(24).toString("base64url");
  const row = await db().sharedReport.create({ data: { workspaceId: access.workspace.id, kind, targetId, tokenHash: hashToken(token), createdById: access.userId }, select: { id: true } });
  return { id: row.id, token };
}

export async function listSharedReports(access: WorkspaceAccess, input: SharedReportInput) {
  const { kind, targetId } = sharedReportSchema.parse(input);
  return db().sharedReport.findMany({ where: { workspaceId: access.workspace.id, kind, targetId, revokedAt: null }, select: { id: true, createdAt: true }, orderBy: { createdAt: "desc" } });
}

export async function revokeSharedReport(access: WorkspaceAccess, id: string): Promise<void> {
  const report = await db().sharedReport.findFirst({ where: { id, workspaceId: access.workspace.id, revokedAt: null } });
  if (!report) throw notFound("Shared report not found");
  await checkTarget(access, report.kind as "campaign" | "link", report.targetId);
  await db().sharedReport.update({ where: { id }, data: { revokedAt: new Date() } });
}

/**
 * What a share token opens: the workspace (for its zone, nothing else) and
 * the one filter that scopes every figure. Null: unknown or revoked.
 */
export async function openSharedReport(token: string) {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
  const report = await db().sharedReport.findUnique({ where: { tokenHash: hashToken(token) }, select: { kind: true, targetId: true, revokedAt: true, workspace: { select: { id: true, slug: true, name: true, personal: true, timeZone: true } } } });
  if (!report || report.revokedAt) return null;
  const title =
    report.kind === "campaign"
      ? (await db().campaign.findFirst({ where: { id: report.targetId, workspaceId: report.workspace.id }, select: { name: true } }))?.name
      : await db().link.findFirst({ where: { id: report.targetId, workspaceId: report.workspace.id }, select: { domain: true, slug: true } }).then((l) => (l ? `${l.domain}/${l.slug}` : undefined));
  if (!title) return null;
  return { workspace: report.workspace, scope: report.kind === "campaign" ? ("campaignId" as const) : ("linkId" as const), targetId: report.targetId, title };
}
