import Papa from "papaparse";
import { expect, test, type Page } from "@playwright/test";
import { expectDashboard, newEmail, signedUpPage, signUpOverHttp, workspaceSlug } from "./helpers";

async function upload(page: Page, name: string, text: string) {
  await page.getByLabel("CSV file").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(text) });
}

async function exportRows(page: Page, slug: string) {
  const res = await page.request.get(`/w/${slug}/links/export`);
  expect(res.status()).toBe(200);
  return { res, rows: Papa.parse<Record<string, string>>((await res.text()).replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true }).data };
}

test("a CSV with a bad row imports nothing; fixed, every link is imported and exported back", async ({ page }) => {
  await signUpOverHttp(page, newEmail("csv"), "Cora");
  await expectDashboard(page);
  const slug = workspaceSlug(page);
  const tag = Date.now().toString(36);
  await page.goto(`/w/${slug}/links/import`);
  await expect(page.getByRole("heading", { name: "Import links", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Download template" })).toHaveAttribute("download", "pennant-links-template.csv");

  const good = [
    ["https://example.com/spring", `spring-${tag}`, "=Spring, sale", "sale|spring"],
    ["https://example.com/summer", `summer-${tag}`, "Summer\nsale", ""],
  ];
  const bad = Papa.unparse([["url", "slug", "title", "tags"], ...good, ["javascript:alert(1)", `evil-${tag}`, "Evil", ""]]);
  await upload(page, "links.csv", bad);
  const badRow = page.getByTestId("import-row").filter({ hasText: "Only web addresses" });
  await expect(badRow).toHaveAttribute("data-row", "4");
  await expect(badRow).toContainText("url:");
  await expect(page.getByTestId("import-summary")).toContainText("2 of 3 rows in links.csv are ready");
  await expect(page.getByRole("button", { name: "1 of 3 rows need a fix" })).toBeDisabled();
  expect((await exportRows(page, slug)).rows).toHaveLength(0);

  const fixed = Papa.unparse([["url", "slug", "title", "tags"], ...good, ["https://example.com/autumn", `autumn-${tag}`, "Autumn", ""]]);
  await upload(page, "links-fixed.csv", fixed);
  await expect(page.getByTestId("import-summary")).toContainText("All 3 rows are ready");
  await page.getByRole("button", { name: "Import 3 links" }).click();
  await expect(page.getByText("Imported 3 links").first()).toBeVisible();
  await page.getByRole("link", { name: "Go to Links" }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${slug}/links$`));

  const { res, rows } = await exportRows(page, slug);
  expect(res.headers()["content-type"]).toMatch(/^text\/csv/);
  expect(res.headers()["content-disposition"]).toMatch(new RegExp(`attachment; filename="pennant-links-${slug}-\\d{4}-\\d{2}-\\d{2}\\.csv"`));
  expect(rows.map((r) => r.url).sort()).toEqual(["https://example.com/autumn", "https://example.com/spring", "https://example.com/summer"]);
  const spring = rows.find((r) => r.slug === `spring-${tag}`)!;
  // A title starting with = would run as a formula in a spreadsheet: it leaves with a leading quote.
  expect(spring.title).toBe("'=Spring, sale");
  expect(spring.tags).toBe("sale|spring");
  expect(rows.find((r) => r.slug === `summer-${tag}`)!.title).toBe("Summer\nsale");
});

test("an empty file says so, and another workspace's export answers 404", async ({ page, browser, baseURL }) => {
  // Two accounts are signed up.
  test.slow();
  await signUpOverHttp(page, newEmail("csv-empty"), "Emil");
  await expectDashboard(page);
  const slug = workspaceSlug(page);
  await page.goto(`/w/${slug}/links/import`);
  await upload(page, "empty.csv", "");
  await expect(page.getByRole("alert").filter({ hasText: "The file is empty" })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Import/ })).toHaveCount(0);
  // A workspace that exists, with a link in it, but is someone else's: exactly like a missing one.
  const stranger = await signedUpPage(browser, baseURL!, "Stan");
  await stranger.page.getByLabel("Paste a URL to shorten").fill("https://example.com/strangers-link");
  await stranger.page.getByLabel("Paste a URL to shorten").press("Enter");
  await expect(stranger.page.getByTestId("link-row")).toHaveCount(1);
  expect((await exportRows(stranger.page, stranger.slug)).rows.map((r) => r.url)).toEqual(["https://example.com/strangers-link"]);
  const other = await page.request.get(`/w/${stranger.slug}/links/export`);
  expect(other.status()).toBe(404);
  expect(await other.text()).not.toContain("strangers-link");
  const missing = await page.request.get(`/w/not-a-workspace-${Date.now().toString(36)}/links/export`);
  expect(missing.status()).toBe(404);
  await stranger.context.close();
});
