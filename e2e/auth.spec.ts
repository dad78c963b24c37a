import { expect, test } from "@playwright/test";
import { expireSignInLinks } from "./db";
import { confirmationLink, expectDashboard, newEmail, PASSWORD, signIn, signUp, submitSignUp } from "./helpers";

test("sign up lands in a personal workspace with a clear empty state", async ({ page }) => {
  const email = newEmail("ana");
  await signUp(page, email, "Ana");
  await expectDashboard(page);
  await expect(page.getByText("No links yet")).toBeVisible();
  await expect(page.getByRole("button", { name: /Workspace: Ana's workspace/ }).first()).toBeVisible();
  const session = (await page.context().cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });
});

test("sign up refuses a short password, and answers a known email exactly as a new one, telling its owner by mail", async ({ page }) => {
  const email = newEmail("bo");
  await page.goto("/signup");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Use at least 8 characters for your password.")).toBeVisible();

  await signUp(page, email, "Bo");
  await expectDashboard(page);
  await page.context().clearCookies();

  // A stranger signs up with Bo's email, then with an address nobody has: the
  // same page, the same words (the address aside) for both.
  const answer = async (address: string) => {
    await page.goto("/signup");
    await submitSignUp(page, address, "Stranger", "a stranger's password");
    const url = new URL(page.url());
    return { path: url.pathname, text: (await page.getByRole("main").innerText()).replace(address, "<email>") };
  };
  const known = await answer(email);
  const fresh = newEmail("fresh");
  const unknown = await answer(fresh);
  expect(known).toEqual(unknown);
  expect(known.text).toContain("Check your email");
  await expect(page.getByText(/already/)).toHaveCount(0);

  // The mails tell them apart: Bo hears someone tried; the new address gets a link.
  await page.goto("/dev/outbox");
  const mails = page.getByTestId("outbox-mail");
  await expect(mails.filter({ hasText: email }).filter({ hasText: "You already have a Pennant account" }).first()).toBeVisible();
  await expect(mails.filter({ hasText: fresh }).filter({ hasText: "Confirm your Pennant account" })).toHaveCount(1);
  // The stranger's password does not open Bo's account; Bo's own still does.
  await signIn(page, email, "a stranger's password");
  await expect(page.getByText("Wrong email or password.")).toBeVisible();
  await signIn(page, email);
  await expectDashboard(page);
});

test("a password sign-in before the address is confirmed is refused, and the link can be sent again", async ({ page }) => {
  const email = newEmail("una");
  await page.goto("/signup");
  await submitSignUp(page, email, "Una");
  await signIn(page, email);
  await expect(page.getByText("Confirm your email address first")).toBeVisible();
  await expect(page).toHaveURL(/\/signin/);

  await page.getByRole("button", { name: "Send the confirmation link again" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await page.goto("/dev/outbox");
  await expect(page.getByTestId("outbox-mail").filter({ hasText: email }).filter({ hasText: "Confirm your Pennant account" })).toHaveCount(2);
  await page.goto(await confirmationLink(page, email));
  await page.getByRole("button", { name: "Confirm and sign in" }).click();
  await expectDashboard(page);
  await page.context().clearCookies();
  // Confirmed: the password works from now on.
  await signIn(page, email);
  await expectDashboard(page);
});

test("a confirmation link signs in once; used again, or expired, it is refused", async ({ page }) => {
  const email = newEmail("ola");
  await page.goto("/signup");
  await submitSignUp(page, email, "Ola");
  const link = await confirmationLink(page, email);
  await page.goto(link);
  await page.getByRole("button", { name: "Confirm and sign in" }).click();
  await expectDashboard(page);
  await page.context().clearCookies();

  await page.goto(link);
  await page.getByRole("button", { name: "Confirm and sign in" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await expect(page.getByText("That sign-in link has expired or was already used.")).toBeVisible();
  await page.goto("/w/anything/links");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);

  // Another account, its link past its 24 hours.
  const late = newEmail("late");
  await page.goto("/signup");
  await submitSignUp(page, late, "Late");
  const old = await confirmationLink(page, late);
  await expireSignInLinks(late);
  await page.goto(old);
  await page.getByRole("button", { name: "Confirm and sign in" }).click();
  await expect(page.getByText("That sign-in link has expired or was already used.")).toBeVisible();
  await signIn(page, late);
  await expect(page.getByText("Confirm your email address first")).toBeVisible();
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
