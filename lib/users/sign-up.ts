import "server-only";
import { consume, LIMITS } from "@/lib/rate-limit/limiter";
import { createUser } from "./create-user";
import type { SignUpInput } from "./schemas";

/** Public sign-up: rate-limited per address, then the same createUser as the CLI. */
export async function signUp(input: SignUpInput, ip: string) {
  await consume(LIMITS.signUpPerIp, ip);
  return createUser(input);
}
