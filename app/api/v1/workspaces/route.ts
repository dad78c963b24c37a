import { withCaller } from "@/lib/http/with-workspace";
import { authorizeWorkspace, defaultWorkspaceSlug } from "@/lib/auth/access";
import { listWorkspacesForUser } from "@/lib/workspaces/list-workspaces";
import { presentWorkspace } from "@/lib/workspaces/present-workspace";

/** The caller's workspaces: all of a user's, or an API key's own one. */
export const GET = withCaller(async ({ caller }) => {
  if (caller.kind === "user") {
    const list = await listWorkspacesForUser(caller.user.id);
    return Response.json({ data: list.map((w) => presentWorkspace(w, w.role)) });
  }
  const access = await authorizeWorkspace(caller, await defaultWorkspaceSlug(caller), "workspace.read");
  return Response.json({ data: [presentWorkspace(access.workspace, access.role)] });
});
