import { expect, test } from "@playwright/test";
import { signedUpPage } from "./helpers";

const WIDTHS = { desktop: { width: 1280, height: 860 }, phone: { width: 375, height: 780 } } as const;

for (const [label, viewport] of Object.entries(WIDTHS)) {
  test(`a QR code is created from the QR codes section, from a pasted URL and from a link (${label})`, async ({ browser }, info) => {
    test.setTimeout(300_000);
    const { context, page, slug } = await signedUpPage(browser, info.project.use.baseURL!, "Qri");
    await page.setViewportSize(viewport);
    await page.goto(`/w/${slug}/qr`);
    await page.getByRole("link", { name: "Create a QR code" }).click();
    await expect(page.getByRole("heading", { name: "New QR code", level: 1 })).toBeVisible();

    await page.getByLabel("Destination URL").fill("javascript:alert(1)");
    await page.getByRole("button", { name: "Create QR code" }).click();
    await expect(page.getByLabel("Destination URL")).toHaveAttribute("aria-invalid", "true");
    await page.getByLabel("Destination URL").fill("https://shop.example/poster");
    await page.getByRole("button", { name: "Create QR code" }).click();
    await expect(page).toHaveURL(new RegExp(`/w/${slug}/qr/[a-z0-9]+$`));

    await page.goto(`/w/${slug}/links`);
    await page.getByLabel("Paste a URL to shorten").fill("https://shop.example/flyer");
    await page.keyboard.press("Enter");
    await expect(page.getByText("shop.example/flyer").first()).toBeVisible();

    await page.goto(`/w/${slug}/qr/new?q=flyer`);
    await page.getByRole("button", { name: /Create a QR code for/ }).first().click();
    await expect(page).toHaveURL(new RegExp(`/w/${slug}/qr/[a-z0-9]+$`));
    await page.goto(`/w/${slug}/qr`);
    await expect(page.getByText("shop.example/poster").first()).toBeVisible();
    await expect(page.getByText("shop.example/flyer").first()).toBeVisible();
    await context.close();
  });
}
