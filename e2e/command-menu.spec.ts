import { expect, test } from "@playwright/test";
import { expectDashboard, newEmail, signUpOverHttp, workspaceSlug } from "./helpers";

// The command menu, by keyboard only, at desktop and phone width: create a
// link from a pasted address, jump to a campaign by name, switch workspace.
const WIDTHS = { desktop: { width: 1280, height: 860 }, phone: { width: 375, height: 780 } } as const;

for (const [width, viewport] of Object.entries(WIDTHS)) {
  test(`command menu: create a link, jump to a campaign, switch workspace (${width})`, async ({ page, context }) => {
    test.setTimeout(120_000);
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.setViewportSize(viewport);
    await signUpOverHttp(page, newEmail("cmdk"), "Kim");
    await expectDashboard(page);
    const home = workspaceSlug(page);

    // A second workspace to switch to, and a campaign to find.
    await page.goto("/workspaces/new");
    await page.getByLabel("Workspace name").fill(`Side project ${width}`);
    await page.getByRole("button", { name: "Create workspace" }).click();
    await expectDashboard(page);
    const side = workspaceSlug(page);
    await page.goto(`/w/${home}/campaigns`);
    await page.getByLabel("Name", { exact: true }).fill("Winter Launch");
    await page.getByRole("button", { name: "Create campaign" }).click();
    await expect(page.getByRole("heading", { name: "Winter Launch", level: 1 })).toBeVisible();
    const campaignPath = new URL(page.url()).pathname;

    // The header says how to open it.
    await page.goto(`/w/${home}/links`);
    await expect(page.getByRole("button", { name: /Search or jump to… \((⌘K|Ctrl K)\)/ })).toBeVisible();

    // Paste a URL, Enter: created, copied, said, and in the list.
    await page.keyboard.press("ControlOrMeta+k");
    const menu = page.getByRole("dialog", { name: "Command menu" });
    await expect(menu).toBeVisible();
    const box = menu.getByRole("combobox");
    await expect(box).toBeFocused();
    await box.fill("https://shop.example/from-the-menu");
    await expect(menu.getByRole("option", { selected: true })).toContainText("Create a short link to https://shop.example/from-the-menu");
    await page.keyboard.press("Enter");
    await expect(menu).toBeHidden();
    const toast = page.locator("[data-sonner-toast]").filter({ hasText: "Short link copied" });
    await expect(toast).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^http:\/\/localhost:\d+\/[A-Za-z0-9_-]+$/);
    await expect(page.getByTestId("link-row").filter({ hasText: "shop.example/from-the-menu" })).toHaveCount(1);

    // An address that is not one is refused in the menu, with the reason.
    await page.keyboard.press("ControlOrMeta+k");
    await box.fill("https://user:secret@shop.example/private");
    await page.keyboard.press("Enter");
    await expect(menu.getByRole("alert")).toBeVisible();
    await expect(box).toHaveAttribute("aria-invalid", "true");
    await page.keyboard.press("Escape");
    await expect(menu).toBeHidden();

    // Jump to a campaign by name, from another section.
    await page.goto(`/w/${home}/settings`);
    await page.keyboard.press("ControlOrMeta+k");
    await box.fill("winter");
    const hit = menu.getByRole("option", { name: /Winter Launch/ });
    await expect(hit).toBeVisible();
    // Arrow keys move the choice; Enter takes it.
    while ((await hit.getAttribute("aria-selected")) !== "true") await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`${campaignPath}$`));
    await expect(page.getByRole("heading", { name: "Winter Launch", level: 1 })).toBeVisible();

    // Go to a section by name.
    await page.keyboard.press("ControlOrMeta+k");
    await box.fill("domains");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/w/${home}/settings/domains$`));

    // The other shortcuts, written down in the app.
    await page.goto(`/w/${home}/links`);
    await page.keyboard.press("?");
    const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await expect(help).toBeVisible();
    await expect(help.getByRole("row", { name: /New link/ })).toContainText("c");
    await page.keyboard.press("Escape");
    await expect(help).toBeHidden();
    await page.keyboard.press("/");
    await expect(page.getByRole("searchbox")).toBeFocused();
    await page.getByRole("searchbox").blur();
    await page.keyboard.press("c");
    await expect(page).toHaveURL(new RegExp(`/w/${home}/links/new$`));

    // Switch workspace.
    await page.keyboard.press("ControlOrMeta+k");
    await box.fill("side proj");
    await expect(menu.getByRole("option", { selected: true })).toContainText(`Side project ${width}`);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/w/${side}/links$`));
    await expect(page.getByTestId("workspace-name").first()).toHaveText(`Side project ${width}`);
  });
}
