import { describe, expect, it } from "vitest";
import { inject } from "vitest";
import { checkHealth } from "./check-health";

describe("health", () => {
  it("reports the database it round-tripped", async () => {
    const health = await checkHealth();
    expect(health.status).toBe("ok");
    expect(health.database).toMatchObject({ ok: true, provider: inject("databaseProvider") });
  });
});
