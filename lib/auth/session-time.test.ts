import { describe, expect, it } from "vitest";
import { sessionIsCurrent, signInClaims } from "./session-time";

describe("sessions and 'sign out of all sessions'", () => {
  const signedOut = new Date("2026-12-04T10:00:00.400Z");

  it("keeps a session signed in again within the same second, after signing out everywhere", () => {
    expect(sessionIsCurrent(signInClaims(signedOut.getTime() + 200), signedOut)).toBe(true);
    expect(sessionIsCurrent(signInClaims(signedOut.getTime()), signedOut)).toBe(true);
  });

  it("ends a session signed in before, even a moment before", () => {
    expect(sessionIsCurrent(signInClaims(signedOut.getTime() - 1), signedOut)).toBe(false);
    expect(sessionIsCurrent(signInClaims(signedOut.getTime() - 86_400_000), signedOut)).toBe(false);
  });

  it("ends older sessions that carry whole seconds when signed in before, and keeps them when after", () => {
    expect(sessionIsCurrent({ signedInAt: Math.floor(signedOut.getTime() / 1000) }, signedOut)).toBe(false);
    expect(sessionIsCurrent({ signedInAt: Math.floor(signedOut.getTime() / 1000) + 1 }, signedOut)).toBe(true);
    expect(sessionIsCurrent({}, signedOut)).toBe(false);
  });

  it("keeps every session of a user who never signed out everywhere", () => {
    expect(sessionIsCurrent({}, null)).toBe(true);
    expect(sessionIsCurrent(signInClaims(1), null)).toBe(true);
  });
});
