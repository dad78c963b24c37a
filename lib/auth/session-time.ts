/**
 * When a session was signed in, and whether "sign out of all sessions" has
 * ended it. Sessions carry the sign-in time in milliseconds (`signedInAtMs`),
 * so signing in again right after signing out everywhere, within the same
 * second, gives a session that holds. Sessions from before carry whole
 * seconds (`signedInAt`, rounded down), which can only make them end sooner.
 */
export interface SignInClaims {
  signedInAtMs?: number;
  signedInAt?: number;
}

export function signInClaims(now = Date.now()): Required<Pick<SignInClaims, "signedInAtMs">> {
  return { signedInAtMs: now };
}

export function signedInAtMs(claims: SignInClaims): number {
  if (typeof claims.signedInAtMs === "number") return claims.signedInAtMs;
  return (claims.signedInAt ?? 0) * 1000;
}

/** False for a session signed in before the user last signed out everywhere. */
export function sessionIsCurrent(claims: SignInClaims, sessionsValidFrom: Date | null): boolean {
  return !sessionsValidFrom || signedInAtMs(claims) >= sessionsValidFrom.getTime();
}
