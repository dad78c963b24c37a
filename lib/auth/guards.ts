import "server-only";
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/actions/action-result";
import { forbidden as nextForbidden, notFound as nextNotFound, redirect } from "next/navigation";
import { AppError } from "@/lib/errors";
import { toAppError } from "@/lib/to-app-error";
import { authorizeWorkspace, type WorkspaceAccess } from "./access";
import { can, type Permission } from "./permissions";
import { getSessionUser, type SessionUser } from "./session";

/** Pages: the signed-in user, or a redirect to sign-in that comes back here. */
export async function requireUser(returnTo: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

/** Pages: access to the workspace with the permission, else 404 / 403 pages. */
export async function requireWorkspacePage(slug: string, permission: Permission, returnTo: string): Promise<WorkspaceAccess> {
  const user = await requireUser(returnTo);
  try {
    return await authorizeWorkspace({ kind: "user", user }, slug, permission);
  } catch (err) {
    const e = err instanceof AppError ? err : toAppError(err);
    if (e.code === "not_found") nextNotFound();
    if (e.code === "forbidden") nextForbidden();
    throw err;
  }
}


/** Any error as the form state a server action answers with. */
export function actionFailure(err: unknown): ActionResult<never> {
  const e = toAppError(err);
  if (e.code === "internal") console.error(err);
  const fields = (e.details as { fields?: Record<string, string> } | undefined)?.fields;
  return { ok: false, error: { code: e.code, message: e.message, ...(fields ? { fields } : {}) } };
}

/** Server actions for a signed-in user (no workspace). */
export async function userAction<T>(fn: (user: SessionUser) => Promise<T>): Promise<ActionResult<T>> {
  try {
    const user = await getSessionUser();
    if (!user) throw new AppError("unauthorized", "Your session has ended. Sign in again.");
    return { ok: true, data: await fn(user) };
  } catch (err) {
    return actionFailure(err);
  }
}

/**
 * Server actions inside a workspace: the same check as pages and the API.
 * An action that may change something (any permission a viewer lacks) and
 * succeeds refreshes the workspace's pages, so no action does that by hand.
 */
export async function workspaceAction<T>(slug: string, permission: Permission, fn: (access: WorkspaceAccess) => Promise<T>): Promise<ActionResult<T>> {
  const result = await userAction(async (user) => fn(await authorizeWorkspace({ kind: "user", user }, slug, permission)));
  if (result.ok && !can("viewer", permission)) revalidatePath(`/w/${slug}`, "layout");
  return result;
}
