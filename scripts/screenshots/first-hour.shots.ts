import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { presetTheme } from "@/lib/bio-pages/themes";
import { shoot, WIDTHS } from "./shoot";
import { confirmSignUp } from "../../e2e/helpers";

test("screenshots of the account page, domain status and a new QR code", async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Ana Marketer");
  const signUpEmail = `shots-${randomBytes(3).toString("hex")}@example.com`;
  await page.getByLabel("Email").fill(signUpEmail);
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByRole("button", { name: "Create account" }).click();
  await confirmSignUp(page, signUpEmail);
  await page.waitForURL(/\/w\/[a-z0-9-]+\/links$/);
  const slug = /\/w\/([a-z0-9-]+)\//.exec(page.url())![1]!;

  await page.goto("/account");
  await shoot(page, "account");

  await page.goto(`/w/${slug}/links`);
  await page.getByRole("button", { name: "Account menu" }).click();
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.screenshot({ path: "screenshots/account-menu-desktop.png" });
  await page.keyboard.press("Escape");

  await page.goto(`/w/${slug}/qr`);
  await shoot(page, "qr-empty");
  await page.goto(`/w/${slug}/qr/new`);
  await shoot(page, "qr-new-empty");
  for (const u of ["https://shop.example/spring-sale", "https://shop.example/poster-campaign-2026"]) {
    await page.goto(`/w/${slug}/links`);
    await page.getByLabel("Paste a URL to shorten").fill(u);
    await page.keyboard.press("Enter");
    await page.getByText(u.replace("https://", "")).first().waitFor();
  }
  await page.goto(`/w/${slug}/qr/new`);
  await shoot(page, "qr-new");

  await page.goto(`/w/${slug}/settings/domains`);
  for (const h of ["go.brand.invalid", "links.brand.invalid"]) {
    await page.getByLabel("Domain").fill(h);
    await page.getByRole("button", { name: "Add domain" }).click();
    await page.getByTestId("domain-row").filter({ hasText: h }).waitFor();
  }
  await page.getByRole("button", { name: "Check the DNS of go.brand.invalid again" }).click();
  await page.getByText("Not pointing here").waitFor();
  await shoot(page, "domains-status");

  // Links with data, the command menu and the shortcuts, at both widths.
  await page.goto(`/w/${slug}/links`);
  await shoot(page, "links-full");
  for (const [label, size] of Object.entries(WIDTHS)) {
    await page.setViewportSize(size);
    await page.keyboard.press("ControlOrMeta+k");
    await page.getByRole("combobox").fill("spring");
    await page.getByRole("option", { name: /spring-sale/ }).first().waitFor();
    await page.screenshot({ path: `screenshots/command-menu-${label}.png` });
    await page.getByRole("combobox").fill("https://shop.example/new");
    await page.screenshot({ path: `screenshots/command-menu-create-${label}.png` });
    await page.keyboard.press("Escape");
    await page.keyboard.press("?");
    await page.getByRole("dialog", { name: "Keyboard shortcuts" }).waitFor();
    await page.screenshot({ path: `screenshots/shortcuts-${label}.png` });
    await page.keyboard.press("Escape");
  }

  // The QR designer, the list with codes, CSV import and channels.
  const linkId = await page.getByTestId("link-row").first().getAttribute("data-row-id");
  await page.goto(`/w/${slug}/qr/${linkId}`);
  await page.getByTestId("qr-preview").waitFor();
  await shoot(page, "qr-designer");
  await page.getByRole("button", { name: /Save design/ }).click();
  await page.getByRole("button", { name: "Saved" }).waitFor();
  await page.goto(`/w/${slug}/qr`);
  await shoot(page, "qr-list");
  await page.goto(`/w/${slug}/links/import`);
  await shoot(page, "csv-import");
  await page.goto(`/w/${slug}/settings/channels`);
  await shoot(page, "channels");
  await page.goto(`/w/${slug}/settings/api-keys`);
  await shoot(page, "api-keys");
});

const DESKTOP_UA = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const PHONE_UA = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
const VISITORS = [
  { ua: DESKTOP_UA, ip: "81.2.69.142", referer: "https://l.facebook.com/l.php?u=x" },
  { ua: PHONE_UA, ip: "5.9.10.10", referer: "https://lnkd.in/abc" },
  { ua: PHONE_UA, ip: "8.8.8.8", referer: "https://www.instagram.com/" },
  { ua: DESKTOP_UA, ip: "133.242.0.3" },
];

test("screenshots of the pages that changed lately: links, forms, import, settings, campaigns, analytics and bio pages", async ({ page }) => {
  test.setTimeout(420_000);
  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Ana Marketer");
  await page.getByLabel("Email").fill(`shots-${randomBytes(3).toString("hex")}@example.com`);
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(/\/w\/[a-z0-9-]+\/links$/);
  const slug = /\/w\/([a-z0-9-]+)\//.exec(page.url())![1]!;
  const origin = new URL(page.url()).origin;

  // Empty first: the links list, analytics, the bio list.
  await shoot(page, "recent-links-empty");
  await page.goto(`/w/${slug}/analytics`);
  await page.getByText("No clicks in this period").waitFor();
  await shoot(page, "recent-analytics-empty");

  // The workspace in a zone far from UTC, so every date shown is the zone's.
  await page.goto(`/w/${slug}/settings`);
  await page.getByLabel("Time zone").selectOption("America/Los_Angeles");
  await page.getByRole("button", { name: "Save changes" }).click();
  await page.getByText("Workspace saved").first().waitFor();
  await shoot(page, "recent-settings-workspace");

  // A campaign with dates, and links made for it and by hand.
  await page.goto(`/w/${slug}/campaigns`);
  await page.getByLabel("Name", { exact: true }).fill("Spring Sale 2026 — the long-running seasonal promotion across every channel");
  await page.getByLabel("Starts").fill("2026-03-01");
  await page.getByLabel("Ends").fill("2026-03-31");
  await page.getByRole("button", { name: "Create campaign" }).click();
  await page.waitForURL(/\/campaigns\/[^/]+$/);
  await page.getByLabel("Destination URL").fill("https://shop.example/spring-collection/women/dresses?ref=ads&variant=long-summer-2026");
  for (const name of ["Facebook", "LinkedIn", "Newsletter"]) await page.getByRole("checkbox", { name }).check();
  await page.getByRole("button", { name: "Create links" }).click();
  await page.getByTestId("link-set-result").waitFor();
  await page.reload();
  await shoot(page, "recent-campaign");
  await page.goto(`/w/${slug}/campaigns`);
  await shoot(page, "recent-campaigns-list");

  await page.goto(`/w/${slug}/links/new`);
  await shoot(page, "recent-link-new");
  await page.getByLabel("Destination URL").fill("https://example.com/a-very-long-path/that-goes-on-and-on/and-on-for-a-while?utm_source=newsletter&utm_medium=email");
  await page.getByRole("button", { name: /Create link/ }).click();
  await page.waitForURL((u) => !u.pathname.endsWith("/links/new"));
  await page.goto(`/w/${slug}/links`);
  await page.getByTestId("link-row").first().waitFor();
  await shoot(page, "recent-links-full");
  const linkId = await page.getByTestId("link-row").first().getAttribute("data-row-id");
  await page.goto(`/w/${slug}/links/${linkId}`);
  await shoot(page, "recent-link-edit");

  // The CSV import preview with long values and rows that are not ready.
  await page.goto(`/w/${slug}/links/import`);
  const csv = [
    "url,slug,title,tags,campaign",
    "https://example.com/spring-collection/women/dresses?ref=newsletter&campaign=summer-26,summer-26,Spring collection (random),sale|spring|summer-26-preview,",
    "javascript:alert(1),evil,Evil,,",
    "https://example.com/c,summer-26,Duplicate slug,,",
    "https://example.com/d,,Unknown campaign,,Winter",
  ].join("\n");
  await page.getByLabel("CSV file").setInputFiles({ name: "links.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByTestId("import-summary").waitFor();
  await shoot(page, "recent-csv-preview");

  // Clicks from a few visitors, then the analytics overview with data.
  const links = (await (await page.request.get(`/api/v1/links?workspace=${slug}`)).json()) as { data: { slug: string }[] };
  for (const [i, l] of links.data.entries()) {
    for (const v of VISITORS.slice(0, 1 + (i % VISITORS.length))) {
      await page.request.get(`/${l.slug}`, { headers: { "user-agent": v.ua, "x-forwarded-for": v.ip, ...(v.referer ? { referer: v.referer } : {}) }, maxRedirects: 0 });
    }
  }
  await expect
    .poll(async () => {
      await page.goto(`/w/${slug}/analytics?range=7d`);
      return page.getByTestId("total-clicks").count();
    }, { timeout: 30_000 })
    .toBe(1);
  await page.getByTestId("timeseries-chart").locator("svg").first().waitFor();
  await shoot(page, "recent-analytics");

  // A bio page: empty editor, full editor, the published page in three themes, its analytics.
  await page.goto(`/w/${slug}/bio`);
  const handle = `ana${randomBytes(3).toString("hex")}`;
  await page.getByLabel("Handle").fill(handle);
  await page.getByLabel("Title").fill("Ana's Coffee");
  await page.getByRole("button", { name: "Create page" }).click();
  await page.waitForURL(/\/bio\/[a-z0-9]+$/);
  const bioId = /\/bio\/([a-z0-9]+)$/.exec(page.url())![1]!;
  await shoot(page, "recent-bio-editor-empty");
  const api = (method: "patch" | "post", path: string, data?: unknown) => page.request.fetch(`/api/v1/bio-pages${path}?workspace=${slug}`, { method, data, headers: { origin } });
  const blocks = [
    { type: "header", text: "Fresh this week" },
    { type: "link", label: "Shop the beans", url: "https://shop.example.com/beans" },
    { type: "link", label: "Subscription boxes for every kind of coffee lover, delivered monthly", url: "https://shop.example.com/boxes" },
    { type: "text", text: "Roasted **every Friday** in Kreuzberg. [Visit us](https://example.com/visit)." },
    { type: "social", items: [{ network: "instagram", value: "https://instagram.com/ana" }, { network: "tiktok", value: "https://tiktok.com/@ana" }, { network: "email", value: "hello@example.com" }] },
    { type: "subscribe", heading: "The Friday letter", consentText: "Send me the Friday letter. I can unsubscribe at any time." },
  ];
  for (const theme of ["forest", "paper", "neon"]) {
    expect((await api("patch", `/${bioId}`, { bio: "Small-batch coffee from Berlin. New beans every Friday.", blocks, theme: presetTheme(theme) })).ok()).toBe(true);
    expect((await api("post", `/${bioId}/publish`)).ok()).toBe(true);
    await expect.poll(async () => (await page.request.get(`/@${handle}`)).text()).toContain(presetTheme(theme).background.color);
    await page.goto(`/@${handle}`);
    await shoot(page, `recent-bio-public-${theme}`);
  }
  const href = await page.getByRole("link", { name: "Shop the beans" }).getAttribute("href");
  for (const v of VISITORS) {
    await page.request.get(`/@${handle}`, { headers: { "user-agent": v.ua, "x-forwarded-for": v.ip } });
    if (href) await page.request.get(href, { headers: { "user-agent": v.ua, "x-forwarded-for": v.ip }, maxRedirects: 0 });
  }
  await page.goto(`/w/${slug}/bio/${bioId}`);
  await page.getByTestId("bio-block").first().waitFor();
  await shoot(page, "recent-bio-editor-full");
  await expect
    .poll(async () => {
      await page.goto(`/w/${slug}/analytics?bioPageId=${bioId}&range=7d`);
      return page.getByTestId("total-views").count();
    }, { timeout: 30_000 })
    .toBe(1);
  await shoot(page, "recent-bio-analytics");
});
