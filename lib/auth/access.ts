import "server-only";
import { db } from "@/lib/db/client";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { can, isRole, type Permission, type Role } from "./permissions";
import type { SessionUser } from "./session";

/**
 * Who is asking: a signed-in person, an API key acting for its workspace, or
 * the server's operator at the command line (scripts/cli.ts), who acts as an
 * owner of any workspace and never arrives over HTTP.
 */
export type Caller =
  | { kind: "user"; user: SessionUser }
  | { kind: "api_key"; apiKeyId: string; workspaceId: string; role: Role }
  | { kind: "operator" };

export interface WorkspaceRef {
  id: string;
  slug: string;
  name: string;
  personal: boolean;
  /** IANA time zone for dates and day buckets (lib/workspaces/time-zone.ts). */
  timeZone: string;
}

export interface WorkspaceAccess {
  caller: Caller;
  workspace: WorkspaceRef;
  role: Role;
  /** The user behind the request, null for API keys. */
  userId: string | null;
}

const workspaceSelect = { id: true, slug: true, name: true, personal: true, timeZone: true } as const;

/**
 * The one authorization check. A workspace the caller does not belong to
 * answers exactly like one that does not exist (not_found); a role without
 * the permission answers forbidden.
 */
export async function authorizeWorkspace(caller: Caller, slug: string, permission: Permission): Promise<WorkspaceAccess> {
  let access: WorkspaceAccess;
  if (caller.kind === "api_key") {
    const workspace = await db().workspace.findUnique({ where: { id: caller.workspaceId }, select: workspaceSelect });
    if (!workspace || workspace.slug !== slug.toLowerCase()) throw notFound("Workspace not found");
    access = { caller, workspace, role: caller.role, userId: null };
  } else if (caller.kind === "operator") {
    const workspace = await db().workspace.findUnique({ where: { slug: slug.toLowerCase() }, select: workspaceSelect });
    if (!workspace) throw notFound("Workspace not found");
    access = { caller, workspace, role: "owner", userId: null };
  } else {
    const membership = await db().membership.findFirst({
      where: { userId: caller.user.id, workspace: { slug: slug.toLowerCase() } },
      select: { role: true, workspace: { select: workspaceSelect } },
    });
    if (!membership || !isRole(membership.role)) throw notFound("Workspace not found");
    access = { caller, workspace: membership.workspace, role: membership.role, userId: caller.user.id };
  }
  if (!can(access.role, permission)) throw forbidden();
  return access;
}

/** The API key's own workspace slug: API calls may omit it. */
export async function defaultWorkspaceSlug(caller: Caller): Promise<string> {
  if (caller.kind !== "api_key") throw new AppError("bad_request", "Say which workspace: add ?workspace=<slug>.");
  const ws = await db().workspace.findUnique({ where: { id: caller.workspaceId }, select: { slug: true } });
  if (!ws) throw new AppError("unauthorized", "This API key's workspace no longer exists.");
  return ws.slug;
}
