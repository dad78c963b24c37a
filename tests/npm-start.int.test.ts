import { connect } from "node:net";
import { beforeAll, describe, expect, it } from "vitest";
import { freePort, getOnHost, startRedirectServer } from "@/tests/redirect-server";

// A deployer's process manager signals the process it started: npm, not the server under it.
const port = await freePort();
process.env.APP_URL = `http://localhost:${port}`;
const { db } = await import("@/lib/db/client");
const { createLink } = await import("@/lib/links/create-link");
const { createWorkspace } = await import("@/lib/workspaces/create-workspace");
const { accessFor, makeUser } = await import("@/tests/factories");

const HUMAN = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
let access: Awaited<ReturnType<typeof accessFor>>;

beforeAll(async () => {
  const user = await makeUser("npm-start");
  const ws = await createWorkspace(user.id, { name: "Npm start" });
  access = await accessFor(user, ws.slug, "links.write");
});

function listening(p: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(p, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

describe("npm start", () => {
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    it(`stops the server when npm gets ${signal}, writing the clicks it holds`, async () => {
      const server = await startRedirectServer({}, port, [], "npm");
      const link = await createLink(access, { url: `https://example.com/${signal}` });
      const answers = await Promise.all(Array.from({ length: 10 }, () => getOnHost(port, `localhost:${port}`, `/${link.slug}`, HUMAN)));
      expect(answers.map((a) => a.status)).toEqual(Array(10).fill(302));
      expect(await server.stop(signal)).toBe(0);
      expect(await listening(port)).toBe(false);
      expect(await db().click.count({ where: { linkId: link.id } })).toBe(10);
    }, 60_000);
  }
});
