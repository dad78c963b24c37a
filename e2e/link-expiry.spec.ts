import { expect, test } from "@playwright/test";
import { createApiKey, signedUpPage } from "./helpers";

// Past expiry dates over real HTTP: refused for a new link, while an expired link stays editable.

test("the API refuses a past expiresAt with 422 on the field, and lets an expired link be edited", async ({ browser, request }, info) => {
  const { context, page, slug } = await signedUpPage(browser, info.project.use.baseURL!, "Exp");
  const key = await createApiKey(page, slug, "Expiry check");
  const headers = { Authorization: `Bearer ${key}` };

  const refused = await request.post("/api/v1/links", { headers, data: { url: "https://example.com/", expiresAt: "2021-01-01T00:00:00Z" } });
  expect(refused.status()).toBe(422);
  const { error } = await refused.json();
  expect(error.details.fields).toEqual({ expiresAt: "Choose an expiry date and time in the future." });

  // An expiry a second away: by the time it is edited, the link has expired.
  const soon = new Date(Date.now() + 1500).toISOString();
  const created = await request.post("/api/v1/links", { headers, data: { url: "https://example.com/soon", expiresAt: soon } });
  expect(created.status()).toBe(201);
  const link = await created.json();
  await expect.poll(async () => (await request.get(`/${link.slug}`, { maxRedirects: 0 })).status(), { timeout: 10_000 }).toBe(410);
  const edited = await request.patch(`/api/v1/links/${link.id}`, { headers, data: { title: "Still editable", expiresAt: link.expiresAt } });
  expect(edited.status(), await edited.text()).toBe(200);
  expect(await edited.json()).toMatchObject({ title: "Still editable", expiresAt: link.expiresAt });
  const pushedBack = await request.patch(`/api/v1/links/${link.id}`, { headers, data: { expiresAt: "2022-06-01T00:00:00Z" } });
  expect(pushedBack.status()).toBe(422);
  await context.close();
});
