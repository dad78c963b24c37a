import { expect, test } from "@playwright/test";
import { expectDashboard, expectNoViolations, newEmail, signUpOverHttp, WIDTHS, workspaceSlug } from "./helpers";

/**
 * axe (WCAG 2.2 A and AA) on every page at one width, with menus, dialogs and
 * toasts open. Any violation fails, named with its elements. One spec file a
 * width (a11y-desktop, a11y-phone), so `npm test` can run them side by side.
 */
export function everyPageHasNoViolations(width: keyof typeof WIDTHS) {
  const viewport = WIDTHS[width];
  test(`every page has no WCAG 2.2 A/AA violations (${width})`, async ({ page, context }) => {
    test.setTimeout(600_000);
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.setViewportSize(viewport);
    for (const path of ["/", "/signin", "/signup", "/signup/check-email?email=a%40example.com", "/signup/confirm?email=a%40example.com&token=x", "/docs/api"]) {
      await page.goto(path);
      await expectNoViolations(page, path);
    }

    await signUpOverHttp(page, newEmail("axe"), "Axel");
    await expectDashboard(page);
    const slug = workspaceSlug(page);
    await expectNoViolations(page, "links, empty");
    await page.getByLabel("Paste a URL to shorten").fill("https://example.com/accessible");
    await page.getByLabel("Paste a URL to shorten").press("Enter");
    await expect(page.getByTestId("link-row")).toHaveCount(1);
    // A toast is showing now.
    const toast = page.locator("[data-sonner-toast]").first();
    await expect(toast).toBeVisible();
    // Checked once it has faded in: mid-transition its colours are part transparent.
    // The pointer rests on it, as a reader's does, so it does not start fading out mid-check.
    await expect(page.locator('[data-sonner-toast][data-mounted="true"]').first()).toBeVisible();
    await toast.hover();
    await toast.evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)));
    await expectNoViolations(page, "links with a toast");
    // Closed, as a reader does once read: the pointer rests on it, so it would not go by itself.
    await toast.getByRole("button", { name: "Close toast" }).click();
    await expect(page.locator("[data-sonner-toast]")).toHaveCount(0);
    const id = await page.getByTestId("link-row").first().getAttribute("data-row-id");

    // Bulk bar, menus and dialogs open.
    await page.getByTestId("link-row").first().getByRole("checkbox").check();
    await expectNoViolations(page, "links with the bulk bar");
    if (width === "desktop") {
      await page.getByRole("button", { name: /^Filter by status/ }).click();
      await expect(page.getByRole("menu")).toBeVisible();
      await expectNoViolations(page, "links with a filter menu open");
      await page.keyboard.press("Escape");
    } else {
      await page.getByRole("button", { name: "Filters" }).click();
      await expect(page.getByRole("dialog", { name: "Filters" })).toBeVisible();
      await expectNoViolations(page, "links with the filters sheet open");
      await page.keyboard.press("Escape");
    }
    await page.getByRole("button", { name: /^Delete / }).first().click();
    await expect(page.getByRole("alertdialog")).toBeVisible();
    await expectNoViolations(page, "links with a confirmation open");
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: /^Workspace: / }).first().click();
    await expect(page.getByRole("menu")).toBeVisible();
    await expectNoViolations(page, "workspace menu open");
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Account menu" }).click();
    await expect(page.getByRole("menu")).toBeVisible();
    await expectNoViolations(page, "account menu open");
    await page.keyboard.press("Escape");
    await page.keyboard.press("ControlOrMeta+k");
    await expect(page.getByRole("dialog", { name: "Command menu" })).toBeVisible();
    await page.getByRole("combobox").fill("accessible");
    await expect(page.getByRole("option", { name: /example\.com\/accessible/ })).toBeVisible();
    await expectNoViolations(page, "command menu open, with a search result");
    await page.keyboard.press("Escape");
    await page.keyboard.press("?");
    await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
    await expectNoViolations(page, "keyboard shortcuts open");
    await page.keyboard.press("Escape");

    const pages = [
      "links/new", `links/${id}`, "links/import", "campaigns", "qr", `qr/${id}`, "bio", "analytics",
      "settings", "settings/members", "settings/domains", "settings/api-keys", "settings/channels",
    ];
    for (const p of pages) {
      await page.goto(`/w/${slug}/${p}`);
      await expect(page.locator("h1").first()).toBeVisible();
      await expectNoViolations(page, p);
    }
    // The link form with every section open.
    await page.goto(`/w/${slug}/links/new`);
    for (const name of ["UTM parameters", "Expiry, limits and password", "Redirect and targeting", "Social preview", "Description and notes"]) {
      await page.getByRole("button", { name: new RegExp(`^${name}`) }).click();
    }
    await expectNoViolations(page, "link form, every section open");
  });
}
