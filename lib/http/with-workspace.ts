import "server-only";
import type { NextRequest } from "next/server";
import { authorizeWorkspace, defaultWorkspaceSlug, type Caller, type WorkspaceAccess } from "@/lib/auth/access";
import type { Permission } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";
import { verifyApiKey } from "@/lib/api-keys/verify-api-key";
import { AppError } from "@/lib/errors";
import { apiKeyLimit, consumeWithBudget, type Budget } from "@/lib/rate-limit/limiter";
import type { z } from "zod";
import { cleanJson, textProblem } from "@/lib/text/clean-text";
import { JSON_BODY_LIMIT, readBodyCapped } from "./read-body";
import { errorResponse } from "./respond";
import { refuseUnknownFields } from "./unknown-fields";

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

function withRateLimitHeaders(res: Response, budget: Budget | undefined): Response {
  if (!budget) return res;
  const headers: Record<string, string> = {
    "X-RateLimit-Limit": String(budget.limit),
    "X-RateLimit-Remaining": String(budget.remaining),
    "X-RateLimit-Reset": String(budget.reset),
  };
  try {
    for (const [k, v] of Object.entries(headers)) res.headers.set(k, v);
    return res;
  } catch {
    // Immutable headers (a proxied fetch response): copy it.
    const copy = new Response(res.body, res);
    for (const [k, v] of Object.entries(headers)) copy.headers.set(k, v);
    return copy;
  }
}

/**
 * Resolves the caller and, for API keys, counts the request against the key's
 * rate limit; every answer to an API key (errors and 429 included) carries
 * X-RateLimit-Limit / -Remaining / -Reset. Every error becomes
 * `{ error: { code, message, details? } }` with its status.
 */
async function answer(req: Request, handle: (caller: Caller) => Promise<Response>): Promise<Response> {
  let budget: Budget | undefined;
  try {
    const caller = await resolveCaller(req);
    if (caller.kind === "api_key") {
      try {
        budget = await consumeWithBudget(apiKeyLimit(), caller.apiKeyId);
      } catch (err) {
        if (err instanceof AppError && err.code === "rate_limited") budget = err.details as Budget;
        throw err;
      }
    }
    return withRateLimitHeaders(await handle(caller), budget);
  } catch (err) {
    return withRateLimitHeaders(errorResponse(err), budget);
  }
}

/**
 * Wraps a workspace API route: resolves the caller, the workspace (from the
 * `[slug]` segment, `?workspace=`, or the API key's own) and the permission.
 */
export function withWorkspace(
  permission: Permission,
  handler: (args: { req: NextRequest; access: WorkspaceAccess; params: Params }) => Promise<Response>,
) {
  return (req: NextRequest, ctx: RouteContext): Promise<Response> =>
    answer(req, async (caller) => {
      const params = (await ctx.params) ?? {};
      // A path segment with a control character or a broken one names nothing (PostgreSQL refuses NUL).
      for (const v of Object.values(params)) if (typeof v === "string" && textProblem(v)) throw new AppError("not_found", "Not found");
      const fromPath = typeof params.slug === "string" ? params.slug : undefined;
      const slug = fromPath ?? req.nextUrl.searchParams.get("workspace") ?? (await defaultWorkspaceSlug(caller));
      if (textProblem(slug)) throw new AppError("not_found", "Workspace not found");
      const access = await authorizeWorkspace(caller, slug, permission);
      return handler({ req, access, params });
    });
}

/** Wraps an API route that needs a caller but no particular workspace. */
export function withCaller(handler: (args: { req: NextRequest; caller: Caller }) => Promise<Response>) {
  return (req: NextRequest): Promise<Response> => answer(req, (caller) => handler({ req, caller }));
}

/** `application/json`, or any `+json` type, with or without a charset. */
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/**
 * The JSON body: sent as JSON (415 otherwise: a form or text/plain body is
 * what a cross-site page can send), read up to JSON_BODY_LIMIT (413), every
 * string checked and put in NFC (lib/text/clean-text.ts), and refused (422)
 * when it names a field `schema` does not know. The domain function still
 * parses it; this only stops typos from vanishing.
 */
export async function readJson<S extends z.ZodType>(req: Request, schema: S, fixed?: Record<string, string>): Promise<z.input<S>> {
  if (!JSON_TYPE.test(req.headers.get("content-type") ?? "")) {
    throw new AppError("unsupported_media_type", "Send the body as JSON, with the header Content-Type: application/json.");
  }
  const raw = await readBodyCapped(req, JSON_BODY_LIMIT);
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(raw));
  } catch {
    throw new AppError("bad_request", "The request body must be JSON (UTF-8).");
  }
  const cleaned = cleanJson(body);
  if (!("value" in cleaned)) {
    throw new AppError("validation_failed", cleaned.path ? `${cleaned.path}: ${cleaned.problem}` : cleaned.problem, { fields: { [cleaned.path || "_"]: cleaned.problem } });
  }
  refuseUnknownFields(schema, cleaned.value, fixed);
  return cleaned.value as z.input<S>;
}

/** A route segment as a plain string (`[id]`); a missing one reads as "not found". */
export function param(params: Params, name: string): string {
  const v = params[name];
  // An id with a control character or a broken one names nothing (and PostgreSQL refuses NUL).
  if (typeof v !== "string" || textProblem(v)) throw new AppError("not_found", "Not found");
  return v;
}
