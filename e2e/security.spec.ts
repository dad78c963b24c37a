import { expect, test, type Page } from "@playwright/test";
import { expectDashboard, newEmail, PASSWORD, signedUpPage, signIn, signUp, signUpOverHttp } from "./helpers";

// The browser's defences, checked in a real browser: security headers on every
// kind of page, the pages still working under the policy with no violation,
// no cross-site writes with the session cookie, and no open redirect after sign-in.

/** Collects every Content-Security-Policy violation the page reports. */
function watchViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (msg) => {
    if (/Content Security Policy|Refused to (execute|load|apply|connect|frame)/i.test(msg.text())) violations.push(msg.text());
  });
  return violations;
}

test("every kind of page sends the security headers, with a fresh script nonce per request", async ({ request }) => {
  const pages = ["/", "/signin", "/signup", "/docs/api"];
  const nonces = new Set<string>();
  for (const path of [...pages, "/signin"]) {
    const res = await request.get(path);
    const csp = res.headers()["content-security-policy"] ?? "";
    expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(csp, path).not.toContain("'unsafe-inline' 'nonce");
    expect(res.headers()["x-content-type-options"], path).toBe("nosniff");
    expect(res.headers()["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    nonces.add(/'nonce-([^']+)'/.exec(csp)![1]!);
  }
  expect(nonces.size).toBe(pages.length + 1);
  for (const path of ["/api/health", "/api/v1/openapi.json", "/api/v1/links"]) {
    const res = await request.get(path);
    expect(res.headers()["content-security-policy"], path).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers()["x-content-type-options"], path).toBe("nosniff");
  }
  // The redirect's own pages (answered before Next): no script at all.
  const missing = await request.get("/no-such-short-link-here", { maxRedirects: 0 });
  expect(missing.status()).toBe(404);
  expect(missing.headers()["content-security-policy"]).toContain("default-src 'none'");
  expect(missing.headers()["x-content-type-options"]).toBe("nosniff");
});

test("the app works under its policy: sign up, create a link, browse, with no CSP violation", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const violations = watchViolations(page);
  await page.goto("/");
  await signUp(page, newEmail("csp"), "Csp");
  await expectDashboard(page);
  const slug = /\/w\/([a-z0-9-]+)\//.exec(new URL(page.url()).pathname)![1]!;
  for (const path of [`/w/${slug}/links`, `/w/${slug}/campaigns`, `/w/${slug}/qr`, `/w/${slug}/settings/api-keys`, "/docs/api"]) {
    await page.goto(path);
    await expect(page.locator("h1").first()).toBeVisible();
  }
  // Client-side JavaScript runs (hydrated): a server action through a form.
  await page.goto(`/w/${slug}/settings/api-keys`);
  await page.getByLabel("Name").fill("csp check");
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByTestId("api-key")).toHaveValue(/^pnt_/);
  expect(violations).toEqual([]);
  await context.close();
});

test("a signed-in session cannot be used for writes from another origin or without JSON", async ({ browser, baseURL }) => {
  const { context, page, slug } = await signedUpPage(browser, baseURL!, "csrf");
  const other = new URL(baseURL!);
  other.port = String(Number(other.port) + 1);
  const body = JSON.stringify({ url: "https://example.com/csrf" });
  // Another port and a sibling subdomain are the same site, so the browser sends the cookie.
  for (const origin of [other.origin, "http://evil.localhost:3320", "null"]) {
    const res = await context.request.post(`/api/v1/links?workspace=${slug}`, { headers: { origin, "content-type": "text/plain" }, data: body });
    expect(res.status(), origin).toBe(403);
    expect((await res.json()).error.code).toBe("forbidden");
  }
  const noOrigin = await context.request.post(`/api/v1/links?workspace=${slug}`, { headers: { "content-type": "application/json" }, data: body });
  expect(noOrigin.status()).toBe(403);
  const del = await context.request.delete(`/api/v1/links/some-id?workspace=${slug}`, { headers: { origin: other.origin } });
  expect(del.status()).toBe(403);

  // From the app's own page: JSON is accepted, text/plain is not.
  const fromPage = await page.evaluate(
    async ([b, url]) => {
      const plain = await fetch(url, { method: "POST", headers: { "content-type": "text/plain" }, body: b });
      const json = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: b });
      return { plain: plain.status, json: json.status };
    },
    [body, `/api/v1/links?workspace=${slug}`] as const,
  );
  expect(fromPage).toEqual({ plain: 415, json: 201 });

  // A server action from another origin: 403, not 500.
  const action = await context.request.post("/signin", { headers: { origin: other.origin, "next-action": "0123456789abcdef", "content-type": "text/plain" }, data: "[]" });
  expect(action.status()).toBe(403);
  await context.close();
});

for (const form of ["signin", "signup"] as const) {
  test(`the ${form} form never sends the browser to another host afterwards`, async ({ browser, baseURL }) => {
    const origin = new URL(baseURL!).origin;
    const email = newEmail(`redir-${form}`);
    if (form === "signin") {
      const setup = await browser.newContext({ baseURL });
      await signUpOverHttp(await setup.newPage(), email, "Redir");
      await setup.close();
    }
    for (const payload of ["/.//evil.example", "/%2e//evil.example", "/a/..//evil.example"]) {
      const context = await browser.newContext({ baseURL });
      const page = await context.newPage();
      const target = `/${form}?callbackUrl=${encodeURIComponent(payload)}`;
      if (form === "signin") {
        await page.goto(target);
        await page.getByLabel("Email").fill(email);
        await page.getByLabel("Password").fill(PASSWORD);
        await page.getByRole("button", { name: "Sign in" }).click();
      } else {
        await signUp(page, newEmail("redir-up"), "Redir", target);
      }
      await page.waitForLoadState("networkidle");
      expect(new URL(page.url()).origin, payload).toBe(origin);
      await context.close();
    }
  });
}

test("a known signed-in user still signs in normally", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const email = newEmail("plain");
  await signUpOverHttp(page, email, "Plain");
  await expectDashboard(page);
  await context.clearCookies();
  await signIn(page, email);
  await expectDashboard(page);
  await context.close();
});

test("a form sent before the page's script has run never puts what was typed in the address", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  const email = newEmail("noscript");
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a secret typed too early");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  expect(page.url()).not.toMatch(/secret|password|noscript/);

  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Early");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a secret typed too early");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("button", { name: "Create account" })).toBeVisible();
  expect(page.url()).not.toMatch(/secret|password|noscript/);
  await context.close();
});
