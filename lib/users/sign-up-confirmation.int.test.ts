import { randomInt } from "node:crypto";
import { createRequire } from "node:module";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { pennantAdapter } from "@/lib/auth/adapter";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { uniqueEmail } from "@/tests/factories";
import { createUser } from "./create-user";
import { signUp } from "./sign-up";
import { confirmSignUp, confirmSignUpAndContinue, resendSignUpConfirmation } from "./sign-up-confirmation";
import { EmailNotConfirmedError, verifyCredentials } from "./verify-credentials";

// next-auth's own hashing, as its email callback applies it to a link's token
// (by file: the package does not export it).
const { hashToken } = createRequire(import.meta.url)(path.resolve("node_modules/next-auth/core/lib/utils.js")) as {
  hashToken: (token: string, options: { provider: { secret?: string }; secret: string }) => string;
};

const PASSWORD = "correct horse battery";
const someIp = () => `198.51.100.${randomInt(1, 255)}|${randomInt(1e9)}`;

/** The newest mail to `email`, and the token of its link when it has one. */
async function lastMail(email: string) {
  const mail = await db().outboxEmail.findFirstOrThrow({ where: { to: email }, orderBy: { createdAt: "desc" } });
  const url = mail.url ? new URL(mail.url) : null;
  return { subject: mail.subject, url, token: url?.searchParams.get("token") ?? "" };
}

describe("public sign-up confirms the address first", () => {
  // The development outbox logs every mail; keep the output readable.
  beforeEach(() => void vi.spyOn(console, "log").mockImplementation(() => undefined));
  afterEach(() => vi.restoreAllMocks());

  it("answers a new, a known and an unconfirmed address identically; only the mails differ", async () => {
    const ip = someIp();
    const fresh = uniqueEmail("fresh");
    const known = uniqueEmail("known");
    await createUser({ email: known, password: PASSWORD });
    const answers = [
      await signUp({ email: fresh, password: PASSWORD, name: "New", callbackUrl: "/invite/abc" }, ip),
      await signUp({ email: known, password: "a stranger's guess", name: "Stranger" }, ip),
      await signUp({ email: fresh, password: PASSWORD, name: "New" }, ip),
    ];
    expect(answers).toEqual([undefined, undefined, undefined]);

    // The new address: an unconfirmed account with its workspace, and a link to confirm it.
    const user = await db().user.findUniqueOrThrow({ where: { email: fresh }, include: { memberships: true } });
    expect(user.emailVerified).toBeNull();
    expect(user.memberships).toHaveLength(1);
    const confirm = await lastMail(fresh);
    expect(confirm.subject).toBe("Confirm your Pennant account");
    expect(confirm.url?.pathname).toBe("/signup/confirm");
    expect(confirm.url?.searchParams.get("email")).toBe(fresh);
    expect(confirm.url?.searchParams.get("callbackUrl")).toBe("/dashboard");
    // The known one: its owner hears of it, and nothing changed.
    expect((await lastMail(known)).subject).toBe("You already have a Pennant account");
    expect(await verifyCredentials({ email: known, password: PASSWORD })).toMatchObject({ email: known });
    expect(await verifyCredentials({ email: known, password: "a stranger's guess" })).toBeNull();
  });

  it("keeps a safe callbackUrl (an invitation) in the link, and drops one to another site", async () => {
    const invited = uniqueEmail("invited");
    await signUp({ email: invited, password: PASSWORD, name: "Vic", callbackUrl: "/invite/tok-123" }, someIp());
    expect((await lastMail(invited)).url?.searchParams.get("callbackUrl")).toBe("/invite/tok-123");
    const other = uniqueEmail("other");
    await signUp({ email: other, password: PASSWORD, name: "Eve", callbackUrl: "/.//evil.example" }, someIp());
    expect((await lastMail(other)).url?.searchParams.get("callbackUrl")).toBe("/dashboard");
  });

  it("refuses a password sign-in until the address is confirmed; a wrong password still answers as wrong", async () => {
    const email = uniqueEmail("unconfirmed");
    await signUp({ email, password: PASSWORD, name: "Una" }, someIp());
    await expect(verifyCredentials({ email, password: PASSWORD })).rejects.toBeInstanceOf(EmailNotConfirmedError);
    await expect(verifyCredentials({ email, password: "not the password" })).resolves.toBeNull();
    await db().user.update({ where: { email }, data: { emailVerified: new Date() } });
    expect(await verifyCredentials({ email, password: PASSWORD })).toMatchObject({ email });
  });

  it("makes a link that next-auth's email callback takes once, for 24 hours", async () => {
    const email = uniqueEmail("once");
    await signUp({ email, password: PASSWORD, name: "Ola" }, someIp());
    const { token } = await lastMail(email);
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    const adapter = pennantAdapter();
    const hashed = hashToken(token, { provider: {}, secret: env().authSecret });
    const first = await adapter.useVerificationToken!({ identifier: email, token: hashed });
    expect(first?.identifier).toBe(email);
    const hours = ((first?.expires.getTime() ?? 0) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(23.9);
    expect(hours).toBeLessThanOrEqual(24);
    expect(await adapter.useVerificationToken!({ identifier: email, token: hashed })).toBeNull();
  });

  it("the sign-up's own link confirms and keeps its password; then next-auth's callback signs in with the same link", async () => {
    const email = uniqueEmail("own-link");
    await signUp({ email, password: PASSWORD, name: "Oona" }, someIp());
    const { token } = await lastMail(email);
    const body = new URLSearchParams({ email, token, callbackUrl: "https://evil.example/steal" });
    const res = await confirmSignUpAndContinue(new Request("http://localhost/api/auth/confirm-sign-up", { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded" } }));
    expect(res.status).toBe(303);
    const next = new URL(res.headers.get("location")!);
    expect(next.pathname).toBe("/api/auth/callback/email");
    expect(next.searchParams.get("token")).toBe(token);
    expect(new URL(next.searchParams.get("callbackUrl")!, env().APP_URL).origin).toBe(new URL(env().APP_URL).origin);
    // Confirmed, password kept, and the link is still there for the callback to use once.
    expect(await verifyCredentials({ email, password: PASSWORD })).toMatchObject({ email });
    const hashed = hashToken(token, { provider: {}, secret: env().authSecret });
    expect(await pennantAdapter().useVerificationToken!({ identifier: email, token: hashed })).not.toBeNull();
  });

  it("a wrong or expired link confirms nothing", async () => {
    const email = uniqueEmail("bad-link");
    await signUp({ email, password: PASSWORD, name: "Bo" }, someIp());
    const { token } = await lastMail(email);
    expect(await confirmSignUp({ email, token: "0".repeat(64) })).toBe(false);
    expect(await confirmSignUp({ email, token: "not a token" })).toBe(false);
    await db().verificationToken.updateMany({ where: { identifier: email }, data: { expires: new Date(Date.now() - 1000) } });
    expect(await confirmSignUp({ email, token })).toBe(false);
    await expect(verifyCredentials({ email, password: PASSWORD })).rejects.toBeInstanceOf(EmailNotConfirmedError);
  });

  it("a stranger who signed up with someone's address loses the password once the owner signs in by magic link", async () => {
    const email = uniqueEmail("owner");
    // The stranger signs up with the owner's address and a password of their own.
    await signUp({ email, password: "strangers password", name: "Mallory" }, someIp());
    // The owner later signs in with a magic link: next-auth marks the address verified.
    const user = await db().user.findUniqueOrThrow({ where: { email } });
    await pennantAdapter().updateUser!({ id: user.id, emailVerified: new Date() });
    expect(await verifyCredentials({ email, password: "strangers password" })).toBeNull();
    expect((await db().user.findUniqueOrThrow({ where: { email } })).passwordHash).toBeNull();
  });

  it("a second sign-up of an unconfirmed address replaces its password, name and workspace, and voids the earlier link", async () => {
    const email = uniqueEmail("again");
    await signUp({ email, password: "first password", name: "One" }, someIp());
    const first = await lastMail(email);
    await signUp({ email, password: "second password", name: "Two" }, someIp());
    const second = await lastMail(email);
    expect(second.token).not.toBe(first.token);
    expect(await db().verificationToken.count({ where: { identifier: email } })).toBe(1);
    // The account's personal workspace is the new sign-up's, not the first one's.
    const workspaces = await db().workspace.findMany({ where: { memberships: { some: { user: { email } } } }, select: { name: true } });
    expect(workspaces).toEqual([{ name: "Two's workspace" }]);
    await db().user.update({ where: { email }, data: { emailVerified: new Date() } });
    expect(await verifyCredentials({ email, password: "first password" })).toBeNull();
    expect(await verifyCredentials({ email, password: "second password" })).toMatchObject({ email, name: "Two" });
  });

  it("sends the link again only to an unconfirmed account, answering every address alike", async () => {
    const email = uniqueEmail("resend");
    await signUp({ email, password: PASSWORD, name: "Res" }, someIp());
    const known = uniqueEmail("resend-known");
    await createUser({ email: known, password: PASSWORD });
    const nobody = uniqueEmail("resend-nobody");
    const ip = someIp();
    for (const address of [email, known, nobody]) await expect(resendSignUpConfirmation({ email: address }, ip)).resolves.toBeUndefined();
    expect(await db().outboxEmail.count({ where: { to: email, subject: "Confirm your Pennant account" } })).toBe(2);
    expect(await db().outboxEmail.count({ where: { to: { in: [known, nobody] } } })).toBe(0);
  });

  it("counts accounts made before confirmation existed, by the CLI, or by a magic link as confirmed", async () => {
    const cli = await createUser({ email: uniqueEmail("cli"), password: PASSWORD });
    expect(await verifyCredentials({ email: cli.email, password: PASSWORD })).toMatchObject({ id: cli.id });
    const magic = await pennantAdapter().createUser!({ email: uniqueEmail("magic"), emailVerified: null, name: null, image: null });
    expect((await db().user.findUniqueOrThrow({ where: { id: magic.id } })).emailVerified).not.toBeNull();
    // The migration: no account is left unconfirmed from before it, on either database.
    const dir = process.env.TEST_DB === "postgres" ? "postgres" : "sqlite";
    const { readFileSync } = await import("node:fs");
    const sql = readFileSync(`prisma/${dir}/migrations/20261130015500_existing_accounts_confirmed/migration.sql`, "utf8");
    const row = await db().user.create({ data: { email: uniqueEmail("legacy"), passwordHash: "x" } });
    const statement = sql.split("\n").filter((l) => !l.startsWith("--")).join("\n").trim().replace(/;$/, "");
    await db().$executeRawUnsafe(`${statement} AND "id" = '${row.id}'`); // this row only: other files' users stay as they are
    const after = await db().user.findUniqueOrThrow({ where: { id: row.id } });
    expect(after.emailVerified).toBeInstanceOf(Date);
    expect(Math.abs((after.emailVerified?.getTime() ?? 0) - Date.now())).toBeLessThan(24 * 3_600_000);
  });
});
