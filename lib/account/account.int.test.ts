import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { verifyPassword } from "@/lib/auth/password";
import { createLink } from "@/lib/links/create-link";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { accessFor, failureOf, makeUser } from "@/tests/factories";
import { confirmEmailChange, requestEmailChange } from "./change-email";
import { deleteAccount } from "./delete-account";
import { disconnectProvider } from "./disconnect-provider";
import { uploadAvatar } from "./upload-avatar";
import sharp from "sharp";
import { getAccount } from "./get-account";
import { changePassword, signOutEverywhere, updateProfile } from "./update-account";
import { sessionIsCurrent, signInClaims } from "@/lib/auth/session-time";

const fieldsOf = (e: { details?: unknown }) => (e.details as { fields?: Record<string, string> }).fields;

describe("the account", () => {
  it("changes name and picture, refusing a picture that is not https", async () => {
    const user = await makeUser("profile");
    expect(await updateProfile(user, { name: " Ana Lima ", image: "https://img.example/ana.png" })).toEqual({ name: "Ana Lima", image: "https://img.example/ana.png" });
    const bad = await failureOf(updateProfile(user, { name: "Ana", image: "javascript:alert(1)" }));
    expect(bad.status).toBe(422);
    expect(fieldsOf(bad)?.image).toMatch(/https/);
  });

  it("changes the password only with the current one, and sets a first one for a magic-link account", async () => {
    const user = await makeUser("password");
    const wrong = await failureOf(changePassword(user, { current: "not it", password: "a new password" }));
    expect(fieldsOf(wrong)).toEqual({ current: "That is not your current password." });
    expect(await changePassword(user, { current: "correct horse battery", password: "a new password" })).toEqual({ set: false });
    const linkOnly = await db().user.create({ data: { email: `link-only-${Date.now()}@example.com` }, select: { id: true, email: true, name: true } });
    expect((await getAccount(linkOnly)).hasPassword).toBe(false);
    expect(await changePassword(linkOnly, { password: "my first password" })).toEqual({ set: true });
    const row = await db().user.findUniqueOrThrow({ where: { id: linkOnly.id } });
    expect(await verifyPassword("my first password", row.passwordHash!)).toBe(true);
  });

  it("changes the email only when the link sent to the new address is opened, once", async () => {
    const user = await makeUser("email");
    const other = await makeUser("taken");
    expect((await failureOf(requestEmailChange(user, { email: other.email }))).status).toBe(409);
    const next = `new-${Date.now()}@example.com`;
    await requestEmailChange(user, { email: next.toUpperCase() });
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
    const mail = await db().outboxEmail.findFirstOrThrow({ where: { to: next }, orderBy: { createdAt: "desc" } });
    const token = new URL(mail.url!).searchParams.get("token")!;
    expect(await db().verificationToken.count({ where: { token } })).toBe(0); // only its hash is stored
    expect(await confirmEmailChange(token)).toEqual({ email: next });
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(next);
    expect((await failureOf(confirmEmailChange(token))).status).toBe(404);
  });

  it("takes an uploaded picture re-encoded to a small square PNG, refusing SVG and files over 2 MB, keeping it when the profile is saved", async () => {
    const user = await makeUser("avatar");
    const jpeg = await sharp({ create: { width: 800, height: 600, channels: 3, background: "#3366cc" } }).jpeg().withMetadata({ exif: { IFD0: { Copyright: "secret text" } } }).toBuffer();
    const { image } = await uploadAvatar(user, jpeg, "image/jpeg");
    expect(image).toMatch(/^data:image\/png;base64,/);
    const png = Buffer.from(image.split(",")[1]!, "base64");
    const meta = await sharp(png).metadata();
    expect({ format: meta.format, width: meta.width, height: meta.height, exif: meta.exif }).toEqual({ format: "png", width: 112, height: 112, exif: undefined });
    expect((await getAccount(user)).image).toBe(image);
    // Saving the name without a picture address leaves the uploaded picture alone.
    await updateProfile(user, { name: "Ava" });
    expect((await getAccount(user)).image).toBe(image);

    const svg = await failureOf(uploadAvatar(user, new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), "image/svg+xml"));
    expect(svg).toMatchObject({ status: 422, message: expect.stringMatching(/SVG/) });
    const huge = await failureOf(uploadAvatar(user, new Uint8Array(2 * 1024 * 1024 + 1), "image/png"));
    expect(huge).toMatchObject({ status: 422, message: expect.stringMatching(/limit is 2 MB/) });
    expect((await getAccount(user)).image).toBe(image);
  });

  it("disconnects a sign-in method, refusing the last way in with a message", async () => {
    const oauthOnly = await db().user.create({ data: { email: `oauth-${Date.now()}@example.com` }, select: { id: true, email: true, name: true } });
    const connect = (provider: string) => db().account.create({ data: { userId: oauthOnly.id, type: "oauth", provider, providerAccountId: `${provider}-${oauthOnly.id}` } });
    await connect("github");
    await connect("google");
    // Without sign-in links on the server, GitHub and Google are the only ways in: one may go, not both.
    expect(await disconnectProvider(oauthOnly, { provider: "google" }, false)).toEqual({ provider: "google" });
    expect((await getAccount(oauthOnly)).connected).toEqual(["github"]);
    const last = await failureOf(disconnectProvider(oauthOnly, { provider: "github" }, false));
    expect(last).toMatchObject({ status: 409, message: expect.stringMatching(/only way you can sign in\. Set a password first/) });
    expect((await getAccount(oauthOnly)).connected).toEqual(["github"]);
    // With a password, the last connected method can go; one that is not connected answers 404.
    await changePassword(oauthOnly, { password: "a password of mine" });
    expect(await disconnectProvider(oauthOnly, { provider: "github" }, false)).toEqual({ provider: "github" });
    expect((await getAccount(oauthOnly)).connected).toEqual([]);
    expect((await failureOf(disconnectProvider(oauthOnly, { provider: "github" }, false))).status).toBe(404);
    // Nobody else's methods are touched.
    const other = await makeUser("other-oauth");
    await db().account.create({ data: { userId: other.id, type: "oauth", provider: "github", providerAccountId: `gh-${other.id}` } });
    expect((await getAccount(other)).connected).toEqual(["github"]);
  });

  it("ends every session signed in before 'sign out everywhere'", async () => {
    const user = await makeUser("sessions");
    const before = signInClaims(Date.now() - 5);
    await signOutEverywhere(user);
    const again = signInClaims();
    const { sessionsValidFrom } = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(sessionIsCurrent(before, sessionsValidFrom)).toBe(false);
    // Signing in again at once, within the same second, holds.
    expect(sessionIsCurrent(again, sessionsValidFrom)).toBe(true);
  });

  it("is deleted with the workspaces it alone is in, refused while it alone owns one with other members", async () => {
    const owner = await makeUser("leaving");
    const teammate = await makeUser("staying");
    const shared = await createWorkspace(owner.id, { name: `Shared ${Date.now()}` });
    await db().membership.create({ data: { workspaceId: shared.id, userId: teammate.id, role: "member" } });
    const solo = await createWorkspace(owner.id, { name: `Solo ${Date.now()}` });
    const soloLink = await createLink(await accessFor(owner, solo.slug, "links.write"), { url: "https://example.com/solo" });

    const wrongConfirm = await failureOf(deleteAccount(owner, { confirm: "nope" }));
    expect(wrongConfirm.status).toBe(422);
    const blocked = await failureOf(deleteAccount(owner, { confirm: owner.email }));
    expect(blocked.status).toBe(409);
    expect(blocked.message).toContain(shared.name);
    expect(await db().user.count({ where: { id: owner.id } })).toBe(1);

    // Hand the shared workspace over: now the account can go.
    await db().membership.updateMany({ where: { workspaceId: shared.id, userId: teammate.id }, data: { role: "owner" } });
    expect((await getAccount(owner)).workspaces.find((w) => w.slug === shared.slug)?.fate).toBe("left");
    await deleteAccount(owner, { confirm: owner.email.toUpperCase() });
    expect(await db().user.count({ where: { id: owner.id } })).toBe(0);
    expect(await db().workspace.count({ where: { id: solo.id } })).toBe(0);
    expect(await db().link.count({ where: { id: soloLink.id } })).toBe(0);
    expect(await db().membership.findMany({ where: { workspaceId: shared.id }, select: { userId: true } })).toEqual([{ userId: teammate.id }]);
  });
});
