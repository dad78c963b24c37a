import { expect, test } from "@playwright/test";
import { presetTheme, THEME_PRESETS } from "../lib/bio-pages/themes";
import { createApiKey, expectNoViolations, signedUpPage, WIDTHS } from "./helpers";

// axe (WCAG 2.2 A and AA) on published public pages, every theme of the
// gallery, at phone and desktop width, with every kind of block but the image
// (its alt text is the owner's words) and a subscribe form that answered an error.

const blocks = [
  { type: "header", text: "This week" },
  { type: "link", label: "Shop the beans", url: "https://example.com/shop" },
  { type: "text", text: "Roasted **today** in _Berlin_, see [the map](https://example.com/map)." },
  {
    type: "social",
    items: [
      { network: "instagram", value: "https://instagram.com/ana" },
      { network: "tiktok", value: "https://tiktok.com/@ana" },
      { network: "x", value: "https://x.com/ana" },
      { network: "youtube", value: "https://youtube.com/@ana" },
      { network: "mastodon", value: "https://mastodon.social/@ana" },
      { network: "bluesky", value: "https://bsky.app/profile/ana" },
      { network: "email", value: "ana@example.com" },
      { network: "website", value: "https://example.com" },
    ],
  },
  { type: "embed", url: "https://www.youtube.com/watch?v=dQw4w9WgXcQ", title: "Our roastery" },
  { type: "contact", name: "Ana", email: "ana@example.com", phone: "+49 30 123456" },
  { type: "subscribe", heading: "Newsletter", consentText: "Send me the monthly newsletter." },
];

test("published bio pages have no WCAG 2.2 A/AA violations in any theme, on a phone or a desktop", async ({ browser, baseURL }) => {
  test.setTimeout(600_000);
  const { context, page, slug } = await signedUpPage(browser, baseURL!, "bio-axe");
  const key = await createApiKey(page, slug, "axe");
  const api = { Authorization: `Bearer ${key}` };
  const stamp = Date.now().toString(36).slice(-5);
  const handles: Record<string, string> = {};
  for (const theme of Object.keys(THEME_PRESETS)) {
    const handle = `axe_${theme}_${stamp}`.slice(0, 30);
    const created = await page.request.post(`/api/v1/bio-pages?workspace=${slug}`, { headers: api, data: { handle, title: `Ana in ${theme}`, bio: "Coffee roaster in Berlin.", theme: presetTheme(theme), blocks } });
    expect(created.status(), await created.text()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const published = await page.request.post(`/api/v1/bio-pages/${id}/publish?workspace=${slug}`, { headers: api });
    expect(published.status(), await published.text()).toBe(200);
    handles[theme] = handle;
  }
  for (const [width, viewport] of Object.entries(WIDTHS)) {
    const visitor = await browser.newContext({ baseURL, viewport });
    const tab = await visitor.newPage();
    for (const [theme, handle] of Object.entries(handles)) {
      await tab.goto(`/@${handle}`);
      await expect(tab.getByRole("heading", { level: 1, name: `Ana in ${theme}` })).toBeVisible();
      await expectNoViolations(tab, `@${handle} (${theme}, ${width})`);
    }
    // The subscribe form answering a mistake, and a pressed play button (the player's frame is the host's).
    const handle = handles.midnight!;
    await tab.goto(`/@${handle}`);
    await tab.getByLabel("Email address").fill("not-an-address@");
    await tab.getByLabel("Send me the monthly newsletter.").check();
    await tab.locator("form.subscribe").evaluate((f: HTMLFormElement) => f.setAttribute("novalidate", ""));
    await tab.getByRole("button", { name: "Subscribe" }).click();
    await expect(tab.getByRole("status")).toContainText("does not look right");
    await expectNoViolations(tab, `@${handle} with the subscribe error (${width})`);
    await visitor.close();
  }
  await context.close();
});
