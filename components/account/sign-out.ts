"use client";

/**
 * Signs out through next-auth's own endpoint, as its client would (CSRF token
 * first, then the POST), without shipping that client to every page.
 */
export async function signOut(callbackUrl = "/"): Promise<void> {
  try {
    const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    const res = await fetch("/api/auth/signout", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Auth-Return-Redirect": "1" },
      body: new URLSearchParams({ csrfToken, callbackUrl, json: "true" }),
    });
    const { url } = (await res.json()) as { url?: string };
    window.location.assign(url ?? callbackUrl);
  } catch {
    // Whatever happened, land where a signed-out person would; the page shows the truth.
    window.location.assign(callbackUrl);
  }
}
