import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, getOnHost, startRedirectServer, type RunningServer } from "@/tests/redirect-server";

// The production server as `npm start` runs it: short links answered in front,
// the app's pages in a process of their own behind it (lib/http/next-process.ts).
// Needs the production build (`npm test` builds before the integration tests).
const port = await freePort();
process.env.APP_URL = `http://localhost:${port}`;
const { createApiKey } = await import("@/lib/api-keys/create-api-key");
const { createWorkspace } = await import("@/lib/workspaces/create-workspace");
const { accessFor, makeUser } = await import("@/tests/factories");

const HUMAN = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const root = path.resolve(import.meta.dirname, "..");
let server: RunningServer;
let key: string;

/** The app's processes the server started (by parent pid and PENNANT_NEXT_CHILD, from /proc; a short-lived tool it runs is not one). */
function childrenOf(pid: number): number[] {
  return readdirSync("/proc")
    .filter((e) => /^\d+$/.test(e))
    .filter((e) => {
      try {
        const stat = readFileSync(`/proc/${e}/stat`, "utf8");
        if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) !== pid) return false;
        return readFileSync(`/proc/${e}/environ`, "utf8").split("\0").includes("PENNANT_NEXT_CHILD=1");
      } catch {
        return false;
      }
    })
    .map(Number);
}
const alive = (pid: number) => existsSync(`/proc/${pid}`) && !readFileSync(`/proc/${pid}/stat`, "utf8").includes(") Z ");

function api(method: string, url: string, body?: unknown): Promise<Response> {
  return fetch(`http://127.0.0.1:${port}${url}`, {
    method,
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json", host: `localhost:${port}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

beforeAll(async () => {
  expect(existsSync(path.join(root, ".next", "BUILD_ID")), "the production build is missing: run `npm run build` first").toBe(true);
  const user = await makeUser("app-process");
  const ws = await createWorkspace(user.id, { name: "App process" });
  key = (await createApiKey(await accessFor(user, ws.slug, "api_keys.manage"), { name: "test", role: "member" })).key;
  server = await startRedirectServer({ PENNANT_REDIRECT_ONLY: "0", NEXT_TELEMETRY_DISABLED: "1", PENNANT_CLICK_RETENTION: "0", PENNANT_DOMAIN_RECHECK: "0" }, port);
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

describe("the production server", () => {
  it("runs the app's pages in a process of its own and answers them through the front server", async () => {
    expect(childrenOf(server.proc.pid!), server.output()).toHaveLength(1);
    const signin = await fetch(`http://127.0.0.1:${port}/signin`, { headers: { host: `localhost:${port}` } });
    expect(signin.status).toBe(200);
    expect(await signin.text()).toContain("Sign in");
  });

  it("sends visitors to a link's new destination as soon as an edit through the API has answered", async () => {
    const created = await api("POST", "/api/v1/links", { url: "https://example.com/v0" });
    expect(created.status).toBe(201);
    const link = (await created.json()) as { id: string; slug: string };
    // Each round: the link is cached by the front server, edited in the app's process, and opened at once.
    for (let i = 1; i <= 15; i++) {
      expect((await getOnHost(port, `localhost:${port}`, `/${link.slug}`, HUMAN)).location).toBe(`https://example.com/v${i - 1}`);
      const edited = await api("PATCH", `/api/v1/links/${link.id}`, { url: `https://example.com/v${i}` });
      expect(edited.status).toBe(200);
      expect((await getOnHost(port, `localhost:${port}`, `/${link.slug}`, HUMAN)).location).toBe(`https://example.com/v${i}`);
    }
  });

  it("stops both processes on SIGTERM and leaves no socket behind", async () => {
    const children = childrenOf(server.proc.pid!);
    expect(children, server.output()).toHaveLength(1);
    const child = children[0];
    const socket = readFileSync(`/proc/${child}/environ`, "utf8").split("\0").find((v) => v.startsWith("PENNANT_NEXT_SOCKET="))!.split("=")[1]!;
    expect(existsSync(socket)).toBe(true);
    expect(await server.stop("SIGTERM")).toBe(0);
    expect(alive(child!)).toBe(false);
    expect(existsSync(path.dirname(socket))).toBe(false);
    expect(server.output()).not.toMatch(/fatal/);
  }, 60_000); // a loaded machine stops slowly (the clicks are written first)
});

describe("the production server with PENNANT_NEXT_IN_PROCESS=1", () => {
  let single: RunningServer;
  beforeAll(async () => {
    single = await startRedirectServer({ PENNANT_REDIRECT_ONLY: "0", PENNANT_NEXT_IN_PROCESS: "1", NEXT_TELEMETRY_DISABLED: "1", PENNANT_CLICK_RETENTION: "0", PENNANT_DOMAIN_RECHECK: "0" });
  }, 120_000);
  afterAll(async () => {
    await single?.stop();
  });

  it("serves the app's pages from its own process, starting none", async () => {
    const signin = await fetch(`http://127.0.0.1:${single.port}/signin`, { headers: { host: `localhost:${single.port}` } });
    expect(signin.status).toBe(200);
    expect(await signin.text()).toContain("Sign in");
    expect(childrenOf(single.proc.pid!)).toEqual([]);
  });
});
