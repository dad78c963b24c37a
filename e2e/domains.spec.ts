import { expect, test } from "@playwright/test";
import { expectDashboard, joinAsViewer, newEmail, signUp, workspaceSlug } from "./helpers";

test("a branded domain's bare address and unknown links are sent where the workspace chooses", async ({ page, browser }) => {
  await signUp(page, newEmail("dom"), "Dora");
  await expectDashboard(page);
  const slug = workspaceSlug(page);
  await page.goto(`/w/${slug}/settings/domains`);
  const hostname = `go-${Date.now().toString(36)}.example.com`;
  await page.getByLabel("Domain").fill(hostname);
  await page.getByRole("button", { name: "Add domain" }).click();
  const row = page.getByTestId("domain-row").filter({ hasText: hostname });
  await expect(row).toBeVisible();

  const root = row.getByLabel(`${hostname}/ goes to`);
  const unknown = row.getByLabel("Unknown links go to");
  await expect(root).toHaveValue("");
  await root.fill("javascript:alert(1)");
  await unknown.fill("brand.example/missing");
  await row.getByRole("button", { name: "Save redirects" }).click();
  await expect(row.getByText("Only web addresses (http:// or https://) can be destinations.")).toBeVisible();

  await root.fill("https://brand.example");
  await row.getByRole("button", { name: "Save redirects" }).click();
  await expect(page.getByText(`Redirects of ${hostname} saved`)).toBeVisible();
  await page.reload();
  await expect(row.getByLabel(`${hostname}/ goes to`)).toHaveValue("https://brand.example/");
  await expect(row.getByLabel("Unknown links go to")).toHaveValue("https://brand.example/missing");

  // A viewer reads where visitors go, and cannot change it.
  const viewer = await joinAsViewer(page, browser, slug, "Dora");
  await viewer.page.goto(`/w/${slug}/settings/domains`);
  const seen = viewer.page.getByTestId("domain-row").filter({ hasText: hostname });
  await expect(seen.getByText("https://brand.example/missing")).toBeVisible();
  await expect(seen.getByRole("button", { name: "Save redirects" })).toHaveCount(0);
  await viewer.context.close();
  await page.goto(`/w/${slug}/settings/domains`);

  // Emptied, the domain falls back to Pennant's own pages.
  await row.getByLabel(`${hostname}/ goes to`).fill("");
  await row.getByRole("button", { name: "Save redirects" }).click();
  await expect(page.getByText(`Redirects of ${hostname} saved`)).toBeVisible();
  await page.reload();
  await expect(row.getByLabel(`${hostname}/ goes to`)).toHaveValue("");
});
