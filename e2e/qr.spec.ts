import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";
import { startDestination, expectDashboard, joinAsViewer, newEmail, signUpOverHttp, workspaceSlug } from "./helpers";
import { decodePng } from "./decode-qr";

// Links lead to a real site beside Pennant (links may not point at Pennant itself).
let dest: Awaited<ReturnType<typeof startDestination>>;
test.beforeAll(async ({}, info) => {
  dest = await startDestination(info.project.use.baseURL!);
});
test.afterAll(async () => {
  await dest.close();
});

/** Creates a link from the list's one-step field; answers its short URL and id. */
async function createLink(page: Page, destination: string): Promise<{ shortUrl: string; id: string }> {
  await page.getByLabel("Paste a URL to shorten").fill(destination);
  await page.keyboard.press("Enter");
  const row = page.getByTestId("link-row").first();
  await expect(row.getByTestId("short-url")).toHaveText(/localhost:\d+\/[a-z0-9]{7}$/);
  const shortUrl = `http://${(await row.getByTestId("short-url").textContent())!.trim()}`;
  const href = await row.getByRole("link", { name: /^QR code for / }).getAttribute("href");
  const id = /\/qr\/([^/?]+)$/.exec(href ?? "")?.[1];
  if (!id) throw new Error(`no QR link on the row: ${href}`);
  return { shortUrl, id };
}

test("design a code, download the PNG, decode it, scan it: the scan counts as a QR scan", async ({ page, browser }) => {
  await signUpOverHttp(page, newEmail("qr"), "Quinn");
  await expectDashboard(page);
  const destination = `${dest.origin}/landing?from=qr-code`;
  const { shortUrl } = await createLink(page, destination);
  const shortLabel = shortUrl.replace(/^http:\/\//, "");

  await page.getByTestId("link-row").first().getByRole("link", { name: `QR code for ${shortLabel}` }).click();
  await expect(page.getByRole("heading", { name: "QR code", level: 1 })).toBeVisible();
  await expect(page.getByTestId("qr-target")).toHaveText(`${shortUrl}?qr=1`);
  await expect(page.getByTestId("qr-scans")).toHaveText("0");

  await page.getByLabel("Foreground colour", { exact: true }).fill("#1e3a8a");
  await page.getByLabel("Background colour", { exact: true }).fill("#fef3c7");
  const preview = page.getByTestId("qr-preview");
  await expect(preview.locator("svg")).toBeVisible();
  expect(await preview.innerHTML()).toContain('fill="#1e3a8a"');
  const squares = await preview.innerHTML();
  await page.getByRole("group", { name: "Modules" }).getByText("Dots").click();
  await page.getByRole("group", { name: "Corner markers" }).getByText("Rounded").click();
  await expect.poll(() => preview.innerHTML()).not.toBe(squares);
  // What the designer shows is a code a phone can read.
  expect(await decodePng(await preview.screenshot())).toBe(`${shortUrl}?qr=1`);

  await page.getByRole("button", { name: "Save design" }).click();
  await expect(page.getByText("QR code saved")).toBeVisible();
  await expect(page.getByRole("button", { name: "Saved" })).toBeDisabled();
  await page.reload();
  await expect(page.getByLabel("Foreground colour", { exact: true })).toHaveValue("#1e3a8a");
  await expect(page.getByRole("group", { name: "Modules" }).getByRole("radio", { name: "Dots" })).toBeChecked();

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download PNG" }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.png$/);
  const png = await readFile((await download.path())!);
  const meta = await sharp(png).metadata();
  expect(meta.format).toBe("png");
  expect(meta.width).toBe(1024);
  const decoded = await decodePng(png);
  expect(decoded).toBe(`${shortUrl}?qr=1`);

  // Copy image: a PNG on the clipboard, and a toast that says so.
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByRole("button", { name: "Copy image" }).click();
  await expect(page.getByText("QR code copied as an image")).toBeVisible();
  const copied = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    if (!item?.types.includes("image/png")) return null;
    return Array.from(new Uint8Array(await (await item.getType("image/png")).arrayBuffer()));
  });
  expect(copied).not.toBeNull();
  expect(await decodePng(Buffer.from(copied!))).toBe(`${shortUrl}?qr=1`);

  // The SVG download is the same code as a vector: rasterised, it decodes to the same text.
  const [svgDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download SVG" }).click()]);
  expect(svgDownload.suggestedFilename()).toMatch(/\.svg$/);
  const svg = await readFile((await svgDownload.path())!);
  expect(svg.toString("utf8")).toContain("<svg");
  expect(await decodePng(await sharp(svg).png().toBuffer())).toBe(`${shortUrl}?qr=1`);

  // A phone scans the printed code: it opens the decoded URL and lands on the destination.
  const phone = await browser.newContext();
  const tab = await phone.newPage();
  const response = await tab.goto(decoded!);
  expect(response?.status()).toBe(200);
  expect(tab.url()).toBe(destination);
  await phone.close();

  // Clicks are written in batches within a few seconds; the scan shows as a scan.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("qr-scans")).toHaveText("1", { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });

  await page.getByRole("link", { name: "QR codes" }).first().click();
  await expect(page).toHaveURL(/\/qr$/);
  const row = page.getByTestId("qr-row").filter({ hasText: shortLabel });
  await expect(row.getByTestId("qr-row-scans")).toHaveText("1");

  // The count opens the code's own dashboard: its scans, not the link's other clicks.
  await row.getByRole("link", { name: /^1 scan: analytics of / }).click();
  await expect(page.getByRole("heading", { name: /^QR code: /, level: 1 })).toBeVisible();
  await expect(page.getByTestId("total-scans")).toHaveText("1");
  await expect(page.getByTestId("total-clicks")).toHaveText("1");
});

test("the scannability guard refuses white on white, and an SVG logo is refused with a clear message", async ({ page }) => {
  await signUpOverHttp(page, newEmail("qrguard"), "Gus");
  await expectDashboard(page);
  const slug = workspaceSlug(page);
  const { id } = await createLink(page, "https://example.com/guarded");

  await page.goto(`/w/${slug}/qr/${id}`);
  await expect(page.getByTestId("qr-preview")).toBeVisible();
  await expect(page.getByTestId("qr-errors")).toHaveCount(0);
  await page.getByLabel("Foreground colour", { exact: true }).fill("#ffffff");
  const errors = page.getByTestId("qr-errors");
  await expect(errors).toBeVisible();
  await expect(errors).toContainText("This code would not scan");
  await expect(page.getByRole("button", { name: "Save design" })).toBeDisabled();
  await expect(page.getByRole("button", { name: "Download PNG" })).toBeDisabled();
  await expect(page.getByRole("button", { name: "Download SVG" })).toBeDisabled();
  await expect(page.getByRole("button", { name: "Copy image" })).toBeDisabled();

  // The API refuses the same design with the reason.
  const refused = await page.request.get(`/api/v1/links/${id}/qr?workspace=${slug}&format=png&fg=%23ffffff&bg=%23ffffff`);
  expect(refused.status()).toBe(422);
  const body = (await refused.json()) as { error: { message: string } };
  expect(body.error.message.length).toBeGreaterThan(10);

  await page.getByLabel("Foreground colour", { exact: true }).fill("#111827");
  await expect(errors).toHaveCount(0);

  // An SVG may carry scripts: refused, and the designer says why.
  await page.getByRole("group", { name: "Logo" }).getByText("Own logo").click();
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><script>alert(1)</script><rect width="64" height="64" fill="red"/></svg>';
  await page.getByLabel("Upload logo").setInputFiles({ name: "logo.svg", mimeType: "image/svg+xml", buffer: Buffer.from(svg) });
  await expect(page.getByTestId("logo-error")).toContainText(/SVG/);

  // A real PNG is accepted; the logo raises the error correction by itself.
  const logo = await sharp({ create: { width: 200, height: 200, channels: 4, background: "#e11d48" } }).png().toBuffer();
  await page.getByLabel("Upload logo").setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: logo });
  await expect(page.getByText("Logo uploaded")).toBeVisible();
  await expect(page.getByTestId("logo-error")).toHaveCount(0);
  await expect(page.getByTestId("qr-preview").locator("svg image")).toHaveAttribute("href", /^data:image\/png;base64,/);
  // The control shows the level the code really has, and says why.
  await expect(page.getByLabel("Error correction")).toHaveValue("Q");
  await expect(page.getByTestId("qr-level-note")).toContainText("Q (quartile) while the logo is on");
  await expect(page.getByLabel("Error correction").locator("option[value=M]")).toBeDisabled();
  expect(await decodePng(await page.getByTestId("qr-preview").screenshot())).toMatch(/\?qr=1$/);
});

test("a viewer sees the designer read-only and can still download the saved code", async ({ page, browser }) => {
  await signUpOverHttp(page, newEmail("qrowner"), "Olga");
  await expectDashboard(page);
  const slug = workspaceSlug(page);
  const { shortUrl, id } = await createLink(page, "https://example.com/for-qr-viewers");
  await page.goto(`/w/${slug}/qr/${id}`);
  await page.getByLabel("Foreground colour", { exact: true }).fill("#7c2d12");
  await page.getByRole("button", { name: "Save design" }).click();
  await expect(page.getByText("QR code saved")).toBeVisible();

  const { context: ctx, page: vic } = await joinAsViewer(page, browser, slug, "Olga");

  await vic.getByRole("link", { name: "QR codes" }).first().click();
  await vic.getByTestId("qr-row").first().getByTestId("qr-row-link").click();
  await expect(vic.getByText("Your role can look at and download this code, not change it.")).toBeVisible();
  await expect(vic.getByLabel("Foreground colour", { exact: true })).toHaveValue("#7c2d12");
  await expect(vic.getByLabel("Foreground colour", { exact: true })).toBeDisabled();
  await expect(vic.getByRole("button", { name: /^Save/ })).toHaveCount(0);
  await expect(vic.getByLabel("Save this design as a preset")).toHaveCount(0);

  const [download] = await Promise.all([vic.waitForEvent("download"), vic.getByRole("button", { name: "Download PNG" }).click()]);
  expect(await decodePng(await readFile((await download.path())!))).toBe(`${shortUrl}?qr=1`);
  await ctx.close();
});
