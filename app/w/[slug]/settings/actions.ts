"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { workspaceAction, type ActionResult } from "@/lib/auth/guards";
import { updateWorkspace } from "@/lib/workspaces/update-workspace";
import { deleteWorkspace } from "@/lib/workspaces/delete-workspace";
import { createInvitation } from "@/lib/invitations/create-invitation";
import { revokeInvitation } from "@/lib/invitations/manage-invitations";
import { changeMemberRole, removeMember } from "@/lib/members/change-member";
import { leaveWorkspace } from "@/lib/members/leave-workspace";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/api-keys/list-api-keys";
import { addDomain, removeDomain, setDomainRedirects } from "@/lib/domains/manage-domains";
import type { DomainRedirectsInput } from "@/lib/domains/schemas";
import { domainStatus, verifyDomain } from "@/lib/domains/verify-domain";

// Thin: each action authorizes through workspaceAction and calls one lib/ function.

export async function updateWorkspaceAction(slug: string, input: { name?: string; slug?: string; timeZone?: string }): Promise<ActionResult<{ slug: string }>> {
  const result = await workspaceAction(slug, "workspace.update", async (access) => {
    const ws = await updateWorkspace(access, input);
    return { slug: ws.slug };
  });
  if (result.ok) revalidatePath("/w", "layout");
  return result;
}

export async function deleteWorkspaceAction(slug: string, input: { confirm: string }): Promise<ActionResult> {
  const result = await workspaceAction(slug, "workspace.delete", async (access) => deleteWorkspace(access, input.confirm));
  if (result.ok) redirect("/dashboard");
  return result as ActionResult;
}

export async function leaveWorkspaceAction(slug: string): Promise<ActionResult> {
  const result = await workspaceAction(slug, "workspace.read", (access) => leaveWorkspace(access));
  if (result.ok) redirect("/dashboard");
  return result as ActionResult;
}

export async function inviteAction(slug: string, input: { email: string; role: string }): Promise<ActionResult<{ url: string; email: string }>> {
  const result = await workspaceAction(slug, "invitations.manage", async (access) => {
    const inv = await createInvitation(access, input as never);
    return { url: inv.url, email: inv.email };
  });
  if (result.ok) revalidatePath(`/w/${slug}/settings/members`);
  return result;
}

export async function revokeInvitationAction(slug: string, invitationId: string): Promise<ActionResult> {
  const result = await workspaceAction(slug, "invitations.manage", (access) => revokeInvitation(access.workspace.id, invitationId));
  if (result.ok) revalidatePath(`/w/${slug}/settings/members`);
  return result;
}

export async function changeRoleAction(slug: string, membershipId: string, role: string): Promise<ActionResult> {
  const result = await workspaceAction(slug, "members.manage", async (access) => {
    await changeMemberRole(access, membershipId, { role });
  });
  if (result.ok) revalidatePath(`/w/${slug}/settings/members`);
  return result;
}

export async function removeMemberAction(slug: string, membershipId: string): Promise<ActionResult> {
  const result = await workspaceAction(slug, "members.manage", (access) => removeMember(access, membershipId));
  if (result.ok) revalidatePath(`/w/${slug}/settings/members`);
  return result;
}

export async function createApiKeyAction(slug: string, input: { name: string; role: string }): Promise<ActionResult<{ key: string; name: string }>> {
  const result = await workspaceAction(slug, "api_keys.manage", async (access) => {
    const key = await createApiKey(access.workspace.id, access.userId, input as never);
    return { key: key.key, name: key.name };
  });
  if (result.ok) revalidatePath(`/w/${slug}/settings/api-keys`);
  return result;
}

export async function revokeApiKeyAction(slug: string, apiKeyId: string): Promise<ActionResult> {
  const result = await workspaceAction(slug, "api_keys.manage", (access) => revokeApiKey(access.workspace.id, apiKeyId));
  if (result.ok) revalidatePath(`/w/${slug}/settings/api-keys`);
  return result;
}

export async function addDomainAction(slug: string, input: { hostname: string }): Promise<ActionResult<{ hostname: string }>> {
  const result = await workspaceAction(slug, "domains.manage", async (access) => {
    const d = await addDomain(access, input);
    return { hostname: d.hostname };
  });
  if (result.ok) revalidatePath(`/w/${slug}/settings/domains`);
  return result;
}

export async function setDomainRedirectsAction(slug: string, domainId: string, input: DomainRedirectsInput): Promise<ActionResult<{ hostname: string }>> {
  const result = await workspaceAction(slug, "domains.manage", async (access) => {
    const d = await setDomainRedirects(access, domainId, input);
    return { hostname: d.hostname };
  });
  if (result.ok) revalidatePath(`/w/${slug}/settings/domains`);
  return result;
}

export async function removeDomainAction(slug: string, domainId: string): Promise<ActionResult> {
  const result = await workspaceAction(slug, "domains.manage", (access) => removeDomain(access, domainId));
  if (result.ok) revalidatePath(`/w/${slug}/settings/domains`);
  return result;
}

export async function verifyDomainAction(slug: string, domainId: string): Promise<ActionResult<{ status: string }>> {
  const result = await workspaceAction(slug, "domains.manage", async (access) => ({ status: domainStatus(await verifyDomain(access, domainId)) }));
  if (result.ok) revalidatePath(`/w/${slug}/settings/domains`);
  return result;
}
