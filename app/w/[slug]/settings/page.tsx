import type { Metadata } from "next";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { DangerZone } from "@/components/settings/danger-zone";
import { WorkspaceForm } from "@/components/settings/workspace-form";
import { requireWorkspacePage } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { timeZoneNames } from "@/lib/workspaces/time-zone";
import { getClickRetention } from "@/lib/analytics/retention";
import { deleteWorkspaceAction, leaveWorkspaceAction, updateWorkspaceAction } from "./actions";

export const metadata: Metadata = { title: "Settings" };

export default async function GeneralSettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await requireWorkspacePage(slug, "workspace.read", `/w/${slug}/settings`);
  return (
    <>
      <Card>
        <CardTitle>Workspace</CardTitle>
        <CardDescription>The name your team sees, the address of its dashboard, and the time zone its analytics count days in.</CardDescription>
        <div className="mt-5 max-w-md">
          <WorkspaceForm workspace={{ ...access.workspace, rawClickRetentionDays: await getClickRetention(access) }} timeZones={timeZoneNames()} canEdit={can(access.role, "workspace.update")} action={updateWorkspaceAction} />
        </div>
      </Card>
      <Card className="border-red-200">
        <CardTitle className="text-red-800">Danger zone</CardTitle>
        <div className="mt-4">
          <DangerZone slug={access.workspace.slug} name={access.workspace.name} canDelete={can(access.role, "workspace.delete")} deleteAction={deleteWorkspaceAction} leaveAction={leaveWorkspaceAction} />
        </div>
      </Card>
    </>
  );
}
