import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Browser, type Page } from "@playwright/test";

export const PASSWORD = "correct horse battery";

export function newEmail(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString("hex")}@example.com`;
}

/**
 * Signs up through the form and confirms the address from the local outbox;
 * the browser then follows the confirmation (to the dashboard, or the
 * callbackUrl of `from`).
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

/** A new account (and its workspace) in a browser context of its own. */
export async function signedUpPage(browser: Browser, baseURL: string, who: string) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signUp(page, newEmail(who), who);
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
 * invitation in a browser context of their own and joins the workspace.
 */
export async function joinAsViewer(owner: Page, browser: Browser, slug: string, ownerName: string) {
  const viewerEmail = newEmail("viewer");
  await owner.goto(`/w/${slug}/settings/members`);
  await owner.getByLabel("Email").fill(viewerEmail);
  await owner.getByLabel("Role").selectOption("viewer");
  await owner.getByRole("button", { name: "Invite" }).click();
  const invite = await owner.getByTestId("invitation-link").inputValue();

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(invite);
  await page.getByRole("link", { name: "Create an account to join" }).click();
  await submitSignUp(page, viewerEmail, "Vic");
  await confirmSignUp(page, viewerEmail);
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
  const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const found = violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join("\n    ")}`);
  expect(found, `${what}\n${found.join("\n")}`).toEqual([]);
}
