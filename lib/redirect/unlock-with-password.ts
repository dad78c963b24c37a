import type { IncomingMessage, ServerResponse } from "node:http";
import { verifyPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import type { RedirectLink } from "./link-record";
import { unlockCookie } from "./password-cookie";

const FORM_LIMIT = 4096;

/** The password form's body, up to a few kilobytes (a password field, nothing more). */
async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > FORM_LIMIT) break;
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

export type PasswordOutcome = { unlocked: true } | { unlocked: false; error: string; status: 401 | 429; retryAfter?: number };

/**
 * A password typed into the link's form. Every guess is counted first (per
 * visitor, then per link), so a visitor over the limit learns nothing more,
 * even with the right password, until the window passes.
 */
export async function unlockWithPassword(
  req: IncomingMessage,
  res: ServerResponse,
  link: RedirectLink & { passwordHash: string },
  opts: { ip: string; secret: string; secure: boolean; now: number; limit: (linkId: string, visitor: string) => Promise<void> },
): Promise<PasswordOutcome> {
  const form = await readForm(req);
  try {
    await opts.limit(link.id, opts.ip);
  } catch (err) {
    if (err instanceof AppError && err.code === "rate_limited") return { unlocked: false, status: 429, error: err.message, retryAfter: Math.max(1, err.retryAfter ?? 60) };
    throw err;
  }
  if (await verifyPassword(form.get("password") ?? "", link.passwordHash)) {
    res.setHeader("Set-Cookie", unlockCookie(opts.secret, link.id, opts.now, opts.secure));
    return { unlocked: true };
  }
  return { unlocked: false, status: 401, error: "That password is not right. Try again." };
}
