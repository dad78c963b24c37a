import { expect, test } from "@playwright/test";
import { startDestination, expectDashboard, newEmail, signUpOverHttp, workspaceSlug } from "./helpers";

// Links lead to a real site beside Pennant (links may not point at Pennant itself).
let dest: Awaited<ReturnType<typeof startDestination>>;
test.beforeAll(async ({}, info) => {
  dest = await startDestination(info.project.use.baseURL!);
});
test.afterAll(async () => {
  await dest.close();
});

test("a visitor opens a short link and lands on the destination; the click shows in the list", async ({ page, browser }) => {
  await signUpOverHttp(page, newEmail("red"), "Red");
  await expectDashboard(page);
  const destination = `${dest.origin}/landing?from=short-link`;
  await page.getByLabel("Paste a URL to shorten").fill(destination);
  await page.keyboard.press("Enter");
  const shortLink = page.getByTestId("link-row").first().getByTestId("short-url");
  await expect(shortLink).toHaveText(/localhost:\d+\/[a-z0-9]{7}$/);
  const shortUrl = `http://${(await shortLink.textContent())!.trim()}`;

  const visitor = await browser.newContext();
  const tab = await visitor.newPage();
  const response = await tab.goto(`${shortUrl}?utm_source=test`);
  expect(tab.url()).toBe(`${dest.origin}/landing?from=short-link&utm_source=test`);
  expect(response?.status()).toBe(200);
  await visitor.close();

  // Clicks are written in batches within a few seconds.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("link-row").first().getByTestId("clicks")).toHaveText("1");
  }).toPass({ timeout: 30_000 });
});

test("a password-protected link asks for the password in the browser", async ({ page, browser, baseURL }) => {
  await signUpOverHttp(page, newEmail("pw"), "Pat");
  await expectDashboard(page);
  const slug = workspaceSlug(page);
  const res = await page.request.post(`/api/v1/links?workspace=${slug}`, {
    headers: { origin: new URL(baseURL!).origin },
    data: { url: `${dest.origin}/secret?secret=1`, password: "letmein" },
  });
  expect(res.status()).toBe(201);
  const { shortUrl } = (await res.json()) as { shortUrl: string };

  const visitor = await browser.newContext();
  const tab = await visitor.newPage();
  await tab.goto(shortUrl);
  await expect(tab.getByRole("heading", { name: "This link is protected" })).toBeVisible();
  await tab.getByLabel("Password").fill("wrong");
  await tab.getByRole("button", { name: "Continue" }).click();
  await expect(tab.getByRole("alert")).toHaveText("That password is not right. Try again.");
  await tab.getByLabel("Password").fill("letmein");
  await tab.getByRole("button", { name: "Continue" }).click();
  await expect(tab).toHaveURL(`${dest.origin}/secret?secret=1`);
  await visitor.close();
});
