"use server";

import type { ActionResult } from "@/lib/actions/action-result";
import { userAction } from "@/lib/auth/guards";
import { createWorkspace } from "@/lib/workspaces/create-workspace";

export async function createWorkspaceAction(input: { name: string; slug?: string }): Promise<ActionResult<{ slug: string }>> {
  return userAction(async (user) => {
    const ws = await createWorkspace(user.id, { name: input.name, slug: input.slug?.trim() ? input.slug : undefined });
    return { slug: ws.slug };
  });
}
