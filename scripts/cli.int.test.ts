// Runs the real operator CLI in a child process against the test database:
// no vitest alias for "server-only" there, so this also proves the CLI loads lib/.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { verifyApiKey } from "@/lib/api-keys/verify-api-key";
import { verifyCredentials } from "@/lib/users/verify-credentials";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { makeUser, uniqueEmail } from "@/tests/factories";
import { startRedirectServer } from "@/tests/redirect-server";

const root = path.resolve(import.meta.dirname, "..");

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(...args: string[]): Promise<Run> {
  return cliWith({}, ...args);
}

/**
 * `node --import tsx` loads the CLI with the same loader as `npm run cli` (tsx), in
 * one process instead of tsx's launcher and the child it starts (about 0.2 s of CPU a call).
 */
function cliWith(env: Record<string, string>, ...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ["--import", "tsx", "scripts/cli.ts", ...args], { cwd: root, env: { ...process.env, ...env }, timeout: 60_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === "number" ? err.code : null) : 0, stdout, stderr });
    });
  });
}

/** A failure: the exit code, and exactly one line on stderr. */
function expectFailure(run: Run, code: 1 | 2, message: RegExp) {
  expect(run.code, run.stderr).toBe(code);
  const lines = run.stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^error: /);
  expect(lines[0]).toMatch(message);
}

function expectSuccess(run: Run) {
  expect(run.code, run.stderr).toBe(0);
}

function uniqueSlug(prefix: string) {
  return `${prefix}-${Math.random().toString(36).slice(2, 8)}`;
}

describe("operator CLI", { timeout: 60_000 }, () => {
  it("lists every command for help and for no arguments", async () => {
    for (const args of [["help"], []]) {
      const run = await cli(...args);
      expectSuccess(run);
      for (const command of ["migrate", "users:create", "workspaces:create", "members:add", "api-keys:create"]) {
        expect(run.stdout).toContain(command);
      }
    }
  });

  it("exits 2 with one line for an unknown command, an unknown flag and a missing flag", async () => {
    expectFailure(await cli("users:delete"), 2, /unknown command "users:delete"/);
    expectFailure(await cli("users:create", "--email", uniqueEmail(), "--password", "correct horse", "--admin", "yes"), 2, /Unknown option '--admin'/);
    const email = uniqueEmail("nopw");
    expectFailure(await cli("users:create", "--email", email), 2, /missing --password/);
    expect(await db().user.count({ where: { email } })).toBe(0);
  });

  it("says in one line when the database cannot be reached or DATABASE_URL is wrong", async () => {
    const args = ["users:create", "--email", uniqueEmail("down"), "--password", "correct horse battery"];
    expectFailure(await cliWith({ DATABASE_URL: "postgres://postgres@127.0.0.1:1/pennant" }, ...args), 1, /Can't reach database server/);
    expectFailure(await cliWith({ DATABASE_URL: "mysql://db/pennant" }, ...args), 1, /DATABASE_URL must start with file:/);
  });

  it("applies migrations idempotently", async () => {
    const run = await cli("migrate");
    expectSuccess(run);
    expect(run.stdout).toMatch(/database ready/);
  });

  it("applies migrations while a server has the same database open", async () => {
    const server = await startRedirectServer();
    try {
      await fetch(`http://127.0.0.1:${server.port}/no-such-link`, { redirect: "manual" });
      const run = await cli("migrate");
      expectSuccess(run);
      expect(run.stdout).toMatch(/database ready/);
    } finally {
      await server.stop();
    }
  });

  it("creates a user who can then sign in with the password", async () => {
    const email = uniqueEmail("cli");
    const run = await cli("users:create", "--email", email.toUpperCase(), "--password", "correct horse battery", "--name", "Cli User");
    expectSuccess(run);
    const user = await db().user.findUnique({ where: { email } });
    expect(user).toMatchObject({ name: "Cli User" });
    expect(run.stdout.trim()).toBe(`Created user ${email} (id ${user?.id})`);
    expect(await verifyCredentials({ email, password: "correct horse battery" })).toMatchObject({ id: user?.id });
    expect(await db().membership.count({ where: { userId: user?.id, role: "owner", workspace: { personal: true } } })).toBe(1);
  });

  it("refuses a duplicate email or bad input with exit 1, one line, and writes nothing", async () => {
    const existing = await makeUser("taken");
    expectFailure(await cli("users:create", "--email", existing.email, "--password", "correct horse battery"), 1, /already exists/);
    expect(await db().user.count({ where: { email: existing.email } })).toBe(1);

    const email = uniqueEmail("short");
    expectFailure(await cli("users:create", "--email", email, "--password", "short"), 1, /password: Use at least 8 characters/);
    expectFailure(await cli("users:create", "--email", "not-an-email", "--password", "correct horse battery"), 1, /email: Enter a valid email address/);
    expect(await db().user.count({ where: { email } })).toBe(0);
  });

  it("creates a workspace for an existing owner, and refuses a missing owner or a taken slug", async () => {
    const owner = await makeUser("wsowner");
    const slug = uniqueSlug("cli-ws");
    const run = await cli("workspaces:create", "--owner", owner.email, "--name", "CLI Workspace", "--slug", slug);
    expectSuccess(run);
    expect(run.stdout).toContain(`Created workspace ${slug}`);
    const ws = await db().workspace.findUnique({ where: { slug }, select: { name: true, memberships: { select: { userId: true, role: true } } } });
    expect(ws).toEqual({ name: "CLI Workspace", memberships: [{ userId: owner.id, role: "owner" }] });

    const ghost = uniqueEmail("ghost");
    const other = uniqueSlug("ghost-ws");
    expectFailure(await cli("workspaces:create", "--owner", ghost, "--name", "Ghost", "--slug", other), 1, new RegExp(`No user with the email ${ghost}`));
    expectFailure(await cli("workspaces:create", "--owner", owner.email, "--name", "Again", "--slug", slug), 1, /taken/);
    expect(await db().workspace.count({ where: { slug: other } })).toBe(0);
    expect(await db().workspace.count({ where: { name: "Again", memberships: { some: { userId: owner.id } } } })).toBe(0);
  });

  it("adds a member, changes their role on a second run, and refuses bad input", async () => {
    const owner = await makeUser("mowner");
    const ws = await createWorkspace(owner.id, { name: "Members via CLI" });
    const user = await makeUser("joiner");
    const roleOf = async () => (await db().membership.findUnique({ where: { workspaceId_userId: { workspaceId: ws.id, userId: user.id } } }))?.role;

    const added = await cli("members:add", "--workspace", ws.slug, "--email", user.email, "--role", "viewer");
    expectSuccess(added);
    expect(added.stdout).toContain(`Added ${user.email} to ${ws.slug} as viewer`);
    expect(await roleOf()).toBe("viewer");

    const changed = await cli("members:add", "--workspace", ws.slug, "--email", user.email, "--role", "admin");
    expectSuccess(changed);
    expect(await roleOf()).toBe("admin");
    expect(await db().membership.count({ where: { workspaceId: ws.id } })).toBe(2);

    expectFailure(await cli("members:add", "--workspace", ws.slug, "--email", user.email, "--role", "superuser"), 1, /role: Choose owner, admin, member or viewer/);
    expectFailure(await cli("members:add", "--workspace", ws.slug, "--email", uniqueEmail("nobody"), "--role", "member"), 1, /No user with the email/);
    expectFailure(await cli("members:add", "--workspace", ws.slug, "--email", owner.email, "--role", "member"), 1, /last owner/);
    expectFailure(await cli("members:add", "--workspace", ws.slug, "--email", user.email), 2, /missing --role/);
    expect(await roleOf()).toBe("admin");
    expect(await db().membership.count({ where: { workspaceId: ws.id } })).toBe(2);
  });

  it("prints a new API key once, as the last line, storing only its hash", async () => {
    const owner = await makeUser("keyowner");
    const ws = await createWorkspace(owner.id, { name: "Keys via CLI" });
    const run = await cli("api-keys:create", "--workspace", ws.slug, "--name", "Zapier", "--role", "viewer");
    expectSuccess(run);
    const lines = run.stdout.trimEnd().split("\n");
    const key = lines.at(-1) ?? "";
    expect(run.stdout.endsWith(`${key}\n`)).toBe(true);
    expect(key).toMatch(/^pnt_[\w-]{43}$/);
    expect(run.stdout.split(key)).toHaveLength(2);

    const verified = await verifyApiKey(key);
    expect(verified).toMatchObject({ workspaceId: ws.id, role: "viewer" });
    const rows = await db().apiKey.findMany({ where: { workspaceId: ws.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: verified?.apiKeyId, name: "Zapier", keyHash: createHash("sha256").update(key).digest("hex") });
    expect(JSON.stringify(rows)).not.toContain(key);
  });

  it("refuses an owner-role key, a missing name and a missing workspace, creating no key", async () => {
    const owner = await makeUser("nokey");
    const ws = await createWorkspace(owner.id, { name: "No keys" });
    expectFailure(await cli("api-keys:create", "--workspace", ws.slug, "--name", "Root", "--role", "owner"), 1, /role: Choose admin, member or viewer/);
    expectFailure(await cli("api-keys:create", "--workspace", ws.slug, "--name", "   "), 2, /missing --name/);
    expectFailure(await cli("api-keys:create", "--workspace", uniqueSlug("nowhere"), "--name", "Lost"), 1, /No workspace with the slug/);
    expect(await db().apiKey.count({ where: { workspaceId: ws.id } })).toBe(0);
  });
});
