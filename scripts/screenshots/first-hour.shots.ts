import { randomBytes } from "node:crypto";
import { test } from "@playwright/test";
import { shoot, WIDTHS } from "./shoot";
import { confirmSignUp } from "../../e2e/helpers";

test("screenshots of the account page, domain status and a new QR code", async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Ana Marketer");
  const signUpEmail = `shots-${randomBytes(3).toString("hex")}@example.com`;
  await page.getByLabel("Email").fill(signUpEmail);
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByRole("button", { name: "Create account" }).click();
  await confirmSignUp(page, signUpEmail);
  await page.waitForURL(/\/w\/[a-z0-9-]+\/links$/);
  const slug = /\/w\/([a-z0-9-]+)\//.exec(page.url())![1]!;

  await page.goto("/account");
  await shoot(page, "account");

  await page.goto(`/w/${slug}/links`);
  await page.getByRole("button", { name: "Account menu" }).click();
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.screenshot({ path: "screenshots/account-menu-desktop.png" });
  await page.keyboard.press("Escape");

  await page.goto(`/w/${slug}/qr`);
  await shoot(page, "qr-empty");
  await page.goto(`/w/${slug}/qr/new`);
  await shoot(page, "qr-new-empty");
  for (const u of ["https://shop.example/spring-sale", "https://shop.example/poster-campaign-2026"]) {
    await page.goto(`/w/${slug}/links`);
    await page.getByLabel("Paste a URL to shorten").fill(u);
    await page.keyboard.press("Enter");
    await page.getByText(u.replace("https://", "")).first().waitFor();
  }
  await page.goto(`/w/${slug}/qr/new`);
  await shoot(page, "qr-new");

  await page.goto(`/w/${slug}/settings/domains`);
  for (const h of ["go.brand.invalid", "links.brand.invalid"]) {
    await page.getByLabel("Domain").fill(h);
    await page.getByRole("button", { name: "Add domain" }).click();
    await page.getByTestId("domain-row").filter({ hasText: h }).waitFor();
  }
  await page.getByRole("button", { name: "Check the DNS of go.brand.invalid again" }).click();
  await page.getByText("Not pointing here").waitFor();
  await shoot(page, "domains-status");

  // Links with data, the command menu and the shortcuts, at both widths.
  await page.goto(`/w/${slug}/links`);
  await shoot(page, "links-full");
  for (const [label, size] of Object.entries(WIDTHS)) {
    await page.setViewportSize(size);
    await page.keyboard.press("ControlOrMeta+k");
    await page.getByRole("combobox").fill("spring");
    await page.getByRole("option", { name: /spring-sale/ }).first().waitFor();
    await page.screenshot({ path: `screenshots/command-menu-${label}.png` });
    await page.getByRole("combobox").fill("https://shop.example/new");
    await page.screenshot({ path: `screenshots/command-menu-create-${label}.png` });
    await page.keyboard.press("Escape");
    await page.keyboard.press("?");
    await page.getByRole("dialog", { name: "Keyboard shortcuts" }).waitFor();
    await page.screenshot({ path: `screenshots/shortcuts-${label}.png` });
    await page.keyboard.press("Escape");
  }

  // The QR designer, the list with codes, CSV import and channels.
  const linkId = await page.getByTestId("link-row").first().getAttribute("data-row-id");
  await page.goto(`/w/${slug}/qr/${linkId}`);
  await page.getByTestId("qr-preview").waitFor();
  await shoot(page, "qr-designer");
  await page.getByRole("button", { name: /Save design/ }).click();
  await page.getByRole("button", { name: "Saved" }).waitFor();
  await page.goto(`/w/${slug}/qr`);
  await shoot(page, "qr-list");
  await page.goto(`/w/${slug}/links/import`);
  await shoot(page, "csv-import");
  await page.goto(`/w/${slug}/settings/channels`);
  await shoot(page, "channels");
  await page.goto(`/w/${slug}/settings/api-keys`);
  await shoot(page, "api-keys");
});
