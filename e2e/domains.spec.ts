import { expect, test } from "@playwright/test";
import { expectDashboard, joinAsViewer, newEmail, signUpOverHttp, workspaceSlug } from "./helpers";

test("a branded domain's bare address and unknown links are sent where the workspace chooses", async ({ page, browser }) => {
  await signUpOverHttp(page, newEmail("dom"), "Dora");
  await expectDashboard(page);
  const slug = workspaceSlug(page);
  await page.goto(`/w/${slug}/settings/domains`);
  const hostname = `go-${Date.now().toString(36)}.example.com`;
  await page.getByLabel("Domain").fill(hostname);
  await page.getByRole("button", { name: "Add domain" }).click();
  const row = page.getByTestId("domain-row").filter({ hasText: hostname });
  await expect(row).toBeVisible();

  // The bare address shows Pennant's page until the workspace chooses otherwise.
  const shows = row.getByRole("group", { name: `${hostname}/ shows` });
  await expect(shows.getByRole("radio", { name: "Pennant's page" })).toBeChecked();
  await shows.getByRole("radio", { name: "Redirect to an address" }).check();
  const root = row.getByLabel("Address", { exact: true });
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
  await expect(shows.getByRole("radio", { name: "Redirect to an address" })).toBeChecked();
  await expect(row.getByLabel("Address", { exact: true })).toHaveValue("https://brand.example/");
  await expect(row.getByLabel("Unknown links go to")).toHaveValue("https://brand.example/missing");

  // A viewer reads where visitors go, and cannot change it.
  const viewer = await joinAsViewer(page, browser, slug, "Dora");
  await viewer.page.goto(`/w/${slug}/settings/domains`);
  const seen = viewer.page.getByTestId("domain-row").filter({ hasText: hostname });
  await expect(seen.getByText("https://brand.example/missing")).toBeVisible();
  await expect(seen.getByRole("button", { name: "Save redirects" })).toHaveCount(0);
  await viewer.context.close();
  await page.goto(`/w/${slug}/settings/domains`);

  // Back to Pennant's page: the address is forgotten.
  await shows.getByRole("radio", { name: "Pennant's page" }).check();
  await row.getByRole("button", { name: "Save redirects" }).click();
  await expect(page.getByText(`Redirects of ${hostname} saved`)).toBeVisible();
  await page.reload();
  await expect(shows.getByRole("radio", { name: "Pennant's page" })).toBeChecked();
  await expect(row.getByLabel("Address", { exact: true })).toHaveCount(0);
});
