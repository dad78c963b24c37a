import { expect, test, type Page } from "@playwright/test";
import { expectDashboard, joinAsViewer, newEmail, signUpOverHttp, workspaceSlug } from "./helpers";

/** A filter or sort menu: open it, choose the option (arrow keys alone never change it). */
async function choose(page: Page, menu: string, option: string) {
  await page.getByRole("button", { name: new RegExp(`^${menu}`) }).click();
  await page.getByRole("menuitemradio", { name: option, exact: true }).click();
}

async function quickCreate(page: Page, url: string) {
  const before = await page.getByTestId("link-row").count();
  const box = page.getByLabel("Paste a URL to shorten");
  await box.fill(url);
  await box.press("Enter");
  await expect(page.getByTestId("link-row")).toHaveCount(before + 1);
  await expect(page.getByTestId("link-row").first().getByTestId("destination")).toHaveText(url);
}

test("paste a URL and press Enter: the short link is created, copied and listed; then edited with UTM values", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signUpOverHttp(page, newEmail("ana"), "Ana");
  await expectDashboard(page);
  await expect(page.getByText("No links yet. Paste a URL above to create your first.")).toBeVisible();

  const box = page.getByLabel("Paste a URL to shorten");
  await box.fill("https://example.com/spring?ref=mail");
  await box.press("Enter");
  const row = page.getByTestId("link-row").first();
  await expect(row.getByTestId("destination")).toHaveText("https://example.com/spring?ref=mail");
  await expect(box).toHaveValue("");
  const shown = (await row.getByTestId("short-url").textContent())!;
  expect(shown).toMatch(/^localhost:\d+\/[a-z2-9]{7}$/);
  await expect(page.getByText(`Short link copied: http://${shown}`)).toBeVisible();
  const clip = await page.evaluate(() => navigator.clipboard.readText());
  expect(clip).toBe(`http://${shown}`);
  await expect(row.getByTestId("status")).toHaveText("active");
  await expect(row).toContainText("Ana");

  // A refused destination is explained next to the field, and nothing is created.
  await box.fill("javascript:alert(1)");
  await box.press("Enter");
  await expect(page.getByText("Only web addresses (http:// or https://) can be destinations.")).toBeVisible();
  await expect(page.getByTestId("link-row")).toHaveCount(1);

  // Edit: new destination and UTM values, the final URL shown before saving.
  await row.getByTestId("short-url").click();
  await expect(page.getByRole("heading", { name: "Edit link" })).toBeVisible();
  await expect(page.getByTestId("edit-short-url")).toHaveValue(`http://${shown}`);
  await page.getByLabel("Destination URL").fill("https://example.com/summer");
  await expect(page.getByTestId("final-url")).toHaveText("https://example.com/summer");
  await page.getByRole("button", { name: /^UTM parameters/ }).click();
  await page.getByLabel("UTM source", { exact: true }).fill("newsletter");
  await page.getByLabel("UTM medium", { exact: true }).fill("email");
  await expect(page.getByTestId("final-url")).toHaveText("https://example.com/summer?utm_source=newsletter&utm_medium=email");
  await page.getByLabel("Tags").fill("summer, email");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(/\/links$/);
  const edited = page.getByTestId("link-row").first();
  await expect(edited.getByTestId("destination")).toHaveText("https://example.com/summer");
  await expect(edited.getByTestId("short-url")).toHaveText(shown);
  await expect(edited.getByRole("list", { name: "Tags" })).toContainText("email");
  await edited.getByTestId("short-url").click();
  await expect(page.getByLabel("UTM source", { exact: true })).toHaveValue("newsletter");
});

test("the full form explains refused destinations and taken slugs next to the field", async ({ page }) => {
  await signUpOverHttp(page, newEmail("bo"), "Bo");
  await expectDashboard(page);
  await page.getByLabel("Paste a URL to shorten").fill("https://example.com/launch");
  await page.getByRole("link", { name: "More options" }).click();
  await expect(page.getByRole("heading", { name: "New link" })).toBeVisible();
  await expect(page.getByLabel("Destination URL")).toHaveValue("https://example.com/launch");
  await expect(page.getByTestId("domain-prefix")).toHaveText(/^localhost:\d+\/$/);
  await page.getByLabel("Short link").fill("launch");
  await page.getByRole("button", { name: "Create link" }).click();
  await expect(page).toHaveURL(/\/links$/);
  await expect(page.getByTestId("link-row").first().getByTestId("short-url")).toHaveText(/\/launch$/);

  await page.goto(page.url() + "/new");
  await page.getByLabel("Destination URL").fill("javascript:alert(1)");
  await expect(page.getByTestId("final-url")).toHaveText("Only web addresses (http:// or https://) can be destinations.");
  await page.getByRole("button", { name: "Create link" }).click();
  await expect(page.locator("#url-error")).toHaveText("Only web addresses (http:// or https://) can be destinations.");

  await page.getByLabel("Destination URL").fill("https://example.com/other");
  await page.getByLabel("Short link").fill("launch");
  await page.getByRole("button", { name: "Create link" }).click();
  await expect(page.locator("#slug-error")).toHaveText("This slug is taken on this domain.");
  await expect(page.getByLabel("Short link")).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/links\/new$/);
});

test("duplicate and delete from the list and from the edit page; Esc closes the confirmation", async ({ page }) => {
  await signUpOverHttp(page, newEmail("dee"), "Dee");
  await expectDashboard(page);
  await quickCreate(page, "https://example.com/original");
  const original = (await page.getByTestId("short-url").first().textContent())!;
  await page.getByRole("button", { name: `Duplicate ${original}` }).click();
  await expect(page.getByTestId("link-row")).toHaveCount(2);
  const copy = page.getByTestId("link-row").filter({ hasNotText: original });
  await expect(copy.getByTestId("destination")).toHaveText("https://example.com/original");

  // Delete from the list: Esc cancels, the confirm button deletes.
  await page.getByRole("button", { name: `Delete ${original}` }).click();
  await expect(page.getByRole("alertdialog")).toContainText(`Delete ${original}?`);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("alertdialog")).toHaveCount(0);
  await expect(page.getByTestId("link-row")).toHaveCount(2);
  await page.getByRole("button", { name: `Delete ${original}` }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete link" }).click();
  await expect(page.getByTestId("link-row")).toHaveCount(1);
  await page.reload();
  await expect(page.getByTestId("link-row")).toHaveCount(1);
  await expect(page.getByTestId("short-url")).not.toHaveText(original);

  // From the edit page: duplicate opens the copy; delete returns to the list.
  await page.getByTestId("short-url").click();
  // The edit page's own button: the list's are named "Duplicate <short link>" and stay until the page has changed.
  await expect(page.getByRole("heading", { name: "Edit link", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Duplicate", exact: true }).click();
  await expect(page.getByText(/Duplicated as /)).toBeVisible();
  await expect(page.getByLabel("Destination URL")).toHaveValue("https://example.com/original");
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete link" }).click();
  await expect(page).toHaveURL(/\/links$/);
  await expect(page.getByTestId("link-row")).toHaveCount(1);
});

test("search, status filter, bulk tag, bulk disable and bulk delete", async ({ page }) => {
  await signUpOverHttp(page, newEmail("cy"), "Cy");
  await expectDashboard(page);
  await quickCreate(page, "https://shop.example/shoes");
  await quickCreate(page, "https://shop.example/hats");
  await quickCreate(page, "https://blog.example/post");

  // Bulk: disable the blog link, right after creating it.
  await page.getByTestId("link-row").filter({ hasText: "blog.example" }).getByRole("checkbox").check();
  await expect(page.getByText("1 link selected")).toBeVisible();
  await page.getByRole("region", { name: "Bulk actions" }).getByRole("button", { name: "Disable" }).click();
  await expect(page.getByTestId("link-row").filter({ hasText: "blog.example" }).getByTestId("status")).toHaveText("disabled");
  await page.getByLabel("Search links").fill("shop");
  await page.getByLabel("Search links").press("Enter");
  await expect(page).toHaveURL(/search=shop/);
  await expect(page.getByTestId("link-row")).toHaveCount(2);
  await page.getByLabel("Search links").fill("nothing-like-this");
  await page.getByLabel("Search links").press("Enter");
  await expect(page.getByText("No links match these filters")).toBeVisible();
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page.getByTestId("link-row")).toHaveCount(3);

  await choose(page, "Filter by status", "Disabled");
  await expect(page).toHaveURL(/status=disabled/);
  await expect(page.getByTestId("link-row")).toHaveCount(1);
  await expect(page.getByTestId("link-row")).toContainText("blog.example/post");
  await choose(page, "Filter by status", "Active");
  await expect(page.getByTestId("link-row")).toHaveCount(2);
  await choose(page, "Filter by status", "All but archived");
  await expect(page.getByTestId("link-row")).toHaveCount(3);

  // Bulk: tag everything on the page, then filter by the tag.
  await page.getByLabel("Select all links on this page").check();
  await expect(page.getByText("3 links selected")).toBeVisible();
  await page.getByLabel("Tag to add").fill("spring");
  await page.getByRole("button", { name: "Add tag" }).click();
  await expect(page.getByText("Tag “spring” added to 3 links")).toBeVisible();
  for (const row of await page.getByTestId("link-row").all()) await expect(row.getByRole("list", { name: "Tags" })).toContainText("spring");
  await choose(page, "Filter by tag", "spring");
  await expect(page).toHaveURL(/tag=spring/);
  await expect(page.getByTestId("link-row")).toHaveCount(3);

  // Bulk delete asks first.
  await page.getByLabel("Select all links on this page").check();
  await page.getByRole("region", { name: "Bulk actions" }).getByRole("button", { name: "Delete" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete 3 links" }).click();
  await expect(page.getByText("No links match these filters")).toBeVisible();
  await page.goto(page.url().replace(/\?.*$/, ""));
  await expect(page.getByText("No links yet. Paste a URL above to create your first.")).toBeVisible();
});

test("a viewer sees the links but no create box, no edit and no bulk actions", async ({ page, browser }) => {
  await signUpOverHttp(page, newEmail("olive"), "Olive");
  await expectDashboard(page);
  const slug = workspaceSlug(page);
  await quickCreate(page, "https://example.com/for-viewers");
  await expect(page.getByRole("link", { name: "Import CSV" })).toHaveAttribute("href", `/w/${slug}/links/import`);

  const { context: ctx, page: vic } = await joinAsViewer(page, browser, slug, "Olive", { signUpBy: "form" });

  await expect(vic.getByTestId("link-row")).toContainText("example.com/for-viewers");
  await expect(vic.getByLabel("Paste a URL to shorten")).toHaveCount(0);
  await expect(vic.getByTestId("link-row").getByRole("checkbox")).toHaveCount(0);
  await expect(vic.getByRole("button", { name: /^Delete / })).toHaveCount(0);
  await expect(vic.getByRole("link", { name: /^Edit / })).toHaveCount(0);
  await expect(vic.getByRole("link", { name: "Import CSV" })).toHaveCount(0);
  await expect(vic.getByRole("link", { name: "Export CSV" })).toHaveAttribute("href", `/w/${slug}/links/export`);
  const form = await vic.goto(`/w/${slug}/links/new`);
  expect(form?.status()).toBe(403);
  await ctx.close();
});
