import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, getOnHost, startRedirectServer, type RunningServer } from "@/tests/redirect-server";

// This process is instance A (the dashboard, on portA's address); the redirect server started below is instance B.
const portA = await freePort();
process.env.APP_URL = `http://localhost:${portA}`;
const HOST = `localhost:${portA}`;
const { db } = await import("@/lib/db/client");
const { createLink } = await import("./create-link");
const { duplicateLink } = await import("./duplicate-link");
const { createWorkspace } = await import("@/lib/workspaces/create-workspace");
const { accessFor, makeUser } = await import("@/tests/factories");

const HUMAN = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

/** The password form posted to an instance, as a browser does. */
function postPassword(port: number, path: string, password: string): Promise<{ status: number; location: string | undefined }> {
  const body = new URLSearchParams({ password }).toString();
  return new Promise((resolve, reject) => {
    const req = request(
      { host: "127.0.0.1", port, path, method: "POST", headers: { host: HOST, "user-agent": HUMAN, "content-type": "application/x-www-form-urlencoded", "content-length": Buffer.byteLength(body) } },
      (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0, location: res.headers.location }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

let b: RunningServer;
let access: Awaited<ReturnType<typeof accessFor>>;

beforeAll(async () => {
  b = await startRedirectServer({ APP_URL: `http://localhost:${portA}` });
  const user = await makeUser("duplicator");
  const ws = await createWorkspace(user.id, { name: "Duplicates" });
  access = await accessFor(user, ws.slug, "links.write");
}, 60_000);
afterAll(async () => {
  await b.stop();
});

describe("duplicating a password-protected link", () => {
  it("writes the copy in one create, password included, and the copy asks for the password on another instance at once", async () => {
    const source = await createLink(access, { url: "https://example.com/secret", password: "open sesame", title: "Secret", tags: ["vip"] });
    const copy = await duplicateLink(access, source.id);
    expect(copy).toMatchObject({ hasPassword: true, url: "https://example.com/secret", title: "Secret (copy)", tags: ["vip"] });
    expect(copy.slug).not.toBe(source.slug);

    const sourceRow = await db().link.findUniqueOrThrow({ where: { id: source.id } });
    const copyRow = await db().link.findUniqueOrThrow({ where: { id: copy.id } });
    expect(copyRow.passwordHash).toBe(sourceRow.passwordHash);
    // One write: a second one (the password hash set afterwards) would have moved updatedAt past createdAt.
    expect(copyRow.updatedAt.getTime()).toBe(copyRow.createdAt.getTime());

    // Instance B's very first answer for the copy is the password form, never the destination.
    const first = await getOnHost(b.port, HOST, `/${copy.slug}`, HUMAN);
    expect(first.status).toBe(200);
    expect(first.location).toBeUndefined();
    expect(await postPassword(b.port, `/${copy.slug}`, "wrong guess")).toMatchObject({ status: 401, location: undefined });
    expect(await postPassword(b.port, `/${copy.slug}`, "open sesame")).toEqual({ status: 303, location: "https://example.com/secret" });
  }, 60_000);
});
