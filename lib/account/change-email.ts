import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/db/errors";
import { sendMail } from "@/lib/mail/send-mail";
import type { SessionUser } from "@/lib/auth/session";
import { emailChangeSchema, type EmailChangeInput } from "./schemas";

const VALID_MS = 24 * 60 * 60 * 1000;
const PREFIX = "email-change:";
const hash = (token: string) => createHash("sha256").update(token).digest("base64url");
const taken = () => new AppError("conflict", "Another account uses this email address.", { fields: { email: "Another account uses this email address." } });

/**
 * Sends a confirmation link to the new address; the email changes only when
 * it is opened (proof that the person reads that mailbox). Only the hash of
 * the token is stored.
 */
export async function requestEmailChange(user: SessionUser, input: EmailChangeInput): Promise<{ email: string }> {
  const { email } = emailChangeSchema.parse(input);
  if (email === user.email) throw new AppError("validation_failed", "That is already your email address.", { fields: { email: "That is already your email address." } });
  if (await db().user.findUnique({ where: { email }, select: { id: true } })) throw taken();
  const token = randomBytes(32).toString("base64url");
  await db().$transaction([
    db().verificationToken.deleteMany({ where: { identifier: { startsWith: `${PREFIX}${user.id}:` } } }),
    db().verificationToken.create({ data: { identifier: `${PREFIX}${user.id}:${email}`, token: hash(token), expires: new Date(Date.now() + VALID_MS) } }),
  ]);
  const url = new URL(`/account/confirm-email?token=${token}`, env().APP_URL).toString();
  await sendMail({
    to: email,
    subject: "Confirm your new Pennant email address",
    url,
    text: `Open this link to use ${email} for your Pennant account (valid for 24 hours, once):\n\n${url}\n\nIf you did not ask for it, ignore this email.`,
  });
  return { email };
}

/** Opens the link: the account takes the new address; the link cannot be used again. */
export async function confirmEmailChange(token: string): Promise<{ email: string }> {
  if (typeof token !== "string") throw new AppError("bad_request", "This link is not valid. Ask for a new one on your account page.");
  const row = await db().verificationToken.findUnique({ where: { token: hash(token) } });
  if (!row || !row.identifier.startsWith(PREFIX)) throw new AppError("not_found", "This link is not valid. Ask for a new one on your account page.");
  await db().verificationToken.delete({ where: { token: row.token } });
  if (row.expires.getTime() < Date.now()) throw new AppError("not_found", "This link has expired. Ask for a new one on your account page.");
  const [userId, email] = row.identifier.slice(PREFIX.length).split(/:(.*)/s) as [string, string];
  try {
    await db().user.update({ where: { id: userId }, data: { email, emailVerified: new Date() } });
  } catch (err) {
    if (isUniqueViolation(err)) throw taken();
    throw err;
  }
  return { email };
}
