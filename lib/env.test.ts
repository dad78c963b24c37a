import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

const SECRET = "s".repeat(32);

function errorOf(source: Record<string, string | undefined>): string {
  try {
    parseEnv(source);
  } catch (err) {
    expect(err).toBeInstanceOf(EnvError);
    return (err as Error).message;
  }
  throw new Error("parseEnv accepted an invalid environment");
}

describe("parseEnv", () => {
  it("starts in development with nothing set, using a development secret", () => {
    const env = parseEnv({});
    expect(env.NODE_ENV).toBe("development");
    expect(env.APP_URL).toBe("http://localhost:3000");
    expect(env.authSecret.length).toBeGreaterThanOrEqual(32);
  });

  it("points APP_URL at the port actually listened on when it is not set, outside production", () => {
    expect(parseEnv({ PORT: "3900" }).APP_URL).toBe("http://localhost:3900");
    expect(parseEnv({ PORT: "3900", APP_URL: "https://go.example.com" }).APP_URL).toBe("https://go.example.com");
    expect(errorOf({ PORT: "http" })).toMatch(/PORT must be a port number/);
  });

  it("stops a production server without APP_URL, with a message naming it", () => {
    expect(errorOf({ NODE_ENV: "production", AUTH_SECRET: SECRET })).toMatch(/APP_URL: is required in production/);
    expect(parseEnv({ NODE_ENV: "production", AUTH_SECRET: SECRET, APP_URL: "https://go.example.com" }).APP_URL).toBe("https://go.example.com");
  });

  it("refuses production without AUTH_SECRET and names the variable", () => {
    expect(errorOf({ NODE_ENV: "production" })).toMatch(/AUTH_SECRET: is required in production/);
    expect(errorOf({ NODE_ENV: "production", AUTH_SECRET: "   " })).toMatch(/AUTH_SECRET/);
  });

  it("uses AUTH_SECRET in production and refuses a short one", () => {
    expect(parseEnv({ NODE_ENV: "production", AUTH_SECRET: SECRET, APP_URL: "https://go.example.com" }).authSecret).toBe(SECRET);
    expect(errorOf({ NODE_ENV: "production", AUTH_SECRET: "short" })).toMatch(/AUTH_SECRET must be at least 32 characters/);
  });

  it("asks for the secret when an OAuth client id comes alone, and the id when the secret does", () => {
    expect(errorOf({ GITHUB_CLIENT_ID: "abc" })).toMatch(/GITHUB_CLIENT_SECRET: set both GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET/);
    expect(errorOf({ GOOGLE_CLIENT_SECRET: "xyz" })).toMatch(/GOOGLE_CLIENT_ID: set both/);
    expect(parseEnv({ GITHUB_CLIENT_ID: "abc", GITHUB_CLIENT_SECRET: "xyz" }).GITHUB_CLIENT_ID).toBe("abc");
  });

  it("treats empty variables as unset", () => {
    const env = parseEnv({ GITHUB_CLIENT_ID: "", GITHUB_CLIENT_SECRET: "", REDIS_URL: "", SMTP_URL: " " });
    expect(env.GITHUB_CLIENT_ID).toBeUndefined();
    expect(env.REDIS_URL).toBeUndefined();
    expect(env.SMTP_URL).toBeUndefined();
  });

  it("takes PENNANT_NEXT_IN_PROCESS as 0 or 1 and names it otherwise", () => {
    expect(parseEnv({ PENNANT_NEXT_IN_PROCESS: "1" }).PENNANT_NEXT_IN_PROCESS).toBe("1");
    expect(parseEnv({ PENNANT_NEXT_IN_PROCESS: "" }).PENNANT_NEXT_IN_PROCESS).toBeUndefined();
    expect(errorOf({ PENNANT_NEXT_IN_PROCESS: "yes" })).toContain("- PENNANT_NEXT_IN_PROCESS: PENNANT_NEXT_IN_PROCESS must be 1");
  });

  it("lists every bad variable at once", () => {
    const message = errorOf({ NODE_ENV: "production", APP_URL: "not a url", REDIS_URL: "localhost:6379", SMTP_URL: "mail.example.com" });
    for (const name of ["AUTH_SECRET", "APP_URL", "REDIS_URL", "SMTP_URL"]) expect(message).toContain(`- ${name}:`);
  });

  describe("outboxEnabled", () => {
    it("is on in development and test without SMTP", () => {
      expect(parseEnv({}).outboxEnabled).toBe(true);
      expect(parseEnv({ NODE_ENV: "test" }).outboxEnabled).toBe(true);
    });

    it("is off in production unless PENNANT_DEV_OUTBOX=1", () => {
      expect(parseEnv({ NODE_ENV: "production", AUTH_SECRET: SECRET, APP_URL: "https://go.example.com" }).outboxEnabled).toBe(false);
      expect(parseEnv({ NODE_ENV: "production", AUTH_SECRET: SECRET, APP_URL: "https://go.example.com", PENNANT_DEV_OUTBOX: "0" }).outboxEnabled).toBe(false);
      expect(parseEnv({ NODE_ENV: "production", AUTH_SECRET: SECRET, APP_URL: "https://go.example.com", PENNANT_DEV_OUTBOX: "1" }).outboxEnabled).toBe(true);
    });

    it("is off whenever SMTP_URL is set, so mail really goes out", () => {
      expect(parseEnv({ SMTP_URL: "smtp://mail.example.com:587" }).outboxEnabled).toBe(false);
      expect(parseEnv({ NODE_ENV: "production", AUTH_SECRET: SECRET, APP_URL: "https://go.example.com", SMTP_URL: "smtps://mail.example.com", PENNANT_DEV_OUTBOX: "1" }).outboxEnabled).toBe(false);
    });
  });

  it("reads API_RATE_LIMIT_PER_MINUTE as a whole number, 600 when unset, and refuses nonsense", () => {
    expect(parseEnv({}).API_RATE_LIMIT_PER_MINUTE).toBe(600);
    expect(parseEnv({ API_RATE_LIMIT_PER_MINUTE: "120" }).API_RATE_LIMIT_PER_MINUTE).toBe(120);
    expect(errorOf({ API_RATE_LIMIT_PER_MINUTE: "lots" })).toMatch(/API_RATE_LIMIT_PER_MINUTE/);
    expect(errorOf({ API_RATE_LIMIT_PER_MINUTE: "0" })).toMatch(/API_RATE_LIMIT_PER_MINUTE must be at least 1/);
  });

  it("reads PENNANT_ANALYTICS_CACHE_MB as whole megabytes, 128 when unset, 0 for none, and refuses nonsense", () => {
    expect(parseEnv({}).PENNANT_ANALYTICS_CACHE_MB).toBe(128);
    expect(parseEnv({ PENNANT_ANALYTICS_CACHE_MB: "0" }).PENNANT_ANALYTICS_CACHE_MB).toBe(0);
    expect(parseEnv({ PENNANT_ANALYTICS_CACHE_MB: "512" }).PENNANT_ANALYTICS_CACHE_MB).toBe(512);
    expect(errorOf({ PENNANT_ANALYTICS_CACHE_MB: "lots" })).toMatch(/PENNANT_ANALYTICS_CACHE_MB must be a whole number of megabytes/);
    expect(errorOf({ PENNANT_ANALYTICS_CACHE_MB: "1.5" })).toMatch(/PENNANT_ANALYTICS_CACHE_MB must be a whole number of megabytes/);
    expect(errorOf({ PENNANT_ANALYTICS_CACHE_MB: "-1" })).toMatch(/PENNANT_ANALYTICS_CACHE_MB must be 0 or more/);
  });

  it("takes TRUSTED_PROXIES as addresses, ranges and names, and names the entry it cannot read", () => {
    expect(parseEnv({ TRUSTED_PROXIES: "loopback, 10.0.0.0/8, 2001:db8::1" }).TRUSTED_PROXIES).toBe("loopback, 10.0.0.0/8, 2001:db8::1");
    expect(errorOf({ TRUSTED_PROXIES: "loopback, 10.0.0.0/40" })).toMatch(/TRUSTED_PROXIES: "10.0.0.0\/40" is not an address, a CIDR range, or one of loopback/);
  });
});
