import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";

export const PASSWORD = "correct horse battery";

export function newEmail(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString("hex")}@example.com`;
}

/** The id the sign-up form calls its server action by, read from the sign-up page (the same build answers every test). */
let signUpActionId: string | undefined;

/**
 * A new, confirmed account, signed in on `page`, made as the sign-up form
 * makes it but over HTTP: the form's server action, the confirmation link read
 * from the local outbox, the "Confirm and sign in" POST, then one navigation
 * to the sign-in it leads to (the dashboard, or `callbackUrl`). Same server,
 * same code, same rows as `signUp`, without rendering four pages: for tests
 * about what comes after sign-up. Tests about sign-up itself use `signUp`.
 */
export async function signUpOverHttp(page: Page, email: string, name: string, callbackUrl = "/dashboard") {
  const origin = new URL(test.info().project.use.baseURL ?? "").origin;
  const request = page.request;
  if (!signUpActionId) {
    const form = await request.get(`${origin}/signup`, { maxRedirects: 0 });
    expect(form.status(), "the sign-up page").toBe(200);
    // The form's action prop, as React serializes a server reference into the page.
    const ids = new Set([...(await form.text()).matchAll(/\{\\"id\\":\\"([0-9a-f]{40,})\\",\\"bound\\":null\}/g)].map((m) => m[1]));
    if (ids.size !== 1) throw new Error(`expected the sign-up page to carry one server action, found ${ids.size}`);
    signUpActionId = [...ids][0];
  }
  const action = await request.post(`${origin}/signup`, {
    headers: { origin, "next-action": signUpActionId!, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component" },
    data: JSON.stringify([{ name, email, password: PASSWORD, callbackUrl }]),
  });
  const answer = await action.text();
  expect(action.status(), answer).toBe(200);
  expect(answer, "the sign-up action's result").toMatch(/"ok":true/);

  const outbox = await request.get(`${origin}/dev/outbox`);
  expect(outbox.status(), "the local outbox").toBe(200);
  // Newest first: the first mail to `email` (kept in lower case) with that subject is this sign-up's.
  const to = `>${email.toLowerCase()}</span>`;
  const mail = (await outbox.text()).split('data-testid="outbox-mail"').find((m) => m.includes(to) && m.includes("Confirm your Pennant account"));
  const href = mail && /href="([^"]+)"/.exec(mail)?.[1];
  if (!href) throw new Error(`no confirmation mail to ${email} in the outbox`);
  const link = new URL(href.replaceAll("&amp;", "&"));

  // What the confirmation page's form posts (its hidden fields are the link's parameters).
  const confirm = await request.post(`${origin}/api/auth/confirm-sign-up`, {
    headers: { origin },
    form: { callbackUrl: link.searchParams.get("callbackUrl") ?? "", token: link.searchParams.get("token") ?? "", email: link.searchParams.get("email") ?? "" },
    maxRedirects: 0,
  });
  expect(confirm.status()).toBe(303);
  await page.goto(confirm.headers()["location"]!);
}

/**
 * Signs up through the form and confirms the address from the local outbox;
 * the browser then follows the confirmation (to the dashboard, or the
 * callbackUrl of `from`). Five page loads: for tests about sign-up or a
 * newcomer's journey; other tests start from `signUpOverHttp`.
 */
export async function signUp(page: Page, email: string, name: string, from = "/signup") {
  await page.goto(from);
  await submitSignUp(page, email, name);
  await confirmSignUp(page, email);
}

/** Fills and sends the sign-up form on the page as it is; the answer is "Check your email". */
export async function submitSignUp(page: Page, email: string, name: string, password = PASSWORD) {
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
}

/** The link of the newest sign-up confirmation mail to `email`, read from the local outbox. */
export async function confirmationLink(page: Page, email: string): Promise<string> {
  await page.goto("/dev/outbox");
  const mail = page.getByTestId("outbox-mail").filter({ hasText: email }).filter({ hasText: "Confirm your Pennant account" }).first();
  const href = await mail.getByRole("link", { name: "Open the link" }).getAttribute("href");
  if (!href) throw new Error(`no confirmation mail to ${email}`);
  return href;
}

/** From the "Check your email" page: the outbox, the mail's link, then "Confirm and sign in". */
export async function confirmSignUp(page: Page, email: string) {
  await page.getByRole("link", { name: "local outbox" }).click();
  const mail = page.getByTestId("outbox-mail").filter({ hasText: email }).filter({ hasText: "Confirm your Pennant account" }).first();
  await mail.getByRole("link", { name: "Open the link" }).click();
  await page.getByRole("button", { name: "Confirm and sign in" }).click();
}

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function expectDashboard(page: Page) {
  await expect(page).toHaveURL(/\/w\/[a-z0-9-]+\/links$/);
  await expect(page.getByRole("heading", { name: "Links", level: 1 })).toBeVisible();
  await expectInteractive(page);
}

/** Waits until the page is interactive (React has hydrated it), as a person waits for a page to load. */
export async function expectInteractive(page: Page) {
  await expect(page.locator("html[data-hydrated]")).toHaveCount(1);
}

/** The slug of the workspace the page is in. */
export function workspaceSlug(page: Page): string {
  const m = /\/w\/([a-z0-9-]+)\//.exec(new URL(page.url()).pathname);
  if (!m?.[1]) throw new Error(`not in a workspace: ${page.url()}`);
  return m[1];
}

/** A new account (and its workspace) in a browser context of its own, made over HTTP (`signUpOverHttp`). */
export async function signedUpPage(browser: Browser, baseURL: string, who: string) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signUpOverHttp(page, newEmail(who), who);
  await expectDashboard(page);
  return { context, page, slug: workspaceSlug(page) };
}

/** Makes an API key in Settings → API keys and returns the token shown once. */
export async function createApiKey(page: Page, slug: string, name: string, role: "viewer" | "member" | "admin" = "member") {
  await page.goto(`/w/${slug}/settings/api-keys`);
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Acts as").selectOption(role);
  await page.getByRole("button", { name: "Create key" }).click();
  const key = await page.getByTestId("api-key").inputValue();
  expect(key).toMatch(/^pnt_/);
  return key;
}

/**
 * The owner (signed in on `owner`) invites a new viewer, who signs up from the
 * invitation in a browser context of their own and joins the workspace: through
 * the invitation page and the sign-up form (`signUpBy: "form"`, the invitee's
 * journey), or over HTTP (`signUpOverHttp`) where the test is about what the
 * viewer may do afterwards.
 */
export async function joinAsViewer(owner: Page, browser: Browser, slug: string, ownerName: string, { signUpBy }: { signUpBy: "form" | "http" } = { signUpBy: "http" }) {
  const viewerEmail = newEmail("viewer");
  await owner.goto(`/w/${slug}/settings/members`);
  await owner.getByLabel("Email").fill(viewerEmail);
  await owner.getByLabel("Role").selectOption("viewer");
  await owner.getByRole("button", { name: "Invite" }).click();
  const invite = await owner.getByTestId("invitation-link").inputValue();

  const context = await browser.newContext();
  const page = await context.newPage();
  if (signUpBy === "form") {
    await page.goto(invite);
    await page.getByRole("link", { name: "Create an account to join" }).click();
    await submitSignUp(page, viewerEmail, "Vic");
    await confirmSignUp(page, viewerEmail);
  } else {
    // Where the invitation's "Create an account to join" leads: back to the invitation, signed in.
    await signUpOverHttp(page, viewerEmail, "Vic", new URL(invite).pathname);
  }
  await page.getByRole("button", { name: `Join ${ownerName}'s workspace` }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${slug}/links$`));
  return { context, page };
}

/** A real site beside Pennant (the port after Pennant's): where the tests' links lead. */
export async function startDestination(baseURL: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const { createServer } = await import("node:http");
  const port = Number(new URL(baseURL).port) + 1;
  const server = createServer((_req, res) => res.writeHead(200, { "content-type": "text/plain" }).end("landed"));
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** The widths every page is looked at: desktop and phone. */
export const WIDTHS = { desktop: { width: 1280, height: 860 }, phone: { width: 375, height: 780 } } as const;
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

/** axe (WCAG 2.2 A and AA) on the page as it is now: any violation fails, named with its elements. */
export async function expectNoViolations(page: Page, what: string) {
  // Only the violations are collected in full (the passes' nodes are not needed).
  // axe.run in the page itself ("legacy" mode) takes half the time of its default
  // (a partial run per frame, finished in a blank tab of its own), but does not
  // look into cross-origin frames: so a page with frames gets the default.
  let axe = new AxeBuilder({ page }).options({ resultTypes: ["violations"] }).withTags(AXE_TAGS);
  if (page.frames().length === 1) axe = axe.setLegacyMode();
  const { violations } = await axe.analyze();
  const found = violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join("\n    ")}`);
  expect(found, `${what}\n${found.join("\n")}`).toEqual([]);
}
