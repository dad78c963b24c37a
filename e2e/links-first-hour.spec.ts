import { expect, test, type Page } from "@playwright/test";
import { expectDashboard, newEmail, signUp, workspaceSlug } from "./helpers";

const PHONE = { width: 375, height: 780 };
const LAPTOP = { width: 1280, height: 800 };

async function quickCreate(page: Page, url: string) {
  const before = await page.getByTestId("link-row").count();
  await page.getByLabel("Paste a URL to shorten").fill(url);
  await page.getByLabel("Paste a URL to shorten").press("Enter");
  await expect(page.getByTestId("link-row")).toHaveCount(before + 1);
}

/** A link with every setting a row should show, made through the API as the signed-in user. */
async function richLink(page: Page, slug: string) {
  // Signed-in writes from the app's own pages carry its Origin, as the browser sends it.
  const origin = new URL(page.url()).origin;
  const campaign = await page.request.post(`/api/v1/campaigns?workspace=${slug}`, { data: { name: "Spring Sale" }, headers: { origin } });
  expect(campaign.status()).toBe(201);
  const channels = (await (await page.request.get(`/api/v1/channels?workspace=${slug}`)).json()) as { data: { id: string; name: string }[] };
  const linkedin = channels.data.find((c) => c.name === "LinkedIn")!;
  const res = await page.request.post(`/api/v1/links?workspace=${slug}`, {
    headers: { origin },
    data: { url: "https://example.com/spring", campaignId: ((await campaign.json()) as { id: string }).id, channelId: linkedin.id, password: "letmein", expiresAt: "2099-03-01T12:00:00Z", maxClicks: 5, tags: ["spring"] },
  });
  expect(res.status()).toBe(201);
}

for (const [width, viewport] of [["desktop", LAPTOP], ["phone", PHONE]] as const) {
  test(`a row shows password, expiry, click limit, campaign, channel and the destination's icon (${width})`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await signUp(page, newEmail("rows"), "Rhea");
    await expectDashboard(page);
    const slug = workspaceSlug(page);
    await richLink(page, slug);
    await page.reload();
    const row = page.getByTestId("link-row").first();
    const facts = row.getByRole("list", { name: "Settings" });
    await expect(facts).toContainText("Campaign: Spring Sale");
    await expect(facts).toContainText("Channel: LinkedIn");
    await expect(facts).toContainText("Password");
    await expect(facts).toContainText("Expires Mar 1, 2099");
    await expect(facts).toContainText("0 of 5 clicks");
    await expect(row.getByRole("list", { name: "Tags" })).toContainText("spring");

    // The icon comes from Pennant, never from the destination's own server; a host it cannot reach gets a neutral icon.
    const icon = row.getByTestId("favicon");
    await expect(icon).toHaveAttribute("src", `/w/${slug}/favicon?host=example.com`);
    await expect.poll(() => icon.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    const neutral = await page.request.get(`/w/${slug}/favicon?host=localhost`);
    expect(neutral.headers()["x-favicon"]).toBe("neutral");
    expect(neutral.headers()["content-type"]).toContain("image/svg+xml");
    // Another workspace's icon route answers like a missing workspace.
    expect((await page.request.get(`/w/not-${slug}/favicon?host=example.com`)).status()).toBe(404);

    // Every icon button has a name, and the same words as a tooltip.
    const copy = row.getByRole("button", { name: /^Copy / });
    await expect(copy).toHaveAttribute("data-tip", "Copy short link");
    await expect(row.getByRole("link", { name: /^QR code for / })).toHaveAttribute("data-tip", "QR code");
    await expect(row.getByRole("button", { name: /^Duplicate / })).toHaveAttribute("data-tip", "Duplicate");
  });
}

test("filters: a keyboard menu on desktop (arrows move, Enter chooses, focus stays), one Filters control on a phone", async ({ page }) => {
  await signUp(page, newEmail("filters"), "Fay");
  await expectDashboard(page);
  await quickCreate(page, "https://shop.example/shoes");
  await quickCreate(page, "https://blog.example/post");
  const url = page.url();

  const status = page.getByRole("button", { name: /^Filter by status/ });
  await status.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menu")).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  expect(page.url()).toBe(url);
  await page.keyboard.press("Escape");
  await expect(status).toBeFocused();
  await page.keyboard.press("Enter");
  await page.getByRole("menuitemradio", { name: "Disabled" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/status=disabled/);
  await expect(page.getByText("No links match these filters")).toBeVisible();
  await expect(page.getByRole("button", { name: "Filter by status: Disabled" })).toBeFocused();

  // Enter in search keeps focus in the search box.
  await page.getByLabel("Search links").fill("shoes");
  await page.getByLabel("Search links").press("Enter");
  await expect(page).toHaveURL(/search=shoes/);
  await expect(page.getByLabel("Search links")).toBeFocused();

  await page.goto(url);
  await page.setViewportSize(PHONE);
  await expect(page.getByRole("button", { name: /^Filter by status/ })).toBeHidden();
  await page.getByRole("button", { name: "Filters" }).click();
  const sheet = page.getByRole("dialog", { name: "Filters" });
  await sheet.getByLabel("Status").selectOption("active");
  await sheet.getByLabel("Sort links").selectOption("clicks");
  expect(page.url()).toBe(url);
  await sheet.getByRole("button", { name: "Show links" }).click();
  await expect(page).toHaveURL(/status=active/);
  await expect(page).toHaveURL(/sort=clicks/);
  await expect(page.getByRole("button", { name: "Filters, 1 on" })).toBeVisible();
});

test("focus stays where the user is: duplicate, delete, clear selection and load more", async ({ page }) => {
  await signUp(page, newEmail("focus"), "Flo");
  await expectDashboard(page);
  await quickCreate(page, "https://example.com/a");
  await quickCreate(page, "https://example.com/b");
  const rows = page.getByTestId("link-row");
  const second = (await rows.nth(1).getByTestId("short-url").textContent())!;

  // Duplicate: focus moves to the new row.
  const first = (await rows.first().getByTestId("short-url").textContent())!;
  await page.getByRole("button", { name: `Duplicate ${first}` }).focus();
  await page.keyboard.press("Enter");
  await expect(rows).toHaveCount(3);
  const copy = rows.first().getByTestId("short-url");
  await expect(copy).not.toHaveText(first);
  await expect(copy).toBeFocused();

  // Delete: focus moves to the next row.
  const copyName = (await copy.textContent())!;
  await page.getByRole("button", { name: `Delete ${copyName}` }).focus();
  await page.keyboard.press("Enter");
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete link" }).click();
  await expect(rows).toHaveCount(2);
  await expect(rows.first().getByTestId("short-url")).toBeFocused();

  // Select, hear the count, clear: focus returns to "select all".
  await page.getByLabel(`Select ${second}`).check();
  await expect(page.getByRole("status").filter({ hasText: "Selected 1 link" })).toBeAttached();
  await page.getByRole("button", { name: "Clear selection" }).click();
  await expect(page.getByLabel("Select all links on this page")).toBeFocused();
});

test("the link form: the common case fits a laptop screen; a refused save opens the section and focuses the field", async ({ page }) => {
  await page.setViewportSize(LAPTOP);
  await signUp(page, newEmail("form"), "Fern");
  await expectDashboard(page);
  await page.goto(`${page.url()}/new`);
  await expect(page.getByRole("heading", { name: "New link" })).toBeVisible();
  for (const label of ["Destination URL", "Short link", "Title", "Tags", "Campaign"]) {
    const box = (await page.getByLabel(label, { exact: true }).boundingBox())!;
    expect(box.y + box.height, label).toBeLessThan(LAPTOP.height - 70);
  }
  await expect(page.getByRole("button", { name: "Create link" })).toBeInViewport();
  await expect(page.getByLabel("Maximum clicks")).toBeHidden();

  await page.getByLabel("Destination URL").fill("https://example.com/limits");
  await page.getByRole("button", { name: /^Expiry, limits and password/ }).click();
  await page.getByLabel("Maximum clicks").fill("0");
  await page.getByRole("button", { name: /^Expiry, limits and password/ }).click();
  await expect(page.getByLabel("Maximum clicks")).toBeHidden();
  await page.getByRole("button", { name: "Create link" }).click();
  await expect(page.getByLabel("Maximum clicks")).toBeFocused();
  await expect(page.locator("#maxClicks-error")).toContainText("above 0");
  await expect(page.getByRole("button", { name: /^Expiry, limits and password/ })).toHaveAttribute("aria-expanded", "true");
});

test("a past expiry date is refused on its field, which gets focus", async ({ page }) => {
  await signUp(page, newEmail("expiry"), "Eve");
  await expectDashboard(page);
  await page.goto(`${page.url()}/new`);
  await page.getByLabel("Destination URL").fill("https://example.com/expired");
  await page.getByRole("button", { name: /^Expiry, limits and password/ }).click();
  await page.getByLabel("Expires at (UTC)").fill("2020-01-01T00:00");
  await page.getByRole("button", { name: /^Expiry, limits and password/ }).click();
  await page.getByRole("button", { name: "Create link" }).click();
  await expect(page.locator("#expiresAt-error")).toBeVisible();
  await expect(page.getByLabel("Expires at (UTC)")).toBeFocused();
});

test("phone: every section is reachable from the tab bar, and a skip link leads to the content", async ({ page }) => {
  await page.setViewportSize(PHONE);
  await signUp(page, newEmail("phone"), "Pia");
  await expectDashboard(page);
  const slug = workspaceSlug(page);
  const nav = page.getByRole("navigation", { name: "Workspace sections" });
  const sections = [["Links", "links"], ["Campaigns", "campaigns"], ["QR codes", "qr"], ["Bio pages", "bio"], ["Analytics", "analytics"], ["Settings", "settings"]] as const;
  for (const [name] of sections) await expect(nav.getByRole("link", { name })).toBeInViewport({ ratio: 1 });
  for (const [name, segment] of sections) {
    await nav.getByRole("link", { name }).click();
    await expect(page).toHaveURL(new RegExp(`/w/${slug}/${segment}`));
    await expect(nav.getByRole("link", { name })).toHaveAttribute("aria-current", "page");
  }

  await page.goto(`/w/${slug}/links`);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
});

test("an address pasted and sent before the page's script has run opens the full form with it filled in", async ({ page, browser }, info) => {
  await signUp(page, newEmail("early"), "Early");
  await expectDashboard(page);
  const slug = workspaceSlug(page);
  const bare = await browser.newContext({ baseURL: info.project.use.baseURL, storageState: await page.context().storageState(), javaScriptEnabled: false });
  const early = await bare.newPage();
  await early.goto(`/w/${slug}/links`);
  await early.getByLabel("Paste a URL to shorten").fill("https://example.com/pasted-early");
  await early.getByLabel("Paste a URL to shorten").press("Enter");
  await expect(early).toHaveURL(new RegExp(`/w/${slug}/links/new\\?url=`));
  await expect(early.getByLabel("Destination URL")).toHaveValue("https://example.com/pasted-early");
  await bare.close();
});
