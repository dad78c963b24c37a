import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";

// This file's modules see REDIS_URL (vitest isolates modules per file).
const REDIS_URL = process.env.TEST_REDIS_URL || "redis://127.0.0.1:6379";
process.env.REDIS_URL = REDIS_URL;
const { consume, reset, LIMITS } = await import("./limiter");
const { redis } = await import("@/lib/redis");

const probe = new Redis(REDIS_URL);
afterAll(async () => {
  probe.disconnect();
  redis()?.disconnect();
});

describe("rate limits with REDIS_URL", () => {
  it("keeps the count in Redis, so every instance shares it", async () => {
    // Until it has connected, an instance counts locally (Redis is optional): start once it has.
    const client = redis()!;
    if (client.status !== "ready") await new Promise((resolve) => client.once("ready", resolve));
    const key = `someone-${randomBytes(4).toString("hex")}@example.com`;
    for (let i = 0; i < LIMITS.magicLinkPerEmail.points; i++) await consume(LIMITS.magicLinkPerEmail, key);
    expect(Number(await probe.get(`pennant:rl:${LIMITS.magicLinkPerEmail.name}:${key}`))).toBe(LIMITS.magicLinkPerEmail.points);
    await expect(consume(LIMITS.magicLinkPerEmail, key)).rejects.toMatchObject({ code: "rate_limited" });

    // What another instance would have counted is seen here too.
    const other = `other-${randomBytes(4).toString("hex")}@example.com`;
    await probe.set(`pennant:rl:${LIMITS.magicLinkPerEmail.name}:${other}`, String(LIMITS.magicLinkPerEmail.points), "EX", 60);
    await expect(consume(LIMITS.magicLinkPerEmail, other)).rejects.toMatchObject({ code: "rate_limited" });

    await reset(LIMITS.magicLinkPerEmail, key);
    await expect(consume(LIMITS.magicLinkPerEmail, key)).resolves.toBeUndefined();
  });
});
