import { Agent, request, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";

/**
 * Hands a request the server does not answer itself (every app page, API
 * route and asset) to the app's own process (lib/http/next-process.ts) over
 * its Unix socket, and streams the answer back as it comes: a dashboard's
 * first bytes reach the browser as soon as Next sends them.
 *
 * Hop-by-hop headers (RFC 9110 §7.6.1) belong to each connection and are not
 * passed on: the visitor's connection to this server and this server's to
 * the app are two connections, each with its own keep-alive.
 */
const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade"]);

/** A flat [name, value, name, value…] list (as rawHeaders) without hop-by-hop headers, nor those the Connection header names. */
export function endToEnd(raw: string[]): string[] {
  const named = new Set<string>();
  for (let i = 0; i < raw.length; i += 2) {
    if (raw[i]!.toLowerCase() === "connection") for (const n of raw[i + 1]!.split(",")) named.add(n.trim().toLowerCase());
  }
  const out: string[] = [];
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    if (!HOP_BY_HOP.has(name) && !named.has(name)) out.push(raw[i]!, raw[i + 1]!);
  }
  return out;
}

/** The request's end-to-end headers as an object (duplicate names joined as Node joins them). */
function forwardedHeaders(req: IncomingMessage): IncomingHttpHeaders {
  const out: IncomingHttpHeaders = {};
  const kept = new Set<string>();
  const raw = endToEnd(req.rawHeaders);
  for (let i = 0; i < raw.length; i += 2) kept.add(raw[i]!.toLowerCase());
  for (const name of kept) out[name] = req.headers[name];
  return out;
}

const UNAVAILABLE = "Pennant's pages are not answering right now. Try again in a few seconds.\n";

export interface NextProxy {
  handle(req: IncomingMessage, res: ServerResponse): void;
  close(): void;
}

export function createNextProxy(socketPath: string): NextProxy {
  // Connections to the app are kept and reused, as a browser's are.
  const agent = new Agent({ keepAlive: true, maxSockets: 256, maxFreeSockets: 64 });
  return {
    handle(req, res) {
      const upstream = request({ socketPath, agent, method: req.method, path: req.url, headers: forwardedHeaders(req) }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.statusMessage, endToEnd(answer.rawHeaders));
        answer.pipe(res);
        answer.on("error", () => res.destroy());
      });
      upstream.on("error", () => {
        if (res.headersSent) return void res.destroy();
        res.writeHead(502, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "Retry-After": "5" }).end(UNAVAILABLE);
      });
      // The visitor went away before the answer was whole: the app stops too.
      res.on("close", () => {
        if (!res.writableFinished) upstream.destroy();
      });
      req.on("error", () => upstream.destroy());
      req.pipe(upstream);
    },
    close() {
      agent.destroy();
    },
  };
}
