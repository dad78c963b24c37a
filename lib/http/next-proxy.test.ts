import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createNextProxy, endToEnd, type NextProxy } from "./next-proxy";

// The app's process is stood in for by a plain HTTP server on a Unix socket:
// what is tested is the proxy in front of it, over real sockets both sides.
let dir: string;
let socketPath: string;
let app: Server;
let appHandler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end();
let front: Server;
let proxy: NextProxy;
let base: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "next-proxy-test-"));
  socketPath = path.join(dir, "app.sock");
  app = createServer((req, res) => appHandler(req, res));
  await new Promise<void>((r) => app.listen(socketPath, r));
  proxy = createNextProxy(socketPath);
  front = createServer((req, res) => proxy.handle(req, res));
  await new Promise<void>((r) => front.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(front.address() as AddressInfo).port}`;
});
afterEach(() => {
  appHandler = (_req, res) => res.end();
});
afterAll(async () => {
  proxy.close();
  front.closeAllConnections();
  await new Promise((r) => front.close(r));
  if (app.listening) {
    app.closeAllConnections();
    await new Promise((r) => app.close(r));
  }
  rmSync(dir, { recursive: true, force: true });
});

/** One request through the front server, with its raw answer. */
function send(opts: { method?: string; path?: string; headers?: Record<string, string | string[]>; body?: string }): Promise<{ status: number; raw: string[]; headers: IncomingMessage["headers"]; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${opts.path ?? "/"}`, { method: opts.method ?? "GET", headers: opts.headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode!, raw: res.rawHeaders, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end(opts.body);
  });
}

describe("the proxy to the app's process", () => {
  it("passes the method, path, query, headers and body on, and the status, headers and body back", async () => {
    appHandler = (req, res) => {
      let body = "";
      req.on("data", (d: Buffer) => (body += d.toString()));
      req.on("end", () => {
        res.writeHead(201, [["Set-Cookie", "a=1; Path=/"], ["Set-Cookie", "b=2; Path=/"], ["X-Seen", JSON.stringify({ method: req.method, url: req.url, host: req.headers.host, ip: req.headers["x-pennant-client-ip"], cookie: req.headers.cookie, body })]].flat());
        res.end("created");
      });
    };
    const answer = await send({ method: "POST", path: "/api/v1/links?workspace=acme", headers: { host: "links.example", "x-pennant-client-ip": "203.0.113.9", cookie: "session=abc", "content-type": "application/json" }, body: '{"url":"https://example.com"}' });
    expect(answer.status).toBe(201);
    expect(answer.body).toBe("created");
    expect(answer.headers["set-cookie"]).toEqual(["a=1; Path=/", "b=2; Path=/"]);
    expect(JSON.parse(answer.headers["x-seen"] as string)).toEqual({ method: "POST", url: "/api/v1/links?workspace=acme", host: "links.example", ip: "203.0.113.9", cookie: "session=abc", body: '{"url":"https://example.com"}' });
  });

  it("streams the answer: the first part arrives before the app has finished", async () => {
    let finish: () => void = () => undefined;
    appHandler = (_req, res) => {
      res.writeHead(200, { "Content-Type": "text/html" });
      res.write("<p>shell</p>");
      finish = () => res.end("<p>figures</p>");
    };
    const first = await new Promise<string>((resolve, reject) => {
      const req = request(base, (res) => {
        res.setEncoding("utf8");
        res.once("data", (d: string) => {
          resolve(d);
          finish();
        });
      });
      req.on("error", reject);
      req.end();
    });
    expect(first).toBe("<p>shell</p>");
  });

  it("keeps the two connections' own headers apart (Connection, Keep-Alive, Transfer-Encoding and those Connection names)", async () => {
    let seen: IncomingMessage["headers"] = {};
    appHandler = (req, res) => {
      seen = req.headers;
      res.writeHead(200, ["Connection", "close, X-Hop", "X-Hop", "app-side", "Keep-Alive", "timeout=1", "X-Kept", "yes"]);
      res.end("ok");
    };
    const answer = await send({ headers: { connection: "keep-alive, x-private", "x-private": "front-side", "keep-alive": "timeout=99", "x-other": "1" } });
    expect(answer.status).toBe(200);
    expect(answer.headers["x-kept"]).toBe("yes");
    expect(answer.headers["x-hop"]).toBeUndefined();
    // The answer's keep-alive is the front server's own, not the app's.
    expect(answer.headers.connection).toBe("keep-alive");
    expect(answer.headers["keep-alive"]).not.toBe("timeout=1");
    expect(seen["x-private"]).toBeUndefined();
    expect(seen["x-other"]).toBe("1");
  });

  it("answers HEAD with the headers only", async () => {
    appHandler = (_req, res) => res.writeHead(200, { "Content-Type": "text/plain", "Content-Length": "5" }).end();
    const answer = await send({ method: "HEAD" });
    expect(answer.status).toBe(200);
    expect(answer.headers["content-length"]).toBe("5");
    expect(answer.body).toBe("");
  });

  it("stops the app's work when the visitor goes away before the answer is whole", async () => {
    const closed = new Promise<boolean>((resolve) => {
      appHandler = (_req, res) => {
        res.writeHead(200).write("partial");
        res.on("close", () => resolve(!res.writableFinished));
      };
    });
    const req = request(base, (res) => res.once("data", () => req.destroy()));
    req.on("error", () => undefined);
    req.end();
    expect(await closed).toBe(true);
  });

  it("answers 502 with a message people can act on when the app's process does not answer", async () => {
    app.closeAllConnections();
    await new Promise((r) => app.close(r));
    const answer = await send({ path: "/w/acme/analytics" });
    expect(answer.status).toBe(502);
    expect(answer.headers["retry-after"]).toBe("5");
    expect(answer.body).toMatch(/not answering right now\. Try again in a few seconds/);
  });
});

describe("endToEnd", () => {
  it("drops hop-by-hop headers and the ones Connection names, whatever their case", () => {
    expect(endToEnd(["Host", "a", "Connection", "Keep-Alive, X-Secret", "keep-alive", "timeout=5", "x-secret", "1", "TE", "trailers", "Accept", "text/html"])).toEqual(["Host", "a", "Accept", "text/html"]);
  });
});
