import { randomBytes } from "node:crypto";
import { test, type Page } from "@playwright/test";

const WIDTHS = { desktop: { width: 1280, height: 860 }, phone: { width: 375, height: 780 } } as const;

async function shoot(page: Page, name: string) {
  for (const [label, size] of Object.entries(WIDTHS)) {
    await page.setViewportSize(size);
    await page.waitForTimeout(150);
    await page.screenshot({ path: `screenshots/${name}-${label}.png`, fullPage: true });
  }
}

test("screenshots of every page", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const email = `shots-${randomBytes(3).toString("hex")}@example.com`;
  await page.goto("/");
  await shoot(page, "landing");
  await page.goto("/signin");
  await shoot(page, "signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("wrong password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByText("Wrong email or password").waitFor();
  await shoot(page, "signin-error");
  await page.goto("/signup");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByText("Use at least 8").waitFor();
  await shoot(page, "signup-errors");

  await page.getByLabel("Your name").fill("Ana Marketer");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(/\/w\/[a-z0-9-]+\/links$/);
  const slug = /\/w\/([a-z0-9-]+)\//.exec(page.url())![1]!;
  await shoot(page, "dashboard-links");
  for (const section of ["campaigns", "qr", "bio", "analytics"]) {
    await page.goto(`/w/${slug}/${section}`);
    await shoot(page, `dashboard-${section}`);
  }
  await page.goto(`/w/${slug}/settings`);
  await shoot(page, "settings-general");
  await page.goto(`/w/${slug}/settings/members`);
  await page.getByLabel("Email").fill(`teammate-${randomBytes(2).toString("hex")}@example.com`);
  await page.getByRole("button", { name: "Invite" }).click();
  const link = await page.getByTestId("invitation-link").inputValue();
  await shoot(page, "settings-members");
  await page.goto(`/w/${slug}/settings/api-keys`);
  await shoot(page, "settings-api-keys-empty");
  await page.getByLabel("Name").fill("CRM sync");
  await page.getByRole("button", { name: "Create key" }).click();
  await page.getByTestId("api-key").waitFor();
  await shoot(page, "settings-api-keys");
  await page.goto(`/w/${slug}/settings/domains`);
  await shoot(page, "settings-domains");
  await page.goto("/workspaces/new");
  await shoot(page, "workspace-new");
  await page.goto(`/w/${slug}/settings`);
  await page.setViewportSize(WIDTHS.desktop);
  await page.getByRole("button", { name: "Delete workspace" }).click();
  await page.screenshot({ path: "screenshots/settings-delete-dialog-desktop.png" });
  await page.keyboard.press("Escape");
  await page.goto("/dev/outbox");
  await shoot(page, "outbox");
  await page.goto("/w/not-mine/links");
  await shoot(page, "not-found");

  const ctx = await browser.newContext();
  const guest = await ctx.newPage();
  await guest.goto(link);
  await shoot(guest, "invitation");
  await guest.goto("/invite/bogus-token");
  await shoot(guest, "invitation-invalid");
  await ctx.close();
});
