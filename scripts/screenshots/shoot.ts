import type { Page } from "@playwright/test";

export const WIDTHS = { desktop: { width: 1280, height: 860 }, phone: { width: 375, height: 780 } } as const;

/** Saves screenshots/<name>-desktop.png and screenshots/<name>-phone.png (full page). */
export async function shoot(page: Page, name: string) {
  for (const [label, size] of Object.entries(WIDTHS)) {
    await page.setViewportSize(size);
    await page.waitForTimeout(150);
    await page.screenshot({ path: `screenshots/${name}-${label}.png`, fullPage: true });
  }
}
