import { existsSync } from "node:fs";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loopbackFor, WARM_PATHS, warmRoutes, warmSummary } from "./warm-routes";

/** The app's page file a path is answered by (route groups in parentheses are not in the path). */
function pageFileOf(p: string): string | null {
  const app = path.join(process.cwd(), "app");
  const segments = p.split("/").filter(Boolean).map((s) => (s === "-" ? "[slug]" : s));
  for (const group of ["", "(auth)"]) {
    const file = path.join(app, group, ...segments, "page.tsx");
    if (existsSync(file)) return file;
  }
  return null;
}

describe("warming the first pages", () => {
  it("names pages that exist, so a renamed page is not warmed in vain", () => {
    for (const p of WARM_PATHS) expect(pageFileOf(p), p).not.toBeNull();
  });

  it("asks for each page in turn, on the app's own host, and reports each answer", async () => {
    const seen: { path: string; host: string; open: number }[] = [];
    let open = 0;
    const server = createServer((req: IncomingMessage, res) => {
      open++;
      seen.push({ path: req.url ?? "", host: req.headers.host ?? "", open });
      setTimeout(() => {
        open--;
        res.writeHead(req.url === "/broken" ? 500 : 307, { Location: "/signin" }).end();
      }, 20);
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      const { port } = server.address() as AddressInfo;
      const warmed = await warmRoutes({ port, address: "0.0.0.0" }, "links.example.com", ["/signin", "/broken", "/w/-"]);
      expect(warmed.map((w) => [w.path, w.status])).toEqual([["/signin", 307], ["/broken", 500], ["/w/-", 307]]);
      expect(warmSummary(warmed)).toMatch(/^pages warmed: 2 of 3 in \d+ ms \(not warmed: \/broken 500\)$/);
      // One at a time: a start's few spare milliseconds, not a burst.
      expect(seen).toEqual([
        { path: "/signin", host: "links.example.com", open: 1 },
        { path: "/broken", host: "links.example.com", open: 1 },
        { path: "/w/-", host: "links.example.com", open: 1 },
      ]);
    } finally {
      server.close();
    }
  });

  it("goes on without an answer when nothing listens", async () => {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((r) => server.close(() => r()));
    const warmed = await warmRoutes({ port, address: "127.0.0.1" }, "localhost", ["/signin", "/dashboard"]);
    expect(warmed.map((w) => w.status)).toEqual([0, 0]);
    expect(warmSummary(warmed)).toMatch(/not warmed: \/signin no answer, \/dashboard no answer\)$/);
  });

  it("asks on the loopback when the server listens on every interface", () => {
    expect(loopbackFor("0.0.0.0")).toBe("127.0.0.1");
    expect(loopbackFor("::")).toBe("::1");
    expect(loopbackFor("10.0.0.5")).toBe("10.0.0.5");
  });
});
