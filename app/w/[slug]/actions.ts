"use server";

import type { ActionResult } from "@/lib/actions/action-result";
import { workspaceAction } from "@/lib/auth/guards";
import { searchWorkspace, type SearchHit, type SearchWorkspaceInput } from "@/lib/search/search-workspace";

/** The command menu's "jump to": names in this workspace only. */
export async function searchWorkspaceAction(slug: string, input: SearchWorkspaceInput): Promise<ActionResult<SearchHit[]>> {
  return workspaceAction(slug, "workspace.read", (access) => searchWorkspace(access, input));
}
