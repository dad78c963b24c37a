import { expect, test } from "@playwright/test";
import { expectDashboard, newEmail, PASSWORD, signIn, signUp } from "./helpers";

test("sign up lands in a personal workspace with a clear empty state", async ({ page }) => {
  const email = newEmail("ana");
  await signUp(page, email, "Ana");
  await expectDashboard(page);
  await expect(page.getByText("No links yet")).toBeVisible();
  await expect(page.getByRole("button", { name: /Workspace: Ana's workspace/ }).first()).toBeVisible();
  const session = (await page.context().cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });
});

test("sign up refuses a short password, and answers a known email as a new one, telling its owner by mail", async ({ page }) => {
  const email = newEmail("bo");
  await page.goto("/signup");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Use at least 8 characters for your password.")).toBeVisible();

  await signUp(page, email, "Bo");
  await expectDashboard(page);
  await page.context().clearCookies();
  // A stranger signing up with Bo's email: no "already exists" (nothing tells them Bo
  // has an account); their password does not sign them in, and Bo's account is unchanged.
  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Stranger");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a stranger's password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await expect(page.getByText(/already exists/)).toHaveCount(0);
  await page.goto("/dev/outbox");
  await expect(page.getByTestId("outbox-mail").filter({ hasText: email }).filter({ hasText: "You already have a Pennant account" }).first()).toBeVisible();
  await signIn(page, email);
  await expectDashboard(page);
});

test("sign out, then sign in with the password; a wrong password is refused", async ({ page }) => {
  const email = newEmail("cy");
  await signUp(page, email, "Cy");
  await expectDashboard(page);

  await page.getByRole("button", { name: "Account menu" }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto("/w/anything/links");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);

  await signIn(page, email, "not the password");
  await expect(page.getByText("Wrong email or password.")).toBeVisible();
  await signIn(page, email, PASSWORD);
  await expectDashboard(page);
});

test("magic link: the link from the outbox signs the user in", async ({ page }) => {
  const email = newEmail("dee");
  await signUp(page, email, "Dee");
  await expectDashboard(page);
  await page.context().clearCookies();

  await page.goto("/signin");
  await page.getByRole("tab", { name: "Email link" }).click();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();

  await page.getByRole("link", { name: "local outbox" }).click();
  const mail = page.getByTestId("outbox-mail").filter({ hasText: email }).first();
  await expect(mail).toContainText("Your Pennant sign-in link");
  await mail.getByRole("link", { name: "Open the link" }).click();
  await expectDashboard(page);
});

test("a callbackUrl to another site is ignored after sign-in", async ({ page }) => {
  const email = newEmail("eve");
  await signUp(page, email, "Eve");
  await expectDashboard(page);
  await page.context().clearCookies();
  await page.goto("/signin?callbackUrl=https%3A%2F%2Fevil.example%2Fsteal");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expectDashboard(page);
});
