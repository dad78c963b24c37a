import { readFile } from "node:fs/promises";
import { request } from "node:http";
import { expect, test, type Page } from "@playwright/test";
import { signedUpPage, startDestination } from "./helpers";
import { decodePng } from "./decode-qr";

/** GET / as a browser on a branded domain would send it (pointed at this server by DNS). */
function getOnHost(baseURL: string, host: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(baseURL);
  return new Promise((resolve, reject) => {
    request({ hostname, port, path: "/", headers: { host, "user-agent": IPHONE } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    })
      .on("error", reject)
      .end();
  });
}

const IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";

/** Adds a block of this kind and opens it for editing. */
async function addBlock(page: Page, kind: string) {
  await page.getByRole("group", { name: "Add a block" }).getByRole("button", { name: `+ ${kind}` }).click();
  await page.getByTestId("bio-block").last().getByRole("button", { expanded: false }).click();
}

const blockOrder = (page: Page) => page.getByTestId("bio-block").locator("button[aria-expanded] span:first-child").allTextContents();

test("build, reorder by keyboard, publish, visit on a phone, click, subscribe, and see it all in the editor", async ({ browser, baseURL }) => {
  test.setTimeout(480_000); // a long journey (page, QR code, visit, domain) on a shared machine
  const { context, page, slug } = await signedUpPage(browser, baseURL!, "bio-owner");
  // A destination of its own: Pennant refuses destinations on its own address (a redirect loop).
  const dest = await startDestination(baseURL!);
  const handle = `shop_${Date.now().toString(36)}`;
  await page.goto(`/w/${slug}/bio`);
  await expect(page.getByText("No bio pages yet")).toBeVisible();
  await page.getByLabel("Handle").fill(handle.toUpperCase());
  await page.getByLabel("Title").fill("Ana's Coffee");
  await page.getByRole("button", { name: "Create page" }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${slug}/bio/[a-z0-9]+$`));

  // Five kinds of block and a theme.
  await addBlock(page, "Link button");
  await page.getByRole("textbox", { name: "Label", exact: true }).fill("Shop the beans");
  await page.getByRole("textbox", { name: "URL", exact: true }).fill(`${dest.origin}/beans?from=bio`);
  await addBlock(page, "Header");
  await page.getByRole("textbox", { name: "Header", exact: true }).fill("Fresh this week");
  await addBlock(page, "Text");
  await page.getByRole("textbox", { name: "Text", exact: true }).fill("Roasted **today** in [Berlin](https://example.com/berlin).");
  await addBlock(page, "Social icons");
  await page.getByLabel("Instagram address").fill("https://instagram.com/anascoffee");
  await addBlock(page, "Contact");
  await page.getByRole("textbox", { name: "Email", exact: true }).fill("hello@example.com");
  await addBlock(page, "Subscribe");
  await page.getByRole("button", { name: "Midnight" }).click();
  await expect(page.getByRole("button", { name: "Midnight" })).toHaveAttribute("aria-pressed", "true");

  // The header moves above the button by keyboard.
  expect((await blockOrder(page)).slice(0, 2)).toEqual(["Link button", "Header"]);
  await page.getByRole("button", { name: /^Move Header: Fresh this week/ }).focus();
  // dnd-kit measures the list after picking up: give it a frame between keys.
  await page.keyboard.press("Space");
  await page.waitForTimeout(400);
  await page.keyboard.press("ArrowUp");
  await page.waitForTimeout(400);
  await page.keyboard.press("Space");
  await expect.poll(async () => (await blockOrder(page)).slice(0, 2)).toEqual(["Header", "Link button"]);

  // The live preview follows.
  const preview = page.frameLocator('iframe[title="Live preview of your page"]');
  await expect(preview.getByRole("heading", { name: "Fresh this week" })).toBeVisible();
  await expect(page.getByTestId("save-status")).toHaveText("Draft saved · never published");
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByTestId("save-status")).toHaveText("Published · up to date");
  const editorUrl = page.url();

  // The page's QR code: designed, saved, downloaded as a PNG and read back by a real decoder.
  await page.getByRole("link", { name: "Design QR code" }).click();
  await expect(page.getByRole("heading", { name: "QR code", level: 1 })).toBeVisible();
  await expect(page.getByTestId("qr-target")).toHaveText(new RegExp(`/@${handle}\\?qr=1$`));
  await page.getByLabel("Foreground colour", { exact: true }).fill("#1e3a8a");
  await page.getByRole("button", { name: "Save design" }).click();
  await expect(page.getByText("QR code saved")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Foreground colour", { exact: true })).toHaveValue("#1e3a8a");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download PNG" }).click()]);
  const decoded = await decodePng(await readFile((await download.path())!));
  expect(decoded).toMatch(new RegExp(`^https?://[^/]+/@${handle}\\?qr=1$`));

  // A visitor on a phone opens the page through the decoded code.
  const visitor = await browser.newContext({ baseURL, viewport: { width: 375, height: 812 }, userAgent: IPHONE, isMobile: true, hasTouch: true });
  const phone = await visitor.newPage();
  await phone.goto(decoded!);
  await expect(phone.getByRole("heading", { name: "Ana's Coffee", level: 1 })).toBeVisible();
  const headings = await phone.locator(".blocks h2, .blocks .btn").allTextContents();
  expect(headings.slice(0, 2)).toEqual(["Fresh this week", "Shop the beans"]);
  await expect(phone.locator("strong", { hasText: "today" })).toBeVisible();
  await expect(phone.getByRole("link", { name: "Instagram" })).toHaveAttribute("rel", "me noopener");

  // Subscribe.
  await phone.getByLabel("Email address").fill("fan@example.com");
  await phone.getByLabel(/send me the newsletter/i).check();
  await phone.getByRole("button", { name: "Subscribe" }).click();
  await expect(phone.getByRole("status")).toHaveText("Thanks! You are on the list.");

  // Click the button and land on the destination.
  await phone.getByRole("link", { name: "Shop the beans" }).click();
  await expect(phone).toHaveURL(`${dest.origin}/beans?from=bio`);
  await expect(phone.locator("body")).toHaveText("landed");
  await visitor.close();
  await dest.close();

  // The scan, in the QR designer; then the view, the click and the subscriber, in the editor.
  await page.reload();
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("qr-scans")).toHaveText("1", { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await page.goto(editorUrl);
  await expect(async () => {
    await page.reload();
    const stats = page.getByTestId("page-stats");
    await expect(stats.getByText("Views").locator("xpath=following-sibling::dd")).toHaveText(/^[1-9]/, { timeout: 1000 });
    await expect(stats.getByText("Button clicks").locator("xpath=following-sibling::dd")).toHaveText("1", { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByRole("cell", { name: "Shop the beans" })).toBeVisible();
  await expect(page.getByTestId("subscribers").getByText("fan@example.com")).toBeVisible();

  // A branded domain's bare address shows the page (Settings → Domains, third choice).
  const host = `bio-${Date.now().toString(36)}.example.com`;
  await page.goto(`/w/${slug}/settings/domains`);
  await page.getByLabel("Domain", { exact: true }).fill(host);
  await page.getByRole("button", { name: "Add domain" }).click();
  const redirects = page.getByRole("form", { name: `Redirects of ${host}` });
  await redirects.getByLabel("Show a bio page").check();
  await redirects.getByLabel("Bio page", { exact: true }).selectOption({ label: `@${handle} · Ana's Coffee` });
  await redirects.getByRole("button", { name: "Save redirects" }).click();
  await expect(page.getByText(`Redirects of ${host} saved`)).toBeVisible();
  const home = await getOnHost(baseURL!, host);
  expect(home.status).toBe(200);
  expect(home.body).toContain("<h1>Ana&#39;s Coffee</h1>");
  await page.reload();
  await expect(page.getByRole("form", { name: `Redirects of ${host}` }).getByLabel("Show a bio page")).toBeChecked();
  await context.close();
});

test("a colour pair under WCAG AA is flagged at the field and blocks publishing", async ({ browser, baseURL }) => {
  const { context, page, slug } = await signedUpPage(browser, baseURL!, "bio-contrast");
  await page.goto(`/w/${slug}/bio`);
  await page.getByLabel("Handle").fill(`pale_${Date.now().toString(36)}`);
  await page.getByLabel("Title").fill("Pale");
  await page.getByRole("button", { name: "Create page" }).click();
  await page.getByLabel("Text colour", { exact: true }).fill("#dddddd");
  await expect(page.getByText(/below the 4\.5:1 that WCAG AA asks for/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Publish" })).toBeDisabled();
  await context.close();
});
