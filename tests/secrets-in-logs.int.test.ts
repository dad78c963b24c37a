import { chromium, type Browser } from "@playwright/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, startRedirectServer, type RunningServer } from "@/tests/redirect-server";
import { systemChromium } from "@/tests/system-chromium";

// The whole app in development mode, the mode that logs most (request URLs,
// server actions), driven by a real browser. Nothing secret may reach its log.
const port = await freePort();
const base = `http://localhost:${port}`;
process.env.APP_URL = base;
const { db } = await import("@/lib/db/client");
const { createLink } = await import("@/lib/links/create-link");
const { accessFor } = await import("@/tests/factories");

const PASSWORD = "tangerine-Quokka-5521";
const LINK_PASSWORD = "open-sesame-7731";
const executablePath = systemChromium();

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startRedirectServer({ NODE_ENV: "development", PENNANT_REDIRECT_ONLY: "0", AUTH_SECRET: "", NEXT_TELEMETRY_DISABLED: "1" }, port, [], "dev");
  browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (process.env.DEBUG_LOGS) console.log(server?.output());
});

describe("the server log", () => {
  it("carries no password, API key or used confirmation or magic-link token through sign-up, sign-in, key creation and a password link", async () => {
    const email = `logs-${Date.now()}@example.com`;
    const page = await browser.newPage({ baseURL: base });
    page.setDefaultTimeout(300_000); // development mode compiles each page on its first visit

    await page.goto("/signup");
    await page.getByLabel("Your name").fill("Lou");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("heading", { name: "Check your email" }).waitFor();
    // The confirmation link, from the outbox as a developer gets it, opened and confirmed.
    const confirmation = await db().outboxEmail.findFirstOrThrow({ where: { to: email, subject: "Confirm your Pennant account" } });
    const confirmToken = new URL(confirmation.url!).searchParams.get("token")!;
    expect(confirmToken.length).toBeGreaterThan(20);
    // Delivered through the log too (development): counted from after that line.
    await expect.poll(() => server.output().includes(confirmToken), { timeout: 30_000 }).toBe(true);
    const beforeConfirm = server.output().length;
    await page.goto(confirmation.url!);
    await page.getByRole("button", { name: "Confirm and sign in" }).click();
    await page.waitForURL(/\/w\/[a-z0-9-]+\/links$/);
    const slug = /\/w\/([a-z0-9-]+)\//.exec(page.url())![1]!;

    // Sign in again with the password, then with a magic link.
    await page.context().clearCookies();
    await page.goto("/signin");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/w\/[a-z0-9-]+\/links$/);
    await page.context().clearCookies();
    await page.goto("/signin");
    await page.getByRole("tab", { name: "Email link" }).click();
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await page.getByRole("heading", { name: "Check your email" }).waitFor();
    const mail = await db().outboxEmail.findFirstOrThrow({ where: { to: email, subject: { contains: "sign-in" } }, orderBy: { createdAt: "desc" } });
    const token = new URL(mail.url!).searchParams.get("token")!;
    expect(token.length).toBeGreaterThan(20);
    const beforeUse = server.output().length;
    await page.goto(mail.url!);
    await page.waitForURL(/\/w\/[a-z0-9-]+\/links$/);

    await page.goto(`/w/${slug}/settings/api-keys`);
    await page.getByLabel("Name").fill("Log check");
    await page.getByRole("button", { name: "Create key" }).click();
    const key = await page.getByTestId("api-key").inputValue();
    expect(key).toMatch(/^pnt_/);

    const user = await db().user.findUniqueOrThrow({ where: { email } });
    const link = await createLink(await accessFor(user, slug, "links.write"), { url: "https://example.com/locked", password: LINK_PASSWORD });
    const wrong = await fetch(`${base}/${link.slug}`, { method: "POST", body: new URLSearchParams({ password: "guess-1234" }), redirect: "manual" });
    expect(wrong.status).toBe(401);
    const unlocked = await fetch(`${base}/${link.slug}`, { method: "POST", body: new URLSearchParams({ password: LINK_PASSWORD }), redirect: "manual" });
    expect(unlocked.headers.get("location")).toBe("https://example.com/locked");
    // One more page after everything, so request logs of the steps above are flushed.
    await page.goto(`/w/${slug}/links`);
    await page.close();

    const log = server.output();
    expect(log).toContain("[pennant] ready"); // the log really is the server's
    for (const secret of [PASSWORD, LINK_PASSWORD, "guess-1234", key]) expect(log).not.toContain(secret);
    // The outbox shows the sign-in link before it is used (that is how it is delivered without mail); never after.
    expect(log.slice(beforeUse)).not.toContain(token);
    expect(log.slice(beforeConfirm)).not.toContain(confirmToken);
  }, 1_200_000);
});
