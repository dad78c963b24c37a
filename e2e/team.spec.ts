import { expect, test } from "@playwright/test";
import { confirmSignUp, expectDashboard, newEmail, signUp, signUpOverHttp, submitSignUp, workspaceSlug } from "./helpers";

test("an invited teammate joins as viewer and is refused admin actions", async ({ page, browser }) => {
  test.setTimeout(120_000); // two sign-ups, an invitation and the refusals, on a shared machine
  await signUp(page, newEmail("owner"), "Olive");
  await expectDashboard(page);
  const slug = workspaceSlug(page);

  const viewerEmail = newEmail("vic");
  await page.goto(`/w/${slug}/settings/members`);
  await page.getByLabel("Email").fill(viewerEmail);
  await page.getByLabel("Role").selectOption("viewer");
  await page.getByRole("button", { name: "Invite" }).click();
  const link = await page.getByTestId("invitation-link").inputValue();
  expect(link).toMatch(/\/invite\/[\w-]+$/);
  await page.reload();
  await expect(page.getByTestId("invitation-row").filter({ hasText: viewerEmail })).toContainText("viewer");

  // The invitee opens the link, creates an account from it, and joins.
  const ctx = await browser.newContext();
  const vic = await ctx.newPage();
  await vic.goto(link);
  await expect(vic.getByRole("heading", { name: /Join Olive's workspace/ })).toBeVisible();
  await vic.getByRole("link", { name: "Create an account to join" }).click();
  await submitSignUp(vic, viewerEmail, "Vic");
  // The confirmation link from the mail brings the invitee back to the invitation, signed in.
  await confirmSignUp(vic, viewerEmail);
  await expect(vic).toHaveURL(/\/invite\//);
  await vic.getByRole("button", { name: "Join Olive's workspace" }).click();
  await expect(vic).toHaveURL(new RegExp(`/w/${slug}/links$`));
  await expect(vic.getByRole("button", { name: /Workspace: Olive's workspace/ }).first()).toContainText("viewer");

  // The link works once.
  await vic.goto(link);
  await expect(vic.getByText("This invitation has already been used.")).toBeVisible();

  // The owner sees the new member.
  await page.reload();
  await expect(page.getByTestId("member-row").filter({ hasText: viewerEmail })).toBeVisible();

  // A viewer sees no admin controls, and the server refuses the actions themselves.
  await vic.goto(`/w/${slug}/settings/members`);
  await expect(vic.getByTestId("member-row").first()).toBeVisible();
  await expect(vic.getByRole("button", { name: "Invite" })).toHaveCount(0);
  await vic.goto(`/w/${slug}/settings`);
  await expect(vic.getByLabel("Workspace name")).toBeDisabled();
  const keys = await vic.goto(`/w/${slug}/settings/api-keys`);
  expect(keys?.status()).toBe(403);
  await expect(vic.getByRole("heading", { name: "You can't open this page" })).toBeVisible();
  const rename = await vic.request.patch(`/api/v1/workspaces/${slug}`, { data: { name: "Hijacked" }, headers: { origin: new URL(vic.url()).origin } });
  expect(rename.status()).toBe(403);
  expect((await rename.json()).error.code).toBe("forbidden");
  const still = await page.request.get(`/api/v1/workspaces/${slug}`);
  expect((await still.json()).name).toBe("Olive's workspace");
  await ctx.close();
});

test("an admin creates an API key that acts for its workspace only", async ({ page, request }) => {
  await signUpOverHttp(page, newEmail("kim"), "Kim");
  await expectDashboard(page);
  const slug = workspaceSlug(page);
  await page.goto(`/w/${slug}/settings/api-keys`);
  await expect(page.getByText("No API keys yet")).toBeVisible();
  await page.getByLabel("Name").fill("CRM sync");
  await page.getByRole("button", { name: "Create key" }).click();
  const key = await page.getByTestId("api-key").inputValue();
  expect(key).toMatch(/^pnt_/);

  const mine = await request.get(`/api/v1/workspaces/${slug}`, { headers: { Authorization: `Bearer ${key}` } });
  expect(mine.status()).toBe(200);
  expect(await mine.json()).toMatchObject({ slug, role: "member" });
  const bad = await request.get(`/api/v1/workspaces/${slug}`, { headers: { Authorization: "Bearer pnt_wrong" } });
  expect(bad.status()).toBe(401);

  await page.reload();
  await page.getByTestId("api-key-row").getByRole("button", { name: "Revoke" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Revoke key" }).click();
  await expect(page.getByText("No API keys yet")).toBeVisible();
  const revoked = await request.get(`/api/v1/workspaces/${slug}`, { headers: { Authorization: `Bearer ${key}` } });
  expect(revoked.status()).toBe(401);
});
