import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { sendMail } from "@/lib/mail/send-mail";
import { consume, LIMITS } from "@/lib/rate-limit/limiter";
import { readBodyCapped } from "@/lib/http/read-body";
import { emailSchema } from "./schemas";

const CONFIRMATION_VALID_MS = 24 * 60 * 60 * 1000;

/**
 * The stored form of a sign-in token, exactly as next-auth's email provider
 * hashes it (sha256 of token + secret, hex): its callback
 * (/api/auth/callback/email) then consumes our confirmation links like magic
 * links: once, before they expire, marking the address verified as it signs in.
 */
function hashSignInToken(token: string): string {
  return createHash("sha256").update(`${token}${env().authSecret}`).digest("hex");
}

/**
 * Mails a sign-up confirmation link to `email` (a few per quarter hour at most).
 * Failures are only logged: sign-up answers a new and a known address alike, so
 * neither may show a mail error.
 */
export async function mailSignUpConfirmation(email: string, callbackUrl: string | undefined): Promise<void> {
  try {
    await consume(LIMITS.confirmationMailPerEmail, email);
    const token = randomBytes(32).toString("hex");
    await db().verificationToken.create({ data: { identifier: email, token: hashSignInToken(token), expires: new Date(Date.now() + CONFIRMATION_VALID_MS) } });
    const url = new URL("/signup/confirm", env().APP_URL);
    url.searchParams.set("email", email);
    url.searchParams.set("token", token);
    url.searchParams.set("callbackUrl", safeCallbackUrl(callbackUrl, env().APP_URL));
    await sendMail({
      to: email,
      subject: "Confirm your Pennant account",
      url: url.toString(),
      text:
        `Open this link to confirm your email address and sign in to your new Pennant account (valid for 24 hours, once):\n\n${url.toString()}\n\n` +
        `If you did not sign up, ignore this email: the account cannot be used until this link is opened.`,
    });
  } catch (err) {
    console.warn(`[pennant] sign-up confirmation: no mail sent (${(err as Error).message})`);
  }
}

const resendSchema = z.object({ email: emailSchema, callbackUrl: z.string().max(2000).optional() });

/**
 * "Send the link again", offered when a password sign-in is refused for an
 * unconfirmed account. Limited per address; it answers the same whether or
 * not such an account exists.
 */
export async function resendSignUpConfirmation(input: unknown, ip: string): Promise<void> {
  await consume(LIMITS.confirmationResendPerIp, ip);
  const { email, callbackUrl } = resendSchema.parse(input);
  const user = await db().user.findUnique({ where: { email }, select: { emailVerified: true, passwordHash: true } });
  if (user && !user.emailVerified && user.passwordHash) await mailSignUpConfirmation(email, callbackUrl);
}

const confirmSchema = z.object({ email: emailSchema, token: z.string().regex(/^[0-9a-f]{64}$/) });

/**
 * The sign-up's own link, confirmed on its page: the address is marked verified
 * here, keeping the password chosen at sign-up, and the link is left for
 * next-auth's email callback to sign in with (once). A magic link or OAuth that
 * verifies an unconfirmed address instead drops that password (see
 * lib/auth/adapter.ts): whoever signed up with it never proved the mailbox.
 * Answers whether the link was valid; an invalid one changes nothing.
 */
export async function confirmSignUp(input: unknown): Promise<boolean> {
  const parsed = confirmSchema.safeParse(input);
  if (!parsed.success) return false;
  const { email, token } = parsed.data;
  const live = await db().verificationToken.findFirst({ where: { identifier: email, token: hashSignInToken(token), expires: { gt: new Date() } }, select: { token: true } });
  if (!live) return false;
  await db().user.updateMany({ where: { email, emailVerified: null }, data: { emailVerified: new Date() } });
  return true;
}

/**
 * The confirmation page's form (POST: a mail scanner that opens the link only
 * GETs the page): confirms the sign-up, then hands the same link to
 * next-auth's email callback (303), which uses it once and signs in.
 */
export async function confirmSignUpAndContinue(req: Request): Promise<Response> {
  const form = new URLSearchParams(new TextDecoder().decode(await readBodyCapped(req, 8 * 1024).catch(() => new Uint8Array())));
  const email = (form.get("email") ?? "").slice(0, 254);
  const token = (form.get("token") ?? "").slice(0, 200);
  await confirmSignUp({ email, token });
  const next = new URL("/api/auth/callback/email", env().APP_URL);
  next.searchParams.set("callbackUrl", safeCallbackUrl(form.get("callbackUrl") ?? undefined, env().APP_URL));
  next.searchParams.set("token", token);
  next.searchParams.set("email", email);
  return new Response(null, { status: 303, headers: { Location: next.toString(), "Cache-Control": "no-store" } });
}
