import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { authorizeWorkspace, type Caller } from "@/lib/auth/access";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { accessFor, makeUser } from "@/tests/factories";
import { createApiKey } from "./create-api-key";
import { listApiKeys, revokeApiKey } from "./list-api-keys";
import { verifyApiKey } from "./verify-api-key";

async function workspace(name = "Keys Inc") {
  const owner = await makeUser("keys");
  const ws = await createWorkspace(owner.id, { name });
  return { owner, ws, access: await accessFor(owner, ws.slug, "api_keys.manage") };
}

async function callerFor(key: string): Promise<Caller> {
  const verified = await verifyApiKey(key);
  if (!verified) throw new Error("the key did not verify");
  return { kind: "api_key", ...verified };
}

describe("API keys", () => {
  it("creates a key shown once that verifies to its workspace and role", async () => {
    const { owner, ws, access } = await workspace();
    const created = await createApiKey(access, { name: "  Zapier  ", role: "viewer" });
    expect(created).toMatchObject({ name: "Zapier", role: "viewer" });
    expect(created.key).toMatch(/^pnt_[\w-]{43}$/);
    expect(created.start).toBe(created.key.slice(0, 8));
    expect(await verifyApiKey(created.key)).toEqual({ apiKeyId: created.id, workspaceId: ws.id, role: "viewer" });

    const listed = await listApiKeys(access);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ id: created.id, name: "Zapier", start: created.start, createdBy: { email: owner.email } });
    expect(JSON.stringify(listed)).not.toContain(created.key);
  });

  it("gives new keys the member role unless told otherwise, and never the owner role", async () => {
    const { ws, access } = await workspace();
    expect((await createApiKey(access, { name: "CI" })).role).toBe("member");
    // @ts-expect-error the type already forbids "owner"; this checks the runtime guard behind it.
    await expect(createApiKey(access, { name: "Root", role: "owner" })).rejects.toThrow(/Choose admin, member or viewer/);
    await expect(createApiKey(access, { name: "   " })).rejects.toThrow(/Name the key/);
    expect(await db().apiKey.count({ where: { workspaceId: ws.id } })).toBe(1);
  });

  it("stores only a SHA-256 hash of the key", async () => {
    const { access } = await workspace();
    const created = await createApiKey(access, { name: "Hash check" });
    const row = await db().apiKey.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.keyHash).toBe(createHash("sha256").update(created.key).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(created.key);
  });

  it("refuses unknown, malformed, tampered and expired keys", async () => {
    const { access } = await workspace();
    const created = await createApiKey(access, { name: "Expiring" });
    const last = created.key.at(-1) === "A" ? "B" : "A";
    expect(await verifyApiKey(`${created.key.slice(0, -1)}${last}`)).toBeNull();
    expect(await verifyApiKey(created.key.slice(4))).toBeNull();
    expect(await verifyApiKey("pnt_" + "a".repeat(300))).toBeNull();
    expect(await verifyApiKey("")).toBeNull();
    await db().apiKey.update({ where: { id: created.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await verifyApiKey(created.key)).toBeNull();
  });

  it("revokes a key so it stops working and leaves the list", async () => {
    const { access } = await workspace();
    const keep = await createApiKey(access, { name: "Keep" });
    const drop = await createApiKey(access, { name: "Drop" });
    await revokeApiKey(access, drop.id);
    expect(await verifyApiKey(drop.key)).toBeNull();
    expect(await verifyApiKey(keep.key)).not.toBeNull();
    expect((await listApiKeys(access)).map((k) => k.id)).toEqual([keep.id]);
    await expect(revokeApiKey(access, drop.id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("answers another workspace's key id as not found and leaves that key working", async () => {
    const mine = await workspace("Mine");
    const theirs = await workspace("Theirs");
    const their = await createApiKey(theirs.access, { name: "Theirs" });
    await expect(revokeApiKey(mine.access, their.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(revokeApiKey(mine.access, "no-such-key")).rejects.toMatchObject({ code: "not_found" });
    expect(await verifyApiKey(their.key)).not.toBeNull();
  });

  it("lets a key act in its own workspace only; another workspace looks missing", async () => {
    const mine = await workspace("Own");
    const other = await workspace("Other");
    const caller = await callerFor((await createApiKey(mine.access, { name: "Bot", role: "admin" })).key);
    await expect(authorizeWorkspace(caller, mine.ws.slug.toUpperCase(), "api_keys.manage")).resolves.toMatchObject({ workspace: { id: mine.ws.id }, role: "admin", userId: null });
    await expect(authorizeWorkspace(caller, other.ws.slug, "workspace.read")).rejects.toMatchObject({ code: "not_found", message: "Workspace not found" });
  });

  it("lets a viewer key read but refuses it write permission", async () => {
    const { ws, access } = await workspace();
    const caller = await callerFor((await createApiKey(access, { name: "Dashboard", role: "viewer" })).key);
    await expect(authorizeWorkspace(caller, ws.slug, "links.read")).resolves.toMatchObject({ role: "viewer" });
    await expect(authorizeWorkspace(caller, ws.slug, "links.write")).rejects.toMatchObject({ code: "forbidden" });
    await expect(authorizeWorkspace(caller, ws.slug, "api_keys.manage")).rejects.toMatchObject({ code: "forbidden" });
  });
});
