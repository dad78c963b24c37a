import sharp from "sharp";
import { expect, test } from "@playwright/test";
import { expectDashboard, newEmail, signUpOverHttp } from "./helpers";

test("upload a picture on the account page: it shows in the account menu; an SVG is refused with the reason", async ({ page }) => {
  await signUpOverHttp(page, newEmail("avatar"), "Ava");
  await expectDashboard(page);
  await page.goto("/account");
  const png = await sharp({ create: { width: 300, height: 200, channels: 3, background: "#cc3366" } }).png().toBuffer();
  await page.getByLabel("Upload a picture").setInputFiles({ name: "me.png", mimeType: "image/png", buffer: png });
  await expect(page.locator("[data-sonner-toast]").filter({ hasText: "Picture uploaded" })).toBeVisible();
  await expect(page.getByText("You uploaded your picture.")).toBeVisible();

  await page.getByLabel("Upload a picture").setInputFiles({ name: "me.svg", mimeType: "image/svg+xml", buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>') });
  await expect(page.getByRole("alert").filter({ hasText: "PNG, JPEG or WebP only." })).toBeVisible();

  await page.goto("/dashboard");
  const avatar = page.getByRole("button", { name: "Account menu" }).locator("img");
  await expect(avatar).toHaveAttribute("src", /^data:image\/png;base64,/);
});
