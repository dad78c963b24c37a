import { test } from "@playwright/test";
import { expectDashboard, joinAsViewer, newEmail, signUp, workspaceSlug } from "../../e2e/helpers";
import { shoot } from "./shoot";

test("domains as a viewer", async ({ page, browser }) => {
  await signUp(page, newEmail("domv"), "Dora");
  await expectDashboard(page);
  const slug = workspaceSlug(page);
  await page.goto(`/w/${slug}/settings/domains`);
  await page.getByLabel("Domain").fill(`go-${Date.now().toString(36)}.example.com`);
  await page.getByRole("button", { name: "Add domain" }).click();
  await page.getByLabel("Unknown links go to").fill("https://brand.example/missing");
  await page.getByRole("button", { name: "Save redirects" }).click();
  await page.getByText(/Redirects of .* saved/).waitFor();
  const viewer = await joinAsViewer(page, browser, slug, "Dora");
  await viewer.page.goto(`/w/${slug}/settings/domains`);
  await shoot(viewer.page, "settings-domains-viewer");
});
