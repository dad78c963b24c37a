import "server-only";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { sendMail } from "@/lib/mail/send-mail";
import { consume, LIMITS } from "@/lib/rate-limit/limiter";
import { createUser } from "./create-user";
import { signUpSchema, type SignUpInput } from "./schemas";

/**
 * Public sign-up: rate-limited per address, then the same createUser as the
 * CLI. It answers a known email exactly as a new one (no "already exists" to
 * tell a stranger who has an account): the address's owner gets a mail
 * saying so instead, at most a few per quarter hour.
 */
export async function signUp(input: SignUpInput, ip: string): Promise<void> {
  await consume(LIMITS.signUpPerIp, ip);
  try {
    await createUser(input);
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== "conflict") throw err;
    await tellOwner(signUpSchema.parse(input).email);
  }
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
