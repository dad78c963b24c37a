import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { presetTheme } from "@/lib/bio-pages/themes";
import { shoot } from "./shoot";
import { confirmSignUp } from "../../e2e/helpers";

test("screenshots of the bio page editor and published pages in four themes", async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Ana Marketer");
  const signUpEmail = `bio-shots-${randomBytes(3).toString("hex")}@example.com`;
  await page.getByLabel("Email").fill(signUpEmail);
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByRole("button", { name: "Create account" }).click();
  await confirmSignUp(page, signUpEmail);
  await page.waitForURL(/\/w\/[a-z0-9-]+\/links$/);
  const slug = /\/w\/([a-z0-9-]+)\//.exec(page.url())![1]!;

  await page.goto(`/w/${slug}/bio`);
  await shoot(page, "bio-list-empty");
  const handle = `anas.coffee${randomBytes(2).toString("hex")}`;
  await page.getByLabel("Handle").fill(handle);
  await page.getByLabel("Title").fill("Ana's Coffee");
  await page.getByRole("button", { name: "Create page" }).click();
  await page.waitForURL(/\/bio\/[a-z0-9]+$/);
  const id = /\/bio\/([a-z0-9]+)$/.exec(page.url())![1]!;
  await shoot(page, "bio-editor-empty");

  const api = (method: "patch" | "post", path: string, data?: unknown) => page.request.fetch(`/api/v1/bio-pages${path}?workspace=${slug}`, { method, data, headers: { origin: new URL(page.url()).origin } });
  const blocks = [
    { type: "header", text: "Fresh this week" },
    { type: "link", label: "Shop the beans", url: "https://shop.example.com/beans" },
    { type: "link", label: "Subscription boxes", url: "https://shop.example.com/boxes" },
    { type: "text", text: "Roasted **every Friday** in Kreuzberg. [Visit us](https://example.com/visit)." },
    { type: "embed", url: "https://www.youtube.com/watch?v=dQw4w9WgXcQ", title: "How we roast" },
    { type: "social", items: [{ network: "instagram", value: "https://instagram.com/ana" }, { network: "tiktok", value: "https://tiktok.com/@ana" }, { network: "bluesky", value: "https://bsky.app/profile/ana" }, { network: "email", value: "hello@example.com" }] },
    { type: "contact", name: "Ana", email: "hello@example.com", phone: "+49 30 1234567" },
    { type: "subscribe", heading: "The Friday letter", consentText: "Send me the Friday letter. I can unsubscribe at any time." },
  ];
  for (const theme of ["paper", "midnight", "sunset", "forest", "neon", "mono"]) {
    expect((await api("patch", `/${id}`, { bio: "Small-batch coffee from Berlin. New beans every Friday.", blocks, theme: presetTheme(theme) })).ok()).toBe(true);
    expect((await api("post", `/${id}/publish`)).ok()).toBe(true);
    await page.waitForTimeout(300);
    await page.goto(`/@${handle}`);
    await shoot(page, `bio-public-${theme}`);
  }

  // The page's QR code in the designer, and a branded domain showing the page at its bare address.
  await page.goto(`/w/${slug}/bio/${id}/qr`);
  await expect(page.getByTestId("qr-preview").locator("svg")).toBeVisible();
  await shoot(page, "bio-qr-designer");
  await page.goto(`/w/${slug}/settings/domains`);
  const host = `go-${randomBytes(2).toString("hex")}.example.com`;
  await page.getByLabel("Domain", { exact: true }).fill(host);
  await page.getByRole("button", { name: "Add domain" }).click();
  const redirects = page.getByRole("form", { name: `Redirects of ${host}` });
  await redirects.getByLabel("Show a bio page").check();
  await redirects.getByRole("button", { name: "Save redirects" }).click();
  await expect(page.getByText(`Redirects of ${host} saved`)).toBeVisible();
  await shoot(page, "bio-domain-root");

  await page.goto(`/w/${slug}/bio/${id}`);
  await page.getByTestId("bio-block").nth(1).getByRole("button", { expanded: false }).click();
  await shoot(page, "bio-editor-full");
  await page.getByLabel("Text colour", { exact: true }).fill("#999999");
  await page.getByRole("textbox", { name: "URL", exact: true }).fill("javascript:alert(1)");
  await expect(page.getByTestId("save-status")).toHaveText("Not saved");
  await shoot(page, "bio-editor-error");
});
