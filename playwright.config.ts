import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { systemChromium } from "./tests/system-chromium";

// The system Chromium when there is one (Debian: apt-get install chromium, and
// chromium-headless-shell for headless runs); otherwise Playwright's own browser
// (scripts/test.ts installs it when missing).
const headed = ["--headed", "--debug", "--ui"].some((flag) => process.argv.includes(flag)) || Boolean(process.env.PWDEBUG);
const executablePath = systemChromium(!headed);

const port = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://localhost:${port}`;
// One fresh SQLite database per run; workers inherit the value from the main process.
process.env.E2E_DATABASE_URL ??= `file:${path.join(import.meta.dirname, "data", `e2e-${Date.now()}.db`)}`;

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    // The production build (npm run build) served by Pennant's own server.
    command: "node --import tsx server.ts",
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      APP_URL: baseURL,
      DATABASE_URL: process.env.E2E_DATABASE_URL,
      AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
      PENNANT_DEV_OUTBOX: "1",
      // Every test signs up from 127.0.0.1; the per-address limits are for the real world.
      SIGNUP_LIMIT_PER_HOUR: "1000",
      SIGNIN_LIMIT_PER_IP: "1000",
      NEXT_TELEMETRY_DISABLED: "1",
      // Off by default; `npm test` runs the auth, API and redirect specs again on PostgreSQL with Redis.
      REDIS_URL: process.env.E2E_REDIS_URL ?? "",
      SMTP_URL: "",
      // Visits sent by tests say where they come from (X-Forwarded-For), as a load balancer would.
      TRUSTED_PROXIES: "loopback",
    },
  },
});
