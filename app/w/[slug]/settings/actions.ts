"use server";

import { redirect } from "next/navigation";
import type { ActionResult } from "@/lib/actions/action-result";
import { workspaceAction } from "@/lib/auth/guards";
import { updateWorkspace } from "@/lib/workspaces/update-workspace";
import { deleteWorkspace } from "@/lib/workspaces/delete-workspace";
import type { DeleteWorkspaceInput, RenameWorkspaceInput } from "@/lib/workspaces/schemas";
import { createInvitation } from "@/lib/invitations/create-invitation";
import { revokeInvitation } from "@/lib/invitations/manage-invitations";
import type { CreateInvitationInput } from "@/lib/invitations/schemas";
import { changeMemberRole, removeMember, type ChangeRoleInput } from "@/lib/members/change-member";
import { leaveWorkspace } from "@/lib/members/leave-workspace";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/api-keys/list-api-keys";
import type { CreateApiKeyInput } from "@/lib/api-keys/schemas";
import { addDomain, removeDomain, setDomainRedirects } from "@/lib/domains/manage-domains";
import type { AddDomainInput, DomainRedirectsInput } from "@/lib/domains/schemas";
import { domainStatus, verifyDomain } from "@/lib/domains/verify-domain";

// Thin: each action authorizes through workspaceAction and calls one lib/ function.

export async function updateWorkspaceAction(slug: string, input: RenameWorkspaceInput): Promise<ActionResult<{ slug: string }>> {
  return workspaceAction(slug, "workspace.update", async (access) => ({ slug: (await updateWorkspace(access, input)).slug }));
}

export async function deleteWorkspaceAction(slug: string, input: DeleteWorkspaceInput): Promise<ActionResult> {
  const result = await workspaceAction(slug, "workspace.delete", (access) => deleteWorkspace(access, input));
  if (result.ok) redirect("/dashboard");
  return result;
}

export async function leaveWorkspaceAction(slug: string): Promise<ActionResult> {
  const result = await workspaceAction(slug, "workspace.read", (access) => leaveWorkspace(access));
  if (result.ok) redirect("/dashboard");
  return result;
}

export async function inviteAction(slug: string, input: CreateInvitationInput): Promise<ActionResult<{ url: string; email: string }>> {
  return workspaceAction(slug, "invitations.manage", async (access) => {
    const inv = await createInvitation(access, input);
    return { url: inv.url, email: inv.email };
  });
}

export async function revokeInvitationAction(slug: string, invitationId: string): Promise<ActionResult> {
  return workspaceAction(slug, "invitations.manage", (access) => revokeInvitation(access, invitationId));
}

export async function changeRoleAction(slug: string, membershipId: string, role: ChangeRoleInput["role"]): Promise<ActionResult> {
  return workspaceAction(slug, "members.manage", async (access) => void (await changeMemberRole(access, membershipId, { role })));
}

export async function removeMemberAction(slug: string, membershipId: string): Promise<ActionResult> {
  return workspaceAction(slug, "members.manage", (access) => removeMember(access, membershipId));
}

export async function createApiKeyAction(slug: string, input: CreateApiKeyInput): Promise<ActionResult<{ key: string; name: string }>> {
  return workspaceAction(slug, "api_keys.manage", async (access) => {
    const key = await createApiKey(access, input);
    return { key: key.key, name: key.name };
  });
}

export async function revokeApiKeyAction(slug: string, apiKeyId: string): Promise<ActionResult> {
  return workspaceAction(slug, "api_keys.manage", (access) => revokeApiKey(access, apiKeyId));
}

export async function addDomainAction(slug: string, input: AddDomainInput): Promise<ActionResult<{ hostname: string }>> {
  return workspaceAction(slug, "domains.manage", async (access) => ({ hostname: (await addDomain(access, input)).hostname }));
}

export async function setDomainRedirectsAction(slug: string, domainId: string, input: DomainRedirectsInput): Promise<ActionResult<{ hostname: string }>> {
  return workspaceAction(slug, "domains.manage", async (access) => ({ hostname: (await setDomainRedirects(access, domainId, input)).hostname }));
}

export async function removeDomainAction(slug: string, domainId: string): Promise<ActionResult> {
  return workspaceAction(slug, "domains.manage", (access) => removeDomain(access, domainId));
}

export async function verifyDomainAction(slug: string, domainId: string): Promise<ActionResult<{ status: string }>> {
  return workspaceAction(slug, "domains.manage", async (access) => ({ status: domainStatus(await verifyDomain(access, domainId)) }));
}
