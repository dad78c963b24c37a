import { describe, expect, it } from "vitest";
import { CLIENT_IP_HEADER } from "@/lib/net/client-ip";
import { limitSignInAttempt } from "./limit-sign-in";
import { uniqueEmail } from "@/tests/factories";

function attempt(path: string, email: string, ip = "203.0.113.7") {
  return new Request(`http://localhost:3000/api/auth/${path}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", [CLIENT_IP_HEADER]: ip },
    body: new URLSearchParams({ email, password: "guess", csrfToken: "x" }),
  });
}

describe("sign-in rate limits", () => {
  it("lets 10 password attempts per address and email through, then answers 429 with a reason", async () => {
    const email = uniqueEmail("brute");
    for (let i = 0; i < 10; i++) expect(await limitSignInAttempt(attempt("callback/credentials", email))).toBeNull();
    const res = await limitSignInAttempt(attempt("callback/credentials", email.toUpperCase()));
    expect(res?.status).toBe(429);
    expect(Number(res?.headers.get("retry-after"))).toBeGreaterThan(0);
    const body = (await res!.json()) as { url: string; error: { code: string; message: string } };
    expect(new URL(body.url).searchParams.get("error")).toBe("RateLimited");
    expect(body.error).toMatchObject({ code: "rate_limited", message: expect.stringContaining("Too many sign-in attempts") });
    // Another email is not affected.
    expect(await limitSignInAttempt(attempt("callback/credentials", uniqueEmail("other")))).toBeNull();
    // Nor is the account's owner, signing in from elsewhere: a stranger cannot lock them out.
    expect(await limitSignInAttempt(attempt("callback/credentials", email, "192.0.2.44"))).toBeNull();
  });

  it("stops many addresses guessing at one account with the softer per-email limit", async () => {
    const email = uniqueEmail("distributed");
    let refused = 0;
    for (let i = 0; i < 105; i++) if (await limitSignInAttempt(attempt("callback/credentials", email, `10.9.${Math.floor(i / 5)}.${i % 5}`))) refused++;
    expect(refused).toBe(5);
  });

  it("limits magic-link requests to 5 per email", async () => {
    const email = uniqueEmail("magic");
    for (let i = 0; i < 5; i++) expect(await limitSignInAttempt(attempt("signin/email", email))).toBeNull();
    expect((await limitSignInAttempt(attempt("signin/email", email)))?.status).toBe(429);
  });

  it("limits one address trying many emails", async () => {
    const ip = "198.51.100.23";
    let refused = 0;
    for (let i = 0; i < 55; i++) if (await limitSignInAttempt(attempt("callback/credentials", uniqueEmail("spray"), ip))) refused++;
    expect(refused).toBe(5);
  });

  it("does not count other next-auth requests", async () => {
    const email = uniqueEmail("csrf");
    for (let i = 0; i < 20; i++) expect(await limitSignInAttempt(attempt("signout", email))).toBeNull();
  });
});
