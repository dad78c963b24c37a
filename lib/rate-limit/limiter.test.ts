import { randomBytes } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";
import { apiKeyLimit, consumeWithBudget, type LimitRule } from "./limiter";

// The override under test, in place before anything reads the environment (env() reads it once).
vi.hoisted(() => {
  process.env.API_RATE_LIMIT_PER_MINUTE = "7";
});

describe("consumeWithBudget", () => {
  it("counts down the budget, then answers 429 with Retry-After and the spent budget", async () => {
    const rule: LimitRule = { name: `test-${randomBytes(3).toString("hex")}`, points: 3, duration: 60, message: "Slow down." };
    const key = "key-1";
    const first = await consumeWithBudget(rule, key);
    expect(first).toMatchObject({ limit: 3, remaining: 2 });
    expect(first.reset).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000));
    expect(first.reset).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + 60);
    expect((await consumeWithBudget(rule, key)).remaining).toBe(1);
    expect((await consumeWithBudget(rule, key)).remaining).toBe(0);
    const over = await consumeWithBudget(rule, key).catch((e: unknown) => e);
    expect(over).toMatchObject({ code: "rate_limited", status: 429, message: "Slow down.", details: { limit: 3, remaining: 0 } });
    expect((over as { retryAfter: number }).retryAfter).toBeGreaterThanOrEqual(1);
    // Another key has its own budget.
    expect((await consumeWithBudget(rule, "key-2")).remaining).toBe(2);
  });

  it("gives API keys API_RATE_LIMIT_PER_MINUTE requests a minute, and counts against that budget", async () => {
    const rule = { ...apiKeyLimit(), name: `api-key-test-${randomBytes(3).toString("hex")}` };
    expect(rule).toMatchObject({ points: 7, duration: 60 });
    for (let i = 6; i >= 0; i--) expect(await consumeWithBudget(rule, "key-1")).toMatchObject({ limit: 7, remaining: i });
    expect(await consumeWithBudget(rule, "key-1").catch((e: unknown) => e)).toMatchObject({ status: 429, details: { limit: 7, remaining: 0 } });
  });

  it("defaults to 600 requests a minute and refuses a setting that is no whole number above 0", () => {
    expect(parseEnv({}).API_RATE_LIMIT_PER_MINUTE).toBe(600);
    expect(parseEnv({ API_RATE_LIMIT_PER_MINUTE: "25" }).API_RATE_LIMIT_PER_MINUTE).toBe(25);
    expect(() => parseEnv({ API_RATE_LIMIT_PER_MINUTE: "0" })).toThrow(EnvError);
    expect(() => parseEnv({ API_RATE_LIMIT_PER_MINUTE: "lots" })).toThrow(/API_RATE_LIMIT_PER_MINUTE must be a whole number/);
  });
});
