import { randomBytes } from "node:crypto";
import { test } from "@playwright/test";
import { shoot } from "./shoot";
import { confirmSignUp } from "../../e2e/helpers";

test("screenshots of campaigns and channels", async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Ana Marketer");
  const signUpEmail = `shots-${randomBytes(3).toString("hex")}@example.com`;
  await page.getByLabel("Email").fill(signUpEmail);
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByRole("button", { name: "Create account" }).click();
  await confirmSignUp(page, signUpEmail);
  await page.waitForURL(/\/w\/[a-z0-9-]+\/links$/);
  const slug = /\/w\/([a-z0-9-]+)\//.exec(page.url())![1]!;

  await page.goto(`/w/${slug}/campaigns`);
  await shoot(page, "campaigns-empty");

  for (const [name, starts, ends] of [
    ["Autumn newsletter", "", ""],
    ["Spring Sale 2026", "2026-03-01", "2026-03-31"],
  ] as const) {
    await page.goto(`/w/${slug}/campaigns`);
    await page.getByLabel("Name", { exact: true }).fill(name);
    await page.getByLabel("Description (optional)").fill("Seasonal discounts across every channel");
    if (starts) await page.getByLabel("Starts").fill(starts);
    if (ends) await page.getByLabel("Ends").fill(ends);
    await page.getByLabel("utm_content").fill("hero");
    await page.getByRole("button", { name: "Create campaign" }).click();
    await page.waitForURL(/\/campaigns\/[^/]+$/);
  }
  const campaignUrl = page.url();
  await page.getByLabel("Destination URL").fill("https://shop.example/spring?ref=ads");
  for (const name of ["Facebook", "LinkedIn", "Newsletter", "Print (QR)"]) await page.getByRole("checkbox", { name }).check();
  await page.getByRole("button", { name: "Create links" }).click();
  await page.getByTestId("link-set-result").waitFor();
  await shoot(page, "campaign-link-set");
  await page.goto(campaignUrl);
  await page.getByRole("button", { name: "Edit campaign" }).click();
  await shoot(page, "campaign-edit");

  await page.goto(`/w/${slug}/campaigns`);
  await shoot(page, "campaigns-list");

  await page.goto(`/w/${slug}/settings/channels`);
  await shoot(page, "settings-channels");
});
