import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { apiKeyLimit, consumeWithBudget, type LimitRule } from "./limiter";

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

  it("gives API keys 600 requests a minute unless API_RATE_LIMIT_PER_MINUTE says otherwise", () => {
    expect(apiKeyLimit()).toMatchObject({ points: 600, duration: 60 });
  });
});
