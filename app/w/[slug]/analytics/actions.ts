"use server";

import type { ActionResult } from "@/lib/actions/action-result";
import { workspaceAction } from "@/lib/auth/guards";
import { createSharedReport, revokeSharedReport, type SharedReportInput } from "@/lib/analytics/shared-reports";

// Thin: each action authorizes through workspaceAction and calls one lib/ function.

export async function createSharedReportAction(slug: string, input: SharedReportInput): Promise<ActionResult<{ id: string; token: string }>> {
  return workspaceAction(slug, "analytics.read", (access) => createSharedReport(access, input));
}

export async function revokeSharedReportAction(slug: string, input: { id: string }): Promise<ActionResult> {
  return workspaceAction(slug, "analytics.read", (access) => revokeSharedReport(access, input.id));
}
