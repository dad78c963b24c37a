import { expect, test } from "@playwright/test";
import { signedUpPage } from "./helpers";

// The e2e server looks domains up with the system resolver: a name under the
// reserved .invalid TLD never resolves, so its check fails, with the reason.

test("a branded domain shows the record to create, its status, and a re-check", async ({ browser }, info) => {
    test.setTimeout(300_000);
  const { context, page, slug } = await signedUpPage(browser, info.project.use.baseURL!, "Dom");
  for (const viewport of [{ width: 1280, height: 860 }, { width: 375, height: 780 }]) {
    await page.setViewportSize(viewport);
    const hostname = `go-${viewport.width}-${Date.now()}.brand.invalid`;
    await page.goto(`/w/${slug}/settings/domains`);
    await expect(page.getByText("You can create links on a domain while its DNS is still pending")).toBeVisible();
    await page.getByLabel("Domain").fill(hostname);
    await page.getByRole("button", { name: "Add domain" }).click();
    const row = page.getByTestId("domain-row").filter({ hasText: hostname });
    await expect(row.getByTestId("domain-status")).toContainText("Waiting for DNS");
    await expect(row.getByRole("table")).toContainText("localhost");
    await row.getByRole("button", { name: `Check the DNS of ${hostname} again` }).click();
    await expect(row.getByTestId("domain-status")).toContainText("Not pointing here");
    await expect(row.getByTestId("domain-status")).toContainText(`No CNAME, A or AAAA record found for ${hostname}`);
    await expect(row.getByTestId("domain-status")).toContainText("Last checked");
  }
  await context.close();
});
