/** next-auth error codes, in words a person can act on. */
export const AUTH_ERRORS: Record<string, string> = {
  CredentialsSignin: "Wrong email or password. Check both and try again.",
  EmailNotConfirmed: "Confirm your email address first: open the link we mailed you when you signed up.",
  RateLimited: "Too many attempts. Wait a few minutes and try again.",
  EmailSignin: "We could not send the sign-in link. Check the address and try again.",
  Verification: "That sign-in link has expired or was already used. Ask for a new one.",
  OAuthAccountNotLinked: "This email already has an account. Sign in the way you did before.",
  OAuthSignin: "Could not reach the sign-in provider. Try again.",
  OAuthCallback: "The sign-in provider did not confirm who you are. Try again.",
  SessionRequired: "Sign in to continue.",
};

export function authErrorMessage(code: string | null | undefined): string | undefined {
  if (!code) return undefined;
  return AUTH_ERRORS[code] ?? "Sign-in failed. Try again.";
}
