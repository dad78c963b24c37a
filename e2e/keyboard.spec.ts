import { expect, test, type Page } from "@playwright/test";
import { expectDashboard, newEmail, signUpOverHttp, workspaceSlug } from "./helpers";

const WIDTHS = { desktop: { width: 1280, height: 860 }, phone: { width: 375, height: 780 } } as const;

/** What has focus, and whether a sticky bar hides it (WCAG 2.4.11): the element drawn at its centre must be it. */
function focusState(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { name: "body", hidden: true };
    const r = el.getBoundingClientRect();
    const x = Math.min(Math.max(r.left + r.width / 2, 0), window.innerWidth - 1);
    const y = Math.min(Math.max(r.top + r.height / 2, 0), window.innerHeight - 1);
    const top = document.elementFromPoint(x, y);
    const hidden = !top || !(top === el || el.contains(top) || top.contains(el) || (el.id !== "" && top.closest(`label[for="${el.id}"]`) !== null) || top.closest("label")?.contains(el) === true);
    const labelled = (el as HTMLInputElement).labels?.[0]?.textContent?.trim();
    const name = el.getAttribute("aria-label") || labelled || el.textContent?.trim().slice(0, 40) || el.tagName;
    return { name, hidden };
  });
}

/**
 * Tabs through the page, at most `stops` times, until focus leaves the page
 * after its last control: no stop is hidden under a sticky bar.
 */
async function walk(page: Page, stops: number) {
  const names: string[] = [];
  for (let i = 0; i < stops; i++) {
    await page.keyboard.press("Tab");
    const s = await focusState(page);
    if (s.name === "body" && names.length > 10) break; // past the last control: the browser's own UI is next
    expect(s.hidden, `stop ${i + 1} (${s.name}) is hidden or focus was lost`).toBe(false);
    names.push(s.name);
  }
  return names;
}

for (const [width, viewport] of Object.entries(WIDTHS)) {
  test(`keyboard only: the links page and the QR designer (${width})`, async ({ page, context }) => {
    test.setTimeout(180_000);
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.setViewportSize(viewport);
    await signUpOverHttp(page, newEmail("keys"), "Kai");
    await expectDashboard(page);
    const slug = workspaceSlug(page);

    // Create three links from the keyboard alone.
    for (const path of ["a", "b", "c"]) {
      await page.getByLabel("Paste a URL to shorten").focus();
      await page.keyboard.type(`https://example.com/${path}`);
      await page.keyboard.press("Enter");
      await expect(page.getByTestId("link-row")).toHaveCount(["a", "b", "c"].indexOf(path) + 1);
      await expect(page.getByLabel("Paste a URL to shorten")).toHaveValue("");
      await expect(page.getByRole("button", { name: "Shorten", exact: true })).toBeEnabled();
    }
    await page.goto(`/w/${slug}/links`);
    await page.locator("body").focus();
    const names = await walk(page, 120);
    expect(names[0]).toBe("Skip to content");
    expect(names).toContain("Paste a URL to shorten");

    // Select a row by keyboard: the bulk bar is reachable and says how many.
    await page.getByTestId("link-row").first().getByRole("checkbox").focus();
    await page.keyboard.press("Space");
    await expect(page.getByRole("region", { name: "Bulk actions" })).toContainText("1 link selected");
    let reached = false;
    for (let i = 0; i < 30 && !reached; i++) {
      await page.keyboard.press("Tab");
      reached = await page.getByRole("region", { name: "Bulk actions" }).evaluate((bar) => bar.contains(document.activeElement));
    }
    expect(reached).toBe(true);

    // The QR designer: the controls come before the preview's buttons.
    await page.goto(`/w/${slug}/qr/${await page.getByTestId("link-row").first().getAttribute("data-row-id")}`);
    await page.locator("main a").first().focus();
    const qr = await walk(page, 25);
    const colour = qr.findIndex((n) => /Foreground colour/i.test(n));
    const save = qr.findIndex((n) => /Save design|Saved/.test(n));
    expect(colour).toBeGreaterThanOrEqual(0);
    expect(save === -1 || colour < save).toBe(true);
    await page.getByRole("button", { name: "Save design" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByText("QR code saved")).toBeVisible();
    await expect(page.getByRole("button", { name: "Saved" })).toBeFocused();
  });
}
