import { expect, test } from "@playwright/test";
import { expectDashboard, newEmail, signUpOverHttp, workspaceSlug } from "./helpers";

test("a campaign with UTM defaults gets a Facebook + LinkedIn + Newsletter link set from its page", async ({ page }) => {
  await signUpOverHttp(page, newEmail("camp"), "Cam");
  await expectDashboard(page);
  const slug = workspaceSlug(page);

  await page.goto(`/w/${slug}/campaigns`);
  await expect(page.getByText("No campaigns yet")).toBeVisible();
  await page.getByLabel("Name", { exact: true }).fill("Spring Sale");
  await page.getByLabel("Starts").fill("2026-03-01");
  await page.getByLabel("Ends").fill("2026-02-01");
  await page.getByLabel("utm_content").fill("hero");
  await page.getByRole("button", { name: "Create campaign" }).click();
  await expect(page.getByText("The end must come after the start.")).toBeVisible();
  await page.getByLabel("Ends").fill("2026-03-31");
  await page.getByRole("button", { name: "Create campaign" }).click();

  await expect(page.getByRole("heading", { name: "Spring Sale", level: 1 })).toBeVisible();
  await expect(page.getByText("Mar 1, 2026 – Mar 31, 2026")).toBeVisible();
  await expect(page.getByText("utm_content=hero")).toBeVisible();

  await page.getByLabel("Destination URL").fill("https://shop.example/spring");
  for (const name of ["Facebook", "LinkedIn", "Newsletter"]) await page.getByRole("checkbox", { name }).check();
  await page.getByRole("button", { name: "Create links" }).click();

  const result = page.getByTestId("link-set-result");
  await expect(result.getByTestId("link-set-item")).toHaveCount(3);
  await expect(result.getByTestId("final-url")).toHaveText([
    "→ https://shop.example/spring?utm_source=facebook&utm_medium=social&utm_campaign=spring-sale&utm_content=hero",
    "→ https://shop.example/spring?utm_source=linkedin&utm_medium=social&utm_campaign=spring-sale&utm_content=hero",
    "→ https://shop.example/spring?utm_source=newsletter&utm_medium=email&utm_campaign=spring-sale&utm_content=hero",
  ]);
  await expect(result.getByRole("button", { name: /Copy Short link for/ })).toHaveCount(3);

  // The campaign's own list shows them after a reload, with clicks so far.
  await page.reload();
  await expect(page.getByTestId("campaign-link")).toHaveCount(3);
  await expect(page.getByTestId("campaign-link-count")).toHaveText("3");
  await expect(page.getByTestId("campaign-link").filter({ hasText: "Spring Sale · LinkedIn" })).toContainText("0 clicks");

  // The list of campaigns counts them; the API answers the same.
  await page.goto(`/w/${slug}/campaigns`);
  await expect(page.getByTestId("campaign-row").filter({ hasText: "Spring Sale" })).toContainText("3");
  const api = await page.request.get(`/api/v1/campaigns?workspace=${slug}`);
  expect(api.status()).toBe(200);
  expect((await api.json()).data).toMatchObject([{ name: "Spring Sale", linkCount: 3, clicks: 0 }]);
  // A signed-in write from the app's own pages, as the browser sends it (with its Origin).
  const dupe = await page.request.post(`/api/v1/campaigns?workspace=${slug}`, { data: { name: "Spring Sale" }, headers: { origin: new URL(page.url()).origin } });
  expect(dupe.status()).toBe(409);
  expect((await dupe.json()).error.code).toBe("conflict");

  // Rename it, then delete it: its links stay, in no campaign.
  await page.getByTestId("campaign-row").filter({ hasText: "Spring Sale" }).getByRole("link").click();
  await page.getByRole("button", { name: "Edit campaign" }).click();
  await page.getByLabel("Name", { exact: true }).fill("Spring Sale 2026");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { name: "Spring Sale 2026", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Delete campaign" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText("Its 3 links keep working");
  await dialog.getByRole("button", { name: "Delete campaign" }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${slug}/campaigns$`));
  await expect(page.getByText("No campaigns yet")).toBeVisible();
});

test("a workspace changes how Facebook counts in Settings → Channels", async ({ page }) => {
  await signUpOverHttp(page, newEmail("chan"), "Chan");
  await expectDashboard(page);
  const slug = workspaceSlug(page);

  await page.goto(`/w/${slug}/settings/channels`);
  await expect(page.getByTestId("facebook-explanation")).toContainText("counts it as social media by default");
  const kind = page.getByLabel("Kind of Facebook");
  await expect(kind).toHaveValue("social_media");
  await expect(page.getByLabel("Kind of LinkedIn")).toHaveValue("social_network");
  await kind.selectOption("social_network");
  await expect(page.getByText("1 unsaved change")).toBeVisible();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved 1 channel")).toBeVisible();

  await page.reload();
  await expect(page.getByLabel("Kind of Facebook")).toHaveValue("social_network");
  await expect(page.getByTestId("channel-row")).toHaveCount(15);

  // The API: a viewer's key may read channels but not change them; a bad kind is the caller's mistake (422).
  const facebookId = ((await (await page.request.get(`/api/v1/channels?workspace=${slug}`)).json()).data as { key: string; id: string }[]).find((c) => c.key === "facebook")!.id;
  const invalid = await page.request.patch(`/api/v1/channels/${facebookId}?workspace=${slug}`, { data: { kind: "carrier_pigeon" }, headers: { origin: new URL(page.url()).origin } });
  expect(invalid.status()).toBe(422);
  expect((await invalid.json()).error.code).toBe("validation_failed");
  await page.goto(`/w/${slug}/settings/api-keys`);
  await page.getByLabel("Name").fill("Read-only dashboard");
  await page.getByLabel("Acts as").selectOption("viewer");
  await page.getByRole("button", { name: "Create key" }).click();
  const key = await page.getByTestId("api-key").inputValue();
  const headers = { authorization: `Bearer ${key}` };
  const list = await page.request.get("/api/v1/channels", { headers });
  expect(list.status()).toBe(200);
  expect((await list.json()).data).toHaveLength(15);
  const refused = await page.request.patch(`/api/v1/channels/${facebookId}`, { headers, data: { kind: "social_media" } });
  expect(refused.status()).toBe(403);
});

test("a campaign's dates are days in the workspace's time zone: entered, shown, edited and read by the API", async ({ page }) => {
  await signUpOverHttp(page, newEmail("camp-tz"), "Tess");
  await expectDashboard(page);
  const slug = workspaceSlug(page);
  await page.goto(`/w/${slug}/settings`);
  await page.getByLabel("Time zone").selectOption("America/Los_Angeles");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Workspace saved")).toBeVisible();

  await page.goto(`/w/${slug}/campaigns`);
  await page.getByLabel("Name", { exact: true }).fill("West Coast Sale");
  await page.getByLabel("Starts").fill("2026-03-01");
  await page.getByLabel("Ends").fill("2026-03-31");
  await expect(page.getByText("At 00:00, America/Los_Angeles time")).toBeVisible();
  await page.getByRole("button", { name: "Create campaign" }).click();
  await expect(page.getByRole("heading", { name: "West Coast Sale", level: 1 })).toBeVisible();
  await expect(page.getByText("Mar 1, 2026 – Mar 31, 2026")).toBeVisible();

  // Stored as that zone's first and last moments of those days.
  const id = /\/campaigns\/([^/?#]+)/.exec(page.url())![1]!;
  const api = (await (await page.request.get(`/api/v1/campaigns/${id}?workspace=${slug}`)).json()) as { startsAt: string; endsAt: string };
  expect(api.startsAt).toBe("2026-03-01T08:00:00.000Z");
  expect(api.endsAt).toBe("2026-04-01T06:59:59.000Z");

  // The edit form shows the same days, and the list the same dates.
  await page.getByRole("button", { name: "Edit campaign" }).click();
  await expect(page.getByLabel("Starts")).toHaveValue("2026-03-01");
  await expect(page.getByLabel("Ends")).toHaveValue("2026-03-31");
  await page.goto(`/w/${slug}/campaigns`);
  await expect(page.getByTestId("campaign-row").filter({ hasText: "West Coast Sale" })).toContainText("Mar 1, 2026 – Mar 31, 2026");
});
