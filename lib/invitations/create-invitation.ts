import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError, forbidden } from "@/lib/errors";
import type { WorkspaceAccess } from "@/lib/auth/access";
import { canAssignRole, ROLE_LABELS } from "@/lib/auth/permissions";
import { hashToken } from "@/lib/api-keys/api-key-token";
import { sendMail } from "@/lib/mail/send-mail";
import { consume, LIMITS } from "@/lib/rate-limit/limiter";
import { createInvitationSchema, INVITATION_TTL_DAYS, type CreateInvitationInput } from "./schemas";

export function invitationUrl(token: string): string {
  return new URL(`/invite/${token}`, env().APP_URL).toString();
}

/**
 * Creates an invitation and returns the link to share (also mailed). Only
 * a hash of the token is stored; a new invitation to the same email
 * replaces the open one.
 */
export async function createInvitation(access: WorkspaceAccess, input: CreateInvitationInput) {
  const { email, role } = createInvitationSchema.parse(input);
  if (!canAssignRole(access.role, role)) throw forbidden("Only owners can invite owners.");
  await consume(LIMITS.invitationsPerWorkspace, access.workspace.id);
  const already = await db().membership.findFirst({ where: { workspaceId: access.workspace.id, user: { email } }, select: { id: true } });
  if (already) throw new AppError("conflict", `${email} is already a member of this workspace.`, { fields: { email: "Already a member." } });

  const token = randomBytes(24).toString("base64url");
  const expiresAt = new Date(Date.now() + INVITATION_TTL_DAYS * 24 * 3600 * 1000);
  const invitation = await db().$transaction(async (tx) => {
    await tx.invitation.updateMany({
      where: { workspaceId: access.workspace.id, email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    return tx.invitation.create({
      data: { workspaceId: access.workspace.id, email, role, tokenHash: hashToken(token), invitedById: access.userId, expiresAt },
      select: { id: true, email: true, role: true, expiresAt: true, createdAt: true },
    });
  });
  const url = invitationUrl(token);
  try {
    await sendMail({
      to: email,
      subject: `You are invited to ${access.workspace.name} on Pennant`,
      url,
      text: `You have been invited to join "${access.workspace.name}" on Pennant as ${ROLE_LABELS[role].label.toLowerCase()}.\n\nOpen this link to join (valid for ${INVITATION_TTL_DAYS} days):\n${url}`,
    });
  } catch (err) {
    // The link is shown to the inviter to share; a mail failure loses nothing.
    console.warn(`[pennant] invitation mail to ${email} not sent: ${(err as Error).message}`);
  }
  return { ...invitation, url };
}
