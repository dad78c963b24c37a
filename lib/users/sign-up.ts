import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { canSendMail, sendMail } from "@/lib/mail/send-mail";
import { consume, LIMITS } from "@/lib/rate-limit/limiter";
import { createPersonalWorkspace } from "@/lib/workspaces/create-workspace";
import { createUser } from "./create-user";
import { mailSignUpConfirmation } from "./sign-up-confirmation";
import { signUpSchema, type SignUpInput } from "./schemas";

const publicSignUpSchema = signUpSchema.extend({ callbackUrl: z.string().max(2000).optional() });

const NO_MAIL_MESSAGE =
  "This server cannot send email, so it cannot confirm new accounts. Ask its administrator to create your account, or to set SMTP_URL.";

/**
 * Public sign-up: rate-limited per address. It answers a new and a known email
 * alike ("check your email"), so a stranger cannot learn who has an account:
 * - a new address gets an unconfirmed account and a confirmation link, which
 *   signs in (next-auth's email callback) and marks the address verified;
 * - an unconfirmed one (nobody proved the mailbox yet) starts over: the new
 *   password replaces the old, earlier links stop working, a new link is sent;
 * - a confirmed one gets a "you already have an account" mail instead.
 */
export async function signUp(input: SignUpInput & { callbackUrl?: string }, ip: string): Promise<void> {
  await consume(LIMITS.signUpPerIp, ip);
  const parsed = publicSignUpSchema.parse(input);
  if (!canSendMail()) throw new AppError("unprocessable", NO_MAIL_MESSAGE);
  const { email } = parsed;
  const existing = await db().user.findUnique({ where: { email }, select: { id: true, emailVerified: true } });
  if (existing?.emailVerified) {
    await hashPassword(parsed.password); // the same work as a new sign-up, so the answer takes as long
    await tellOwner(email);
    return;
  }
  try {
    if (existing) {
      const restarted = await restartSignUp(existing.id, parsed);
      if (!restarted) return await tellOwner(email);
    } else {
      await createUser(parsed, { confirmed: false });
    }
  } catch (err) {
    // Another sign-up for the same address won the race: it is known now.
    if (!(err instanceof AppError) || err.code !== "conflict") throw err;
    return await tellOwner(email);
  }
  await mailSignUpConfirmation(email, parsed.callbackUrl);
}

/**
 * An unconfirmed account was never used (it cannot sign in): the new sign-up
 * takes it over whole, password, name and a fresh personal workspace (named
 * after the new name), and the links mailed before stop working.
 */
async function restartSignUp(userId: string, input: { email: string; password: string; name?: string | undefined }): Promise<boolean> {
  const passwordHash = await hashPassword(input.password);
  const name = input.name || null;
  return db().$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({ where: { id: userId, emailVerified: null }, data: { passwordHash, name } });
    if (count === 0) return false; // confirmed meanwhile
    await tx.verificationToken.deleteMany({ where: { identifier: input.email } });
    await tx.workspace.deleteMany({ where: { personal: true, memberships: { some: { userId, role: "owner" } } } });
    await createPersonalWorkspace(tx, { id: userId, email: input.email, name });
    return true;
  });
}

async function tellOwner(email: string): Promise<void> {
  try {
    await consume(LIMITS.accountExistsMailPerEmail, email);
    const signIn = new URL("/signin", env().APP_URL).toString();
    await sendMail({
      to: email,
      subject: "You already have a Pennant account",
      text:
        `Someone (perhaps you) tried to create a Pennant account with this email address, which already has one.\n\n` +
        `Sign in at ${signIn} (you can ask for a sign-in link by email if you forgot your password).\n\n` +
        `If it was not you, you can ignore this mail: nothing was changed.`,
      url: signIn,
    });
  } catch (err) {
    // Over the limit, or no mail server: the answer must not differ, so it is only logged.
    console.warn(`[pennant] sign-up with a known email: no mail sent (${(err as Error).message})`);
  }
}
