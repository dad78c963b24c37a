import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";
import { confirmSignUp } from "../../e2e/helpers";

const WIDTHS = { desktop: { width: 1280, height: 860 }, phone: { width: 375, height: 780 } } as const;

async function shoot(page: Page, name: string) {
  for (const [label, size] of Object.entries(WIDTHS)) {
    await page.setViewportSize(size);
    // Full-page shots draw sticky parts where the page is scrolled to: start from the top.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(200);
    await page.screenshot({ path: `screenshots/${name}-${label}.png`, fullPage: true });
  }
}

async function quick(page: Page, url: string): Promise<string> {
  const before = await page.getByTestId("link-row").count();
  await page.getByLabel("Paste a URL to shorten").fill(url);
  await page.getByLabel("Paste a URL to shorten").press("Enter");
  await expect(page.getByTestId("link-row")).toHaveCount(before + 1);
  const href = await page.getByTestId("link-row").first().getByRole("link", { name: /^QR code for / }).getAttribute("href");
  return href!;
}

/** A stand-in brand logo: a rounded square with a white letter. */
function brandLogo(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256"><rect width="256" height="256" rx="56" fill="#4f46e5"/><path d="M88 64h56a48 48 0 0 1 0 96h-24v40H88z M120 96v32h24a16 16 0 0 0 0-32z" fill="#fff" fill-rule="evenodd"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

test("screenshots of the QR designer and list", async ({ page, context }) => {
  test.setTimeout(180_000);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Ana Marketer");
  const signUpEmail = `qr-${randomBytes(3).toString("hex")}@example.com`;
  await page.getByLabel("Email").fill(signUpEmail);
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByRole("button", { name: "Create account" }).click();
  await confirmSignUp(page, signUpEmail);
  await page.waitForURL(/\/w\/[a-z0-9-]+\/links$/);
  const links = page.url();
  const base = links.replace(/\/links$/, "");

  await page.goto(`${base}/qr`);
  await page.getByText("No QR codes yet").waitFor();
  await shoot(page, "qr-list-empty");

  await page.goto(`${links}/new`);
  await page.getByLabel("Destination URL").fill("https://shop.example.com/collections/spring-2026?ref=poster");
  await page.getByLabel("Title", { exact: true }).fill("Spring collection poster");
  await page.getByRole("button", { name: "Create link" }).click();
  await page.waitForURL(links);
  const spring = (await page.getByTestId("link-row").first().getByRole("link", { name: /^QR code for / }).getAttribute("href"))!;
  const menu = await quick(page, "https://bistro.example.com/menu");
  const event = await quick(page, "https://events.example.com/2026/open-day-with-a-very-long-address");

  await page.goto(spring);
  await page.getByTestId("qr-preview").waitFor();
  await shoot(page, "qr-designer-default");

  // Logo, frame and dots: a poster code.
  await page.getByLabel("Foreground colour", { exact: true }).fill("#312e81");
  await page.getByRole("group", { name: "Modules" }).getByText("Dots").click();
  await page.getByRole("group", { name: "Corner markers" }).getByText("Rounded").click();
  await page.getByRole("group", { name: "Logo" }).getByText("Own logo").click();
  await page.getByLabel("Upload logo").setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: await brandLogo() });
  await page.getByText("Logo uploaded").waitFor();
  await page.getByRole("group", { name: "Frame" }).getByText("Rounded").click();
  await page.getByLabel("Call to action").fill("Scan for 10% off");
  await page.getByRole("button", { name: "Save design" }).click();
  await page.getByText("QR code saved").waitFor();
  await page.getByLabel("Save this design as a preset").fill("Poster");
  await page.getByRole("button", { name: "Save preset" }).click();
  await page.getByText("Preset “Poster” saved").waitFor();
  await page.waitForTimeout(4500); // let the toasts go
  await shoot(page, "qr-designer-logo-frame");

  // A design the guard refuses.
  await page.getByLabel("Foreground colour", { exact: true }).fill("#f4f4f5");
  await page.getByTestId("qr-errors").waitFor();
  await shoot(page, "qr-designer-guard-error");

  for (const [href, fg] of [
    [menu, "#065f46"],
    [event, "#9f1239"],
  ] as const) {
    await page.goto(href);
    await page.getByLabel("Foreground colour", { exact: true }).fill(fg);
    await page.getByRole("button", { name: "Save design" }).click();
    await page.getByText("QR code saved").waitFor();
  }

  await page.goto(`${base}/qr`);
  await expect(page.getByTestId("qr-row")).toHaveCount(3);
  await page.waitForLoadState("networkidle");
  await shoot(page, "qr-list");
});
