import { readJson, withWorkspace } from "@/lib/http/with-workspace";
import { updateWorkspace } from "@/lib/workspaces/update-workspace";
import { presentWorkspace } from "@/lib/workspaces/present-workspace";
import { renameWorkspaceSchema } from "@/lib/workspaces/schemas";

export const GET = withWorkspace("workspace.read", async ({ access }) => Response.json(presentWorkspace(access.workspace, access.role)));

export const PATCH = withWorkspace("workspace.update", async ({ req, access }) => {
  const body = await readJson(req, renameWorkspaceSchema);
  const ws = await updateWorkspace(access, body);
  return Response.json(presentWorkspace(ws, access.role));
});
