import "server-only";
import { db } from "@/lib/db/client";
import { dummyPasswordHash, verifyPassword } from "@/lib/auth/password";
import { credentialsSchema } from "./schemas";

/**
 * Thrown for the right password of an account whose email was never
 * confirmed. next-auth hands its message to the form as the error code
 * (components/auth/auth-errors.ts), which then offers to send the link again.
 */
export class EmailNotConfirmedError extends Error {
  constructor() {
    super("EmailNotConfirmed");
  }
}

/** The user for this email and password, or null; takes the same time either way. */
export async function verifyCredentials(input: unknown): Promise<{ id: string; email: string; name: string | null } | null> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  const user = await db().user.findUnique({
    where: { email: parsed.data.email },
    select: { id: true, email: true, name: true, passwordHash: true, emailVerified: true },
  });
  const ok = await verifyPassword(parsed.data.password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !user.passwordHash || !ok) return null;
  if (!user.emailVerified) throw new EmailNotConfirmedError();
  return { id: user.id, email: user.email, name: user.name };
}
