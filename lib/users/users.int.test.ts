import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { verifyPassword } from "@/lib/auth/password";
import { listWorkspacesForUser } from "@/lib/workspaces/list-workspaces";
import { uniqueEmail } from "@/tests/factories";
import { createUser } from "./create-user";
import { verifyCredentials } from "./verify-credentials";

const PASSWORD = "correct horse battery";

describe("sign-up", () => {
  it("creates the user with a hashed password and a personal workspace", async () => {
    const email = uniqueEmail("signup");
    const user = await createUser({ email, password: PASSWORD, name: "  Ana  " });
    expect(user).toEqual({ id: expect.any(String), email, name: "Ana" });
    const row = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash).not.toContain(PASSWORD);
    expect(await verifyPassword(PASSWORD, row.passwordHash ?? "")).toBe(true);
    expect(await listWorkspacesForUser(user.id)).toEqual([expect.objectContaining({ personal: true, role: "owner", name: "Ana's workspace" })]);
  });

  it.each([
    ["a malformed email", { email: "not-an-email", password: PASSWORD }, /valid email address/],
    ["an empty email", { email: "", password: PASSWORD }, /valid email address/],
    ["a 7-character password", { email: uniqueEmail("short"), password: "1234567" }, /at least 8 characters/],
    ["a 201-character password", { email: uniqueEmail("long"), password: "x".repeat(201) }, /at most 200 characters/],
    ["an 81-character name", { email: uniqueEmail("name"), password: PASSWORD, name: "n".repeat(81) }, /at most 80 characters/],
  ])("refuses %s with a message and creates nothing", async (_label, input, message) => {
    // Files and tests here run one at a time, so the count is this test's own.
    const before = await db().user.count();
    await expect(createUser(input)).rejects.toThrow(message);
    expect(await db().user.count()).toBe(before);
  });

  it("refuses an email already registered, in any letter case, with a conflict", async () => {
    const email = uniqueEmail("dup");
    const first = await createUser({ email, password: PASSWORD });
    await expect(createUser({ email: email.toUpperCase(), password: "another password" })).rejects.toMatchObject({
      code: "conflict",
      message: "An account with this email already exists. Sign in instead.",
    });
    expect(await db().user.count({ where: { email } })).toBe(1);
    expect(await verifyCredentials({ email, password: PASSWORD })).toMatchObject({ id: first.id });
  });

  it("stores the email trimmed and in lower case", async () => {
    const email = uniqueEmail("Case");
    const user = await createUser({ email: `  ${email.toUpperCase()}  `, password: PASSWORD });
    expect(user.email).toBe(email.toLowerCase());
  });
});

describe("sign-in with a password", () => {
  it("returns the user for the right password and null for a wrong one", async () => {
    const email = uniqueEmail("signin");
    const user = await createUser({ email, password: PASSWORD, name: "Bo" });
    expect(await verifyCredentials({ email, password: PASSWORD })).toEqual({ id: user.id, email, name: "Bo" });
    expect(await verifyCredentials({ email, password: "correct horse batterY" })).toBeNull();
    expect(await verifyCredentials({ email, password: "" })).toBeNull();
  });

  it("matches the email whatever its letter case or surrounding spaces", async () => {
    const email = uniqueEmail("mixed");
    const user = await createUser({ email, password: PASSWORD });
    expect(await verifyCredentials({ email: ` ${email.toUpperCase()} `, password: PASSWORD })).toMatchObject({ id: user.id });
  });

  it("answers null for an unknown email, malformed input, and a user without a password", async () => {
    expect(await verifyCredentials({ email: uniqueEmail("ghost"), password: PASSWORD })).toBeNull();
    expect(await verifyCredentials({ email: "nope", password: PASSWORD })).toBeNull();
    expect(await verifyCredentials(null)).toBeNull();
    const oauthOnly = await db().user.create({ data: { email: uniqueEmail("oauth") } });
    expect(await verifyCredentials({ email: oauthOnly.email, password: PASSWORD })).toBeNull();
  });
});

describe("public sign-up with an email already registered", () => {
  it("answers as for a new email, changes nothing, and tells the owner by mail (a few times at most)", async () => {
    const { signUp } = await import("./sign-up");
    const ip = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
    const fresh = uniqueEmail("fresh");
    const answerNew = await signUp({ email: fresh, password: PASSWORD, name: "New" }, ip);
    expect(await db().user.count({ where: { email: fresh } })).toBe(1);

    const email = uniqueEmail("known");
    const owner = await createUser({ email, password: PASSWORD });
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await signUp({ email: email.toUpperCase(), password: "someone else's guess", name: "Stranger" }, ip));
    // The same answer as a new sign-up: no error, nothing to tell the two apart.
    expect(answers).toEqual(Array(5).fill(answerNew));
    expect(await db().user.count({ where: { email } })).toBe(1);
    expect(await verifyCredentials({ email, password: PASSWORD })).toMatchObject({ id: owner.id });
    expect(await verifyCredentials({ email, password: "someone else's guess" })).toBeNull();
    const mails = await db().outboxEmail.findMany({ where: { to: email } });
    expect(mails.length).toBe(3);
    expect(mails[0]).toMatchObject({ subject: "You already have a Pennant account" });
    // The new address got its confirmation link instead.
    expect(await db().outboxEmail.findMany({ where: { to: fresh }, select: { subject: true } })).toEqual([{ subject: "Confirm your Pennant account" }]);
  });
});
