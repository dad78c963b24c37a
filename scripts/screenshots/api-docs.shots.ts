import { test } from "@playwright/test";

const WIDTHS = { desktop: { width: 1280, height: 860 }, phone: { width: 375, height: 780 } } as const;

test("screenshots of the API reference", async ({ page }) => {
  await page.goto("/docs/api");
  for (const [label, size] of Object.entries(WIDTHS)) {
    await page.setViewportSize(size);
    await page.waitForTimeout(150);
    await page.screenshot({ path: `screenshots/api-docs-${label}.png` });
    await page.screenshot({ path: `screenshots/api-docs-${label}-full.png`, fullPage: true });
  }
});

test("screenshots of API reference sections at phone width", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 780 });
  await page.goto("/docs/api");
  for (const [name, text] of [
    ["create", "Create a short link"],
    ["bulk", "Create up to 100 links"],
    ["list", "List links"],
    ["campaign", "Create a campaign"],
    ["link-set", "Create a channel link set"],
    ["channel", "Create a channel"],
    ["qr", "Get a link's QR code"],
    ["qr-logo", "Upload a link's QR logo"],
  ] as const) {
    await page.getByTestId("api-operation").filter({ has: page.getByRole("heading", { name: text, exact: true }) }).screenshot({ path: `screenshots/api-docs-phone-${name}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.getByTestId("api-operation").filter({ has: page.getByRole("heading", { name: "List links", exact: true }) }).screenshot({ path: "screenshots/api-docs-desktop-list.png" });
  for (const [name, text] of [
    ["campaign", "Get a campaign"],
    ["link-set", "Create a channel link set"],
    ["channel", "Update a channel"],
    ["qr", "Get a link's QR code"],
    ["qr-logo", "Upload a link's QR logo"],
  ] as const) {
    await page.getByTestId("api-operation").filter({ has: page.getByRole("heading", { name: text, exact: true }) }).screenshot({ path: `screenshots/api-docs-desktop-${name}.png` });
  }
  await page.getByRole("heading", { name: "Campaigns", level: 2 }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: "screenshots/api-docs-desktop-campaigns.png" });
});
