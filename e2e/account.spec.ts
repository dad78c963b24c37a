import { expect, test, type Page } from "@playwright/test";
import { expectDashboard, expectInteractive, newEmail, PASSWORD, signIn, signUpOverHttp } from "./helpers";

// The account page, met as a person would: from the account menu, at desktop and phone width.

const WIDTHS = { desktop: { width: 1280, height: 860 }, phone: { width: 375, height: 780 } } as const;

async function openAccount(page: Page) {
  await page.getByRole("button", { name: "Account menu" }).click();
  await page.getByRole("menuitem", { name: "Your account" }).click();
  await expect(page.getByRole("heading", { name: "Your account", level: 1 })).toBeVisible();
}

for (const [label, viewport] of Object.entries(WIDTHS)) {
  test.describe(`account at ${label} width`, () => {
    test.use({ viewport });

    test("changes name, email (confirmed by a link to the new address) and password, then deletes the account", async ({ page, browser }, info) => {
      test.setTimeout(300_000);
      const email = newEmail("acct");
      await signUpOverHttp(page, email, "Ana");
      await expectDashboard(page);
      await openAccount(page);

      await page.getByLabel("Name").fill("Ana Lima");
      await page.getByRole("button", { name: "Save profile" }).click();
      await expect(page.getByText("Profile saved")).toBeVisible();
      await page.reload();
      await expect(page.getByLabel("Name")).toHaveValue("Ana Lima");

      const next = newEmail("acct-new");
      await page.getByLabel("New email address").fill(next);
      await page.getByRole("button", { name: "Send confirmation link" }).click();
      await expect(page.getByText(`We sent a link to ${next}`)).toBeVisible();
      await page.goto("/dev/outbox");
      const mail = page.getByTestId("outbox-mail").filter({ hasText: next }).first();
      await expect(mail).toContainText("Confirm your new Pennant email address");
      if (label === "phone") {
        // A slow phone presses the button before the page's script has run: it works all the same.
        const href = await mail.getByRole("link", { name: "Open the link" }).getAttribute("href");
        const bare = await browser.newContext({ baseURL: info.project.use.baseURL, viewport, javaScriptEnabled: false });
        const noScript = await bare.newPage();
        await noScript.goto(href ?? "");
        await noScript.getByRole("button", { name: "Confirm new email address" }).click();
        await expect(noScript.getByText(`Your account now uses ${next}.`)).toBeVisible();
        await bare.close();
      } else {
        await mail.getByRole("link", { name: "Open the link" }).click();
        await expectInteractive(page);
        await page.getByRole("button", { name: "Confirm new email address" }).click();
        await expect(page.getByText(`Your account now uses ${next}.`)).toBeVisible();
      }

      await page.goto("/account");
      await page.getByLabel("Current password").fill("not it");
      await page.getByLabel("New password").fill("a brand new password");
      await page.getByRole("button", { name: "Change password" }).click();
      await expect(page.getByText("That is not your current password.")).toBeVisible();
      await page.getByLabel("Current password").fill(PASSWORD);
      await page.getByRole("button", { name: "Change password" }).click();
      await expect(page.getByText("Password changed")).toBeVisible();

      // The new email and password sign in, in another browser.
      const other = await browser.newContext({ baseURL: info.project.use.baseURL, viewport });
      const second = await other.newPage();
      await signIn(second, next, "a brand new password");
      await expectDashboard(second);

      // Sign out everywhere ends the other browser's session too.
      await page.getByRole("button", { name: "Sign out of all sessions" }).click();
      await page.getByRole("alertdialog").getByRole("button", { name: "Sign out everywhere" }).click();
      await expect(page).toHaveURL(/\/signin/);
      await second.goto("/dashboard");
      await expect(second).toHaveURL(/\/signin/);
      await other.close();

      await signIn(page, next, "a brand new password");
      await expectDashboard(page);
      await openAccount(page);
      await expect(page.getByText("deleted, with its links")).toBeVisible();
      await page.getByRole("button", { name: "Delete my account" }).click();
      const dialog = page.getByRole("alertdialog");
      await dialog.getByLabel("Your email address").fill(next);
      await dialog.getByRole("button", { name: "Delete my account" }).click();
      await expect(page).not.toHaveURL(/\/account/);
      await signIn(page, next, "a brand new password");
      await expect(page.getByText("Wrong email or password.")).toBeVisible();
    });
  });
}

test("the app has a favicon, icons and a web manifest; short links do not shadow them", async ({ request }) => {
  for (const [path, type] of [["/favicon.ico", /icon/], ["/icon.svg", /svg/], ["/apple-icon.png", /png/]] as const) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(200);
    expect(res.headers()["content-type"]).toMatch(type);
  }
  const manifest = await (await request.get("/manifest.webmanifest")).json();
  expect(manifest).toMatchObject({ name: "Pennant", start_url: "/dashboard" });
  for (const icon of manifest.icons as { src: string }[]) expect((await request.get(icon.src)).status()).toBe(200);
});

test("pages link the icons in their head", async ({ page }) => {
  await page.goto("/signin");
  await expect(page.locator('link[rel="icon"]').first()).toHaveAttribute("href", /icon|favicon/);
  await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveAttribute("href", /apple-icon/);
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
});
