import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { shoot, WIDTHS } from "./shoot";
import { confirmSignUp } from "../../e2e/helpers";

async function quick(page: Page, url: string) {
  const before = await page.getByTestId("link-row").count();
  await page.getByLabel("Paste a URL to shorten").fill(url);
  await page.getByLabel("Paste a URL to shorten").press("Enter");
  await expect(page.getByTestId("link-row")).toHaveCount(before + 1);
}

test("screenshots of the links pages", async ({ page, context }) => {
  test.setTimeout(180_000);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Ana Marketer");
  const signUpEmail = `links-${randomBytes(3).toString("hex")}@example.com`;
  await page.getByLabel("Email").fill(signUpEmail);
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByRole("button", { name: "Create account" }).click();
  await confirmSignUp(page, signUpEmail);
  await page.waitForURL(/\/w\/[a-z0-9-]+\/links$/);
  const list = page.url();
  await shoot(page, "links-empty");

  await page.goto(`${list}/new`);
  await page.getByLabel("Destination URL").fill("https://shop.example.com/collections/spring-2026?ref=homepage");
  await page.getByLabel("Short link").fill("spring");
  await page.getByLabel("Title", { exact: true }).fill("Spring collection launch");
  await page.getByLabel("Tags").fill("spring, newsletter");
  await shoot(page, "links-form-new");
  await page.getByRole("button", { name: /^UTM parameters/ }).click();
  await page.getByLabel("UTM source", { exact: true }).fill("newsletter");
  await page.getByLabel("UTM medium", { exact: true }).fill("email");
  await page.getByRole("button", { name: "Create link" }).click();
  await page.waitForURL(list);
  await quick(page, "https://blog.example.com/2026/04/how-we-built-our-spring-lookbook-with-a-very-long-title");
  await quick(page, "https://docs.example.com/getting-started");
  await quick(page, "https://www.youtube.com/watch?v=dQw4w9WgXcQ");
  await page.getByTestId("link-row").filter({ hasText: "docs.example.com" }).getByRole("checkbox").check();
  await page.getByRole("region", { name: "Bulk actions" }).getByRole("button", { name: "Disable" }).click();
  await expect(page.getByTestId("link-row").filter({ hasText: "docs.example.com" }).getByTestId("status")).toHaveText("disabled");
  await page.getByTestId("link-row").filter({ hasText: "youtube" }).getByRole("checkbox").check();
  await page.getByTestId("link-row").filter({ hasText: "blog.example" }).getByRole("checkbox").check();
  await page.mouse.move(0, 0);
  await shoot(page, "links-list-selected");
  await page.getByRole("button", { name: "Clear selection" }).click();
  // A link with every setting a row shows: campaign, channel, password, expiry, click limit.
  const ws = new URL(list).pathname.split("/")[2];
  const campaign = (await (await page.request.post(`/api/v1/campaigns?workspace=${ws}`, { data: { name: "Spring Sale" } })).json()) as { id: string };
  const channels = (await (await page.request.get(`/api/v1/channels?workspace=${ws}`)).json()) as { data: { id: string; name: string }[] };
  await page.request.post(`/api/v1/links?workspace=${ws}`, {
    data: { url: "https://shop.example.com/spring-sale", title: "Spring sale on LinkedIn", campaignId: campaign.id, channelId: channels.data.find((c) => c.name === "LinkedIn")!.id, password: "letmein", expiresAt: "2099-03-01T12:00:00Z", maxClicks: 500, tags: ["spring"] },
  });
  await page.reload();
  await shoot(page, "links-list");
  await page.setViewportSize(WIDTHS.phone);
  await page.getByRole("button", { name: "Filters" }).click();
  await page.getByRole("dialog", { name: "Filters" }).waitFor();
  await page.screenshot({ path: "screenshots/links-filters-sheet-phone.png" });
  await page.keyboard.press("Escape");
  await page.setViewportSize(WIDTHS.desktop);
  await page.getByRole("button", { name: /^Filter by campaign/ }).click();
  await page.getByRole("menu").waitFor();
  await page.screenshot({ path: "screenshots/links-filter-menu-desktop.png" });
  await page.keyboard.press("Escape");

  await page.getByLabel("Search links").fill("nothing-matches");
  await page.getByLabel("Search links").press("Enter");
  await page.getByText("No links match these filters").waitFor();
  await shoot(page, "links-no-match");

  await page.goto(list);
  await page.getByLabel("Paste a URL to shorten").fill("javascript:alert(1)");
  await page.getByLabel("Paste a URL to shorten").press("Enter");
  await page.getByText("Only web addresses").waitFor();
  await shoot(page, "links-quick-error");

  await page.goto(`${list}/new`);
  await page.getByLabel("Destination URL").fill("javascript:alert(1)");
  await page.getByLabel("Short link").fill("spring");
  await page.getByRole("button", { name: /^Expiry, limits and password/ }).click();
  await page.getByLabel("Maximum clicks").fill("0");
  await page.getByRole("button", { name: /^Redirect and targeting/ }).click();
  await page.getByRole("button", { name: "Add country" }).click();
  await page.getByLabel("Country code 1").fill("X");
  await page.getByLabel("URL for country 1").fill("https://example.de/");
  await page.getByRole("button", { name: "Create link" }).click();
  await page.locator("#url-error").waitFor();
  await shoot(page, "links-form-errors");
  for (const [label, size] of Object.entries(WIDTHS)) {
    await page.setViewportSize(size);
    await page.getByLabel("Country code 1").scrollIntoViewIfNeeded();
    await page.screenshot({ path: `screenshots/links-form-geo-error-${label}.png` });
  }

  await page.goto(list);
  await page.getByTestId("link-row").getByTestId("short-url").filter({ hasText: "/spring" }).click();
  await page.getByRole("heading", { name: "Edit link" }).waitFor();
  await page.getByLabel("Destination URL").fill("https://shop.example.com/summer");
  await shoot(page, "links-form-edit");
  await page.getByRole("button", { name: /^UTM parameters/ }).click();
  await page.getByLabel("UTM source", { exact: true }).fill("");
  await page.getByRole("button", { name: "Save changes" }).waitFor();
  await page.getByRole("button", { name: /^Expiry, limits and password/ }).click();
  await page.getByLabel("Expires at (UTC)").fill("2020-01-01T00:00");
  await page.getByLabel("URL after expiry").fill("not a url");
  await page.getByRole("button", { name: "Save changes" }).click();
  await page.locator("#expiredUrl-error").waitFor();
  await shoot(page, "links-edit-errors");
});
