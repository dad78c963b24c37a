"use server";

import { redirect } from "next/navigation";
import type { ActionResult } from "@/lib/actions/action-result";
import { userAction } from "@/lib/auth/guards";
import { acceptInvitation } from "@/lib/invitations/accept-invitation";

export async function acceptInvitationAction(token: string): Promise<ActionResult> {
  const result = await userAction((user) => acceptInvitation(user, token));
  if (result.ok) redirect(`/w/${result.data.slug}/links`);
  return result as ActionResult;
}
