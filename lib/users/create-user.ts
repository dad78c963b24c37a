import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/db/errors";
import { hashPassword } from "@/lib/auth/password";
import { createPersonalWorkspace } from "@/lib/workspaces/create-workspace";
import { signUpSchema, type SignUpInput } from "./schemas";

export interface CreatedUser {
  id: string;
  email: string;
  name: string | null;
}

const exists = () => new AppError("conflict", "An account with this email already exists. Sign in instead.", { fields: { email: "An account with this email already exists." } });

/**
 * Creates a user with a password and their personal workspace, in one
 * transaction. The CLI's accounts are confirmed at once (an operator made
 * them); public sign-up passes `confirmed: false` and mails a link instead.
 */
export async function createUser(input: SignUpInput, opts: { confirmed?: boolean } = {}): Promise<CreatedUser> {
  const { email, password, name } = signUpSchema.parse(input);
  const passwordHash = await hashPassword(password);
  const existing = await db().user.findUnique({ where: { email }, select: { id: true } });
  if (existing) throw exists();
  try {
    return await db().$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email, passwordHash, name: name || null, emailVerified: opts.confirmed === false ? null : new Date() },
        select: { id: true, email: true, name: true },
      });
      await createPersonalWorkspace(tx, user);
      return user;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw exists();
    throw err;
  }
}
