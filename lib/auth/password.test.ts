import { describe, expect, it } from "vitest";
import { dummyPasswordHash, hashPassword, verifyPassword } from "./password";

describe("password hashing", () => {
  it("stores a salted scrypt hash that does not contain the password", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(hash).not.toContain("correct horse battery");
    expect(await hashPassword("correct horse battery")).not.toBe(hash);
  });

  it("accepts the right password and refuses a wrong one", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(await verifyPassword("correct horse battery", hash)).toBe(true);
    expect(await verifyPassword("correct horse batterY", hash)).toBe(false);
    expect(await verifyPassword("", hash)).toBe(false);
  });

  it("accepts the same password typed with composed or decomposed accents", async () => {
    const hash = await hashPassword("caf\u00e9-au-lait");
    expect(await verifyPassword("cafe\u0301-au-lait", hash)).toBe(true);
  });

  it("refuses anything against a malformed or foreign stored hash", async () => {
    const hash = await hashPassword("correct horse battery");
    const parts = hash.split("$");
    expect(await verifyPassword("correct horse battery", "")).toBe(false);
    expect(await verifyPassword("correct horse battery", "correct horse battery")).toBe(false);
    expect(await verifyPassword("correct horse battery", ["bcrypt", ...parts.slice(1)].join("$"))).toBe(false);
    expect(await verifyPassword("correct horse battery", parts.slice(0, 5).join("$"))).toBe(false);
  });

  it("gives a dummy hash that no guess matches", async () => {
    const dummy = await dummyPasswordHash();
    expect(dummy.startsWith("scrypt$")).toBe(true);
    expect(await verifyPassword("", dummy)).toBe(false);
    expect(await verifyPassword("password", dummy)).toBe(false);
  });
});
