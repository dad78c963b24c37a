import "server-only";
import type { NextRequest } from "next/server";
import { authorizeWorkspace, defaultWorkspaceSlug, type Caller, type WorkspaceAccess } from "@/lib/auth/access";
import type { Permission } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";
import { verifyApiKey } from "@/lib/api-keys/verify-api-key";
import { AppError } from "@/lib/errors";
import { errorResponse } from "./respond";

type Params = Record<string, string | string[] | undefined>;
interface RouteContext {
  params: Promise<Params>;
}

/** The caller of an API request: `Authorization: Bearer <key>`, else the session cookie. */
export async function resolveCaller(req: Request): Promise<Caller> {
  const header = req.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const key = match?.[1] ? await verifyApiKey(match[1]) : null;
    if (!key) throw new AppError("unauthorized", "The API key is missing, malformed, revoked or expired.");
    return { kind: "api_key", ...key };
  }
  const user = await getSessionUser();
  if (!user) throw new AppError("unauthorized", "Sign in, or send an API key as `Authorization: Bearer <key>`.");
  return { kind: "user", user };
}

/**
 * Wraps a workspace API route: resolves the caller, the workspace (from the
 * `[slug]` segment, `?workspace=`, or the API key's own) and the permission.
 * Every error becomes `{ error: { code, message } }` with its status.
 */
export function withWorkspace(
  permission: Permission,
  handler: (args: { req: NextRequest; access: WorkspaceAccess; params: Params }) => Promise<Response>,
) {
  return async (req: NextRequest, ctx: RouteContext): Promise<Response> => {
    try {
      const params = (await ctx.params) ?? {};
      const caller = await resolveCaller(req);
      const fromPath = typeof params.slug === "string" ? params.slug : undefined;
      const slug = fromPath ?? req.nextUrl.searchParams.get("workspace") ?? (await defaultWorkspaceSlug(caller));
      const access = await authorizeWorkspace(caller, slug, permission);
      return await handler({ req, access, params });
    } catch (err) {
      return errorResponse(err);
    }
  };
}

/** Wraps an API route that needs a caller but no particular workspace. */
export function withCaller(handler: (args: { req: NextRequest; caller: Caller }) => Promise<Response>) {
  return async (req: NextRequest): Promise<Response> => {
    try {
      return await handler({ req, caller: await resolveCaller(req) });
    } catch (err) {
      return errorResponse(err);
    }
  };
}

/** Parses a JSON body, answering 400 for something that is not JSON. */
export async function readJson(req: Request): Promise<unknown> {
  try {
    return await req.json();
  } catch {
    throw new AppError("bad_request", "The request body must be JSON.");
  }
}
