import { describe, expect, it } from "vitest";

// env() is read once per module graph; vitest gives each test file its own.
Object.assign(process.env, { GITHUB_CLIENT_ID: "gh-id", GITHUB_CLIENT_SECRET: "gh-secret", GOOGLE_CLIENT_ID: "", GOOGLE_CLIENT_SECRET: "", SMTP_URL: "" });
const { authOptions, signInMethods } = await import("./options");

describe("sign-in methods", () => {
  it("offers GitHub only when its id and secret are set, Google not at all without them", () => {
    expect(signInMethods()).toMatchObject({ github: true, google: false });
    const ids = authOptions().providers.map((p) => p.id);
    expect(ids).toContain("github");
    expect(ids).not.toContain("google");
  });

  it("offers password sign-in always, and magic links through the outbox without SMTP in development", () => {
    const ids = authOptions().providers.map((p) => p.id);
    expect(ids).toEqual(expect.arrayContaining(["credentials", "email"]));
    expect(signInMethods().outbox).toBe(true);
  });

  it("keeps sessions in a JWT cookie and sends people back only to our own origin", async () => {
    const options = authOptions();
    expect(options.session?.strategy).toBe("jwt");
    const redirect = options.callbacks!.redirect!;
    expect(await redirect({ url: "https://evil.example/x", baseUrl: "http://localhost:3000" })).toBe("http://localhost:3000/dashboard");
    expect(await redirect({ url: "/w/acme/links", baseUrl: "http://localhost:3000" })).toBe("http://localhost:3000/w/acme/links");
  });
});
