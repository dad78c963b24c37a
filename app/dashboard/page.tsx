import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/guards";
import { listWorkspacesForUser } from "@/lib/workspaces/list-workspaces";
import { LAST_WORKSPACE_COOKIE } from "@/lib/workspaces/last-workspace";

/** Sends the user to the workspace they used last, or their first one. */
export default async function DashboardPage() {
  const user = await requireUser("/dashboard");
  const workspaces = await listWorkspacesForUser(user.id);
  if (workspaces.length === 0) redirect("/workspaces/new");
  const last = (await cookies()).get(LAST_WORKSPACE_COOKIE)?.value;
  const target = workspaces.find((w) => w.slug === last) ?? workspaces[0]!;
  redirect(`/w/${target.slug}/links`);
}
