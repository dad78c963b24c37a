import { expect, test } from "@playwright/test";
import { expectDashboard, newEmail, signUpOverHttp, workspaceSlug } from "./helpers";

test("create a second workspace, switch between them, rename one", async ({ page }) => {
  await signUpOverHttp(page, newEmail("fay"), "Fay");
  await expectDashboard(page);
  const personal = workspaceSlug(page);

  await page.getByRole("button", { name: /Switch workspace/ }).first().click();
  await page.getByRole("menuitem", { name: "New workspace" }).click();
  await page.getByLabel("Workspace name").fill("Spring Launch");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expectDashboard(page);
  const launch = workspaceSlug(page);
  expect(launch).toMatch(/^spring-launch/);
  await expect(page.getByRole("button", { name: /Workspace: Spring Launch/ }).first()).toBeVisible();

  await page.getByRole("button", { name: /Switch workspace/ }).first().click();
  await page.getByRole("menuitem", { name: "Fay's workspace" }).click();
  // A server render on a loaded machine (CI runs three servers and browsers on two cores) may take more than the usual 10 s.
  await expect(page).toHaveURL(new RegExp(`/w/${personal}/links$`), { timeout: 30_000 });

  // /dashboard remembers the workspace opened last.
  await page.goto("/dashboard");
  await expect(page).toHaveURL(new RegExp(`/w/${personal}/links$`));

  await page.goto(`/w/${launch}/settings`);
  await page.getByLabel("Workspace name").fill("Summer Launch");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Workspace saved")).toBeVisible();
  await expect(page.getByRole("button", { name: /Workspace: Summer Launch/ }).first()).toBeVisible();
});

test("deleting a workspace needs its URL typed, then it is gone", async ({ page }) => {
  await signUpOverHttp(page, newEmail("gus"), "Gus");
  await expectDashboard(page);
  await page.goto("/workspaces/new");
  await page.getByLabel("Workspace name").fill("Short lived");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expectDashboard(page);
  const slug = workspaceSlug(page);

  await page.goto(`/w/${slug}/settings`);
  await page.getByRole("button", { name: "Delete workspace" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog.getByRole("button", { name: "Delete forever" })).toBeDisabled();
  await dialog.getByLabel("Workspace URL").fill(slug);
  await dialog.getByRole("button", { name: "Delete forever" }).click();
  await expectDashboard(page);
  expect(workspaceSlug(page)).not.toBe(slug);
  const res = await page.goto(`/w/${slug}/links`);
  expect(res?.status()).toBe(404);
});

test("another user's workspace answers 404, in pages and in the API", async ({ page, browser }) => {
  await signUpOverHttp(page, newEmail("hal"), "Hal");
  await expectDashboard(page);
  const halSlug = workspaceSlug(page);

  const other = await browser.newContext();
  const mal = await other.newPage();
  await signUpOverHttp(mal, newEmail("mal"), "Mal");
  await expectDashboard(mal);
  const page404 = await mal.goto(`/w/${halSlug}/settings`);
  expect(page404?.status()).toBe(404);
  await expect(mal.getByRole("heading", { name: "Page not found" })).toBeVisible();

  const api = await mal.request.get(`/api/v1/workspaces/${halSlug}`);
  expect(api.status()).toBe(404);
  expect(await api.json()).toEqual({ error: { code: "not_found", message: "Workspace not found" } });
  const missing = await mal.request.get(`/api/v1/workspaces/no-such-workspace-here`);
  expect(await missing.json()).toEqual(await api.json());
  const patch = await mal.request.patch(`/api/v1/workspaces/${halSlug}`, { data: { name: "Owned" }, headers: { origin: new URL(mal.url()).origin } });
  expect(patch.status()).toBe(404);
  await other.close();
});
