import { readFile } from "node:fs/promises";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { decodePng } from "./decode-qr";
import { expectDashboard, newEmail, signUp, workspaceSlug } from "./helpers";

const DESKTOP = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
const ANDROID = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";
const GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
const IP = { GB: "81.2.69.142", US: "8.8.8.8", DE: "5.9.10.10", JP: "133.242.0.3" };
const WIDTHS = { desktop: { width: 1280, height: 900 }, phone: { width: 375, height: 800 } } as const;

async function visit(request: APIRequestContext, path: string, ua: string, ip: string, referer?: string) {
  const res = await request.get(path, { headers: { "user-agent": ua, "x-forwarded-for": ip, ...(referer ? { referer } : {}) }, maxRedirects: 0 });
  expect(res.status()).toBe(302);
}

async function shots(page: Page, name: string) {
  for (const [label, size] of Object.entries(WIDTHS)) {
    await page.setViewportSize(size);
    await page.waitForTimeout(300);
    await page.screenshot({ path: `screenshots/${name}-${label}.png`, fullPage: true });
  }
  await page.setViewportSize(WIDTHS.desktop);
}

test("a campaign's visitors show up in its dashboard: totals, a designed QR code's scan, countries, social media vs networks, filters in the URL, CSV, the QR code's, channel's and tag's views, a shared report", async ({ page, request, browser, baseURL }) => {
  test.setTimeout(300_000); // a long journey (sign-up, traffic, four views, screenshots, CSV, a shared report) on a shared machine
  await signUp(page, newEmail("stats"), "Stella");
  await expectDashboard(page);
  const slug = workspaceSlug(page);

  await page.goto(`/w/${slug}/analytics`);
  await expect(page.getByText("No clicks in this period")).toBeVisible();
  await shots(page, "analytics-empty");

  await page.goto(`/w/${slug}/campaigns`);
  await page.getByLabel("Name", { exact: true }).fill("Spring Sale");
  await page.getByRole("button", { name: "Create campaign" }).click();
  await expect(page.getByRole("heading", { name: "Spring Sale", level: 1 })).toBeVisible();
  const campaignId = /\/campaigns\/([^/?#]+)/.exec(page.url())![1]!;
  await page.getByLabel("Destination URL").fill("https://shop.example/spring");
  for (const name of ["Facebook", "LinkedIn"]) await page.getByRole("checkbox", { name }).check();
  await page.getByRole("button", { name: "Create links" }).click();
  await expect(page.getByTestId("link-set-result").getByTestId("link-set-item")).toHaveCount(2);

  const links = (await (await page.request.get(`/api/v1/links?workspace=${slug}&campaignId=${campaignId}`)).json()) as { data: { id: string; slug: string; utm: { source: string | null } }[] };
  const fbLink = links.data.find((l) => l.utm.source === "facebook")!;
  const fb = fbLink.slug;
  const li = links.data.find((l) => l.utm.source === "linkedin")!.slug;

  // The Facebook link's QR code for the flyer: designed, saved, downloaded, and read back from its pixels.
  await page.goto(`/w/${slug}/qr/${fbLink.id}`);
  await page.getByLabel("Foreground colour", { exact: true }).fill("#14532d");
  await page.getByRole("button", { name: "Save design" }).click();
  await expect(page.getByText("QR code saved")).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download PNG" }).click()]);
  const decoded = await decodePng(await readFile((await download.path())!));
  expect(decoded).toMatch(new RegExp(`/${fb}\\?qr=1$`));
  const scanned = new URL(decoded!);

  await visit(request, `/${fb}`, DESKTOP, IP.GB, "https://l.facebook.com/l.php?u=x");
  await visit(request, `/${fb}`, IPHONE, IP.DE, "https://lm.facebook.com/");
  await visit(request, `/${fb}`, IPHONE, IP.DE, "https://lm.facebook.com/");
  await visit(request, `${scanned.pathname}${scanned.search}`, ANDROID, IP.DE); // a phone in Germany scans the flyer
  await visit(request, `/${li}`, ANDROID, IP.US, "https://lnkd.in/abc");
  await visit(request, `/${li}`, DESKTOP, IP.JP);
  await visit(request, `/${li}`, GOOGLEBOT, IP.US);

  const dashboard = `/w/${slug}/analytics?campaignId=${campaignId}&range=7d`;
  await expect
    .poll(async () => {
      await page.goto(dashboard);
      const total = page.getByTestId("total-clicks");
      // Before the first click is stored the view shows its empty state instead.
      await total.or(page.getByText("No clicks in this period")).first().waitFor();
      return (await total.count()) ? total.textContent() : null;
    }, { timeout: 20_000 })
    .toBe("6");
  await expect(page.getByRole("heading", { name: "Campaign: Spring Sale", level: 1 })).toBeVisible();
  await expect(page.getByTestId("total-uniques")).toHaveText("5");
  await expect(page.getByTestId("total-scans")).toHaveText("1");
  await expect(page.getByTestId("period-caption")).toContainText("UTC · bots excluded");

  // A click without a referrer (the QR scan, the Japanese visit) still counts for the platform its link was tagged for (utm_source).
  const compare = page.getByTestId("platform-compare");
  await expect(compare.getByRole("row", { name: /Social media/ })).toHaveText(/^Social media\s*4\s*3\s*66\.7\s*%/);
  await expect(compare.getByRole("row", { name: /Social network/ })).toHaveText(/^Social network\s*2\s*2\s*33\.3\s*%/);
  await expect(compare.getByRole("row", { name: /No social platform/ })).toHaveCount(0);
  await expect(compare.getByRole("row", { name: /Facebook/ })).toContainText("4");
  await expect(page.getByTestId("panel-utm_source").getByRole("row", { name: /facebook/ })).toContainText("4");
  await expect(page.getByTestId("panel-utm_source").getByRole("row", { name: /linkedin/ })).toContainText("2");
  await expect(page.getByTestId("panel-country").getByRole("row", { name: /Germany/ })).toContainText("3");
  await shots(page, "analytics-campaign");

  await page.getByTestId("panel-country").getByRole("link", { name: "Germany" }).click();
  await expect(page).toHaveURL(/[?&]country=DE(&|$)/);
  await expect(page.getByTestId("total-clicks")).toHaveText("3");
  await expect(page.getByTestId("total-uniques")).toHaveText("2");
  await expect(page.getByRole("list", { name: "Filters" })).toContainText("Germany");

  await page.goto(`${dashboard}&bots=include`);
  await expect(page.getByTestId("total-clicks")).toHaveText("7");
  await expect(page.getByTestId("period-caption")).toContainText("bots included");

  const csv = await page.request.get(`/w/${slug}/analytics/export?campaignId=${campaignId}&range=7d`);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const lines = (await csv.text()).replace(/^\uFEFF/, "").trim().split("\r\n");
  expect(lines[0]).not.toContain("visitorHash");
  expect(lines[0]).toContain("country");
  expect(lines).toHaveLength(7);
  const byCountry = await (await page.request.get(`/w/${slug}/analytics/export?campaignId=${campaignId}&range=7d&groupBy=country`)).text();
  expect(byCountry).toContain("DE,Germany,3,2");

  await page.goto(`/w/${slug}/analytics?range=7d`);
  await expect(page.getByTestId("total-clicks")).toHaveText("6");
  await shots(page, "analytics-overview");

  // The QR code's own view, from its designer: its scan only.
  await page.goto(`/w/${slug}/qr/${fbLink.id}`);
  await page.getByTestId("qr-analytics").click();
  await expect(page).toHaveURL(new RegExp(`[?&]qrId=${fbLink.id}(&|$)`));
  await expect(page.getByRole("heading", { name: /^QR code: /, level: 1 })).toBeVisible();
  await expect(page.getByTestId("total-clicks")).toHaveText("1");
  await expect(page.getByTestId("total-scans")).toHaveText("1");
  await shots(page, "analytics-qr");

  // The Facebook channel's view, from Settings → Channels: both of its link's triggers.
  await page.goto(`/w/${slug}/settings/channels`);
  await page.getByRole("link", { name: "Analytics of Facebook" }).click();
  await expect(page.getByRole("heading", { name: "Channel: Facebook", level: 1 })).toBeVisible();
  await expect(page.getByTestId("total-clicks")).toHaveText("4");
  await expect(page.getByTestId("total-scans")).toHaveText("1");
  await shots(page, "analytics-channel");

  // A tag given to the link afterwards: its view counts the link's clicks, from the links list filtered by it.
  const tagged = await page.request.patch(`/api/v1/links/${fbLink.id}?workspace=${slug}`, { headers: { origin: baseURL! }, data: { tags: ["flyer"] } });
  expect(tagged.status()).toBe(200);
  await page.goto(`/w/${slug}/links?tag=flyer`);
  await expect(page.getByTestId("link-row")).toHaveCount(1);
  await shots(page, "links-tag-filter");
  await page.getByRole("link", { name: "Analytics of “flyer”" }).click();
  await expect(page.getByRole("heading", { name: "Tag: flyer", level: 1 })).toBeVisible();
  await expect(page.getByTestId("total-clicks")).toHaveText("4");
  await expect(page.getByTestId("total-uniques")).toHaveText("3");
  await shots(page, "analytics-tag");

  // A read-only report for the agency's client, opened signed out, then revoked.
  await page.goto(dashboard);
  await page.getByRole("button", { name: "Create a report link" }).click();
  const shareUrl = await page.getByTestId("share-url").getByRole("textbox").inputValue();
  expect(shareUrl).toMatch(/\/share\/[A-Za-z0-9_-]{20,}$/);
  const stranger = await browser.newContext({ baseURL });
  const reader = await stranger.newPage();
  await reader.goto(new URL(shareUrl).pathname);
  await expect(reader.getByRole("heading", { name: "Spring Sale", level: 1 })).toBeVisible();
  await expect(reader.getByTestId("total-clicks")).toHaveText("6");
  await expect(reader.getByRole("link", { name: "Whole workspace" })).toHaveCount(0);
  await expect(reader.getByTestId("export-clicks")).toHaveCount(0);
  // Another campaign's id in the URL does not widen the report.
  await reader.goto(`${new URL(shareUrl).pathname}?campaignId=nope&linkId=nope`);
  await expect(reader.getByTestId("total-clicks")).toHaveText("6");
  await shots(reader, "analytics-shared");
  await page.reload();
  await page.getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByRole("button", { name: "Revoke" })).toHaveCount(0);
  expect((await reader.goto(new URL(shareUrl).pathname))?.status()).toBe(404);
  await stranger.close();
});
