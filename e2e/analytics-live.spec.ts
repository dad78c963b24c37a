import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { expectDashboard, newEmail, signUpOverHttp, workspaceSlug } from "./helpers";

// The live panel refreshes by itself; one link's view and one bio page's view.
// Screens go to /tmp/shots-analytics/ (desktop 1280 px and phone 375 px).
const DESKTOP = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
const WIDTHS = { desktop: { width: 1280, height: 900 }, phone: { width: 375, height: 800 } } as const;
const SHOTS = process.env.SHOTS_DIR ?? "/tmp/shots-analytics";

async function shots(page: Page, name: string) {
  for (const [label, size] of Object.entries(WIDTHS)) {
    await page.setViewportSize(size);
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${SHOTS}/${name}-${label}.png`, fullPage: true });
  }
  await page.setViewportSize(WIDTHS.desktop);
}

async function visit(request: APIRequestContext, path: string, ua: string, ip: string) {
  const res = await request.get(path, { headers: { "user-agent": ua, "x-forwarded-for": ip }, maxRedirects: 0 });
  expect(res.status()).toBeLessThan(400);
}

test("the live panel counts the last 30 minutes and refreshes by itself; a link's and a bio page's views", async ({ page, request, baseURL }) => {
  test.setTimeout(150_000);
  await signUpOverHttp(page, newEmail("live"), "Liv");
  await expectDashboard(page);
  const slug = workspaceSlug(page);
  const origin = { origin: baseURL! };

  await page.goto(`/w/${slug}/analytics`);
  await expect(page.getByTestId("live-panel")).toContainText("No clicks in the last 30 minutes.");
  await shots(page, "overview-empty");

  const created = await page.request.post(`/api/v1/links?workspace=${slug}`, { headers: origin, data: { url: "https://shop.example/launch", title: "Launch" } });
  expect(created.status()).toBe(201);
  const link = (await created.json()) as { id: string; slug: string };
  await visit(request, `/${link.slug}`, DESKTOP, "81.2.69.142");
  await visit(request, `/${link.slug}`, IPHONE, "5.9.10.10");

  await expect
    .poll(async () => {
      await page.goto(`/w/${slug}/analytics?range=24h`);
      const total = page.getByTestId("total-clicks");
      await total.or(page.getByText("No clicks in this period")).first().waitFor();
      return (await total.count()) ? total.textContent() : null;
    }, { timeout: 30_000 })
    .toBe("2");
  await expect(page.getByTestId("live-clicks")).toHaveText("2", { timeout: 20_000 });
  // A third click appears without reloading the page.
  await visit(request, `/${link.slug}`, IPHONE, "8.8.8.8");
  await expect(page.getByTestId("live-clicks")).toHaveText("3", { timeout: 40_000 });
  await expect(page.getByTestId("total-clicks")).toHaveText("2"); // the page itself was not reloaded
  await shots(page, "overview-live");

  await page.goto(`/w/${slug}/analytics?range=24h&linkId=${link.id}`);
  await expect(page.getByTestId("total-clicks")).toHaveText("3");
  await expect(page.getByTestId("live-clicks")).toHaveText("3", { timeout: 20_000 });
  await shots(page, "link-view");

  const handle = `live${Date.now().toString(36)}`;
  const bio = await page.request.post(`/api/v1/bio-pages?workspace=${slug}`, { headers: origin, data: { handle, title: "Liv's links" } });
  expect(bio.status()).toBe(201);
  const { id } = (await bio.json()) as { id: string };
  expect((await page.request.post(`/api/v1/bio-pages/${id}/publish?workspace=${slug}`, { headers: origin })).status()).toBeLessThan(300);
  await page.goto(`/w/${slug}/analytics?range=24h&bioPageId=${id}`);
  await expect(page.getByRole("heading", { name: "Bio page: Liv's links", level: 1 })).toBeVisible();
  await shots(page, "bio-page-view");
});
