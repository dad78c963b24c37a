import "server-only";
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";
import { consume, type LimitRule } from "@/lib/rate-limit/limiter";
import { blockFromRow } from "./documents";
import type { SubscribeNotice } from "./render-page";
import { subscribeSchema } from "./schemas";

export const SUBSCRIBE_LIMITS = {
  perVisitor: { name: "bio-sub-visitor", points: 5, duration: 10 * 60, message: "Too many sign-ups from here just now." },
  perPage: { name: "bio-sub-page", points: 300, duration: 10 * 60, message: "Too many sign-ups for this page just now." },
} satisfies Record<string, LimitRule>;

/**
 * A sign-up from a page's subscribe block (the visitor's form): the address
 * and the consent text they agreed to, once per page. The honeypot answers
 * "ok" without storing anything, so a bot learns nothing.
 */
export async function addSubscriber(args: { pageId: string; workspaceId: string; form: URLSearchParams; visitor: string }): Promise<SubscribeNotice> {
  const { form } = args;
  if (form.get("website")) return "ok";
  try {
    await consume(SUBSCRIBE_LIMITS.perVisitor, `${args.pageId}:${args.visitor}`);
    await consume(SUBSCRIBE_LIMITS.perPage, args.pageId);
  } catch (err) {
    if (err instanceof AppError && err.code === "rate_limited") return "limited";
    throw err;
  }
  const parsed = subscribeSchema.safeParse({ email: form.get("email") ?? "", consent: form.get("consent") ?? undefined });
  if (!parsed.success) return parsed.error.issues.some((i) => i.path[0] === "consent") && !parsed.error.issues.some((i) => i.path[0] === "email") ? "consent" : "invalid";
  const row = await db().bioBlock.findFirst({ where: { id: form.get("block") ?? "", bioPageId: args.pageId, type: "subscribe" }, select: { id: true, type: true, data: true } });
  if (!row) return "invalid";
  const block = blockFromRow(row);
  if (block.type !== "subscribe") return "invalid";
  try {
    await db().bioSubscriber.create({ data: { workspaceId: args.workspaceId, bioPageId: args.pageId, email: parsed.data.email, consentText: block.consentText } });
  } catch (err) {
    // A repeat sign-up counts once; the visitor is told the same.
    if (!isUniqueViolation(err)) throw err;
  }
  return "ok";
}
