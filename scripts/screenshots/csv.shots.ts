import { randomBytes } from "node:crypto";
import { test } from "@playwright/test";
import { shoot } from "./shoot";
import { confirmSignUp } from "../../e2e/helpers";

test("screenshots of the CSV import page", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Ana Marketer");
  const signUpEmail = `csv-shots-${randomBytes(3).toString("hex")}@example.com`;
  await page.getByLabel("Email").fill(signUpEmail);
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByRole("button", { name: "Create account" }).click();
  await confirmSignUp(page, signUpEmail);
  await page.waitForURL(/\/w\/[a-z0-9-]+\/links$/);
  const slug = /\/w\/([a-z0-9-]+)\//.exec(page.url())![1]!;
  await page.goto(`/w/${slug}/links/import`);
  await shoot(page, "links-import-empty");

  const csv = [
    "url,slug,title,tags,campaign,expires_at,colour",
    "https://example.com/spring-collection/women/dresses?ref=newsletter,spring,Spring collection,sale|spring,,,",
    "javascript:alert(1),evil,Evil,,,,",
    "https://example.com/b,api,Reserved,,,,",
    "https://example.com/c,spring,Duplicate,,,,",
    "https://example.com/d,,Bad date,,,next tuesday,",
    "https://example.com/e,,Unknown campaign,,Winter,,",
  ].join("\n");
  await page.getByLabel("CSV file").setInputFiles({ name: "links.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByTestId("import-summary").waitFor();
  await shoot(page, "links-import-errors");
});
