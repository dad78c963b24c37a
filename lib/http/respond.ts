import "server-only";
import { NextResponse } from "next/server";
import { toAppError } from "@/lib/to-app-error";

/** The one mapping from any error to the API's JSON error shape. */
export function errorResponse(err: unknown): NextResponse {
  const e = toAppError(err);
  if (e.code === "internal") console.error(err);
  const headers: Record<string, string> = {};
  if (e.retryAfter !== undefined) headers["Retry-After"] = String(e.retryAfter);
  return NextResponse.json(e.toBody(), { status: e.status, headers });
}
