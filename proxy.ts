// Runs before every request Next answers (Next 16's name for middleware):
// security headers with a fresh CSP nonce per request, and server actions
// refused from any other origin with 403 (Next's own check answers 500).
// Short links never reach it: server.ts answers them first.
import { NextResponse, type NextRequest } from "next/server";
import { securityHeaders } from "@/lib/http/security-headers";

const appUrl = process.env.APP_URL || "http://localhost:3000";
const appOrigin = new URL(appUrl).origin;
const https = appUrl.startsWith("https:");
const dev = process.env.NODE_ENV === "development";

export function proxy(req: NextRequest) {
  const isAction = req.method === "POST" && req.headers.has("next-action");
  if (isAction) {
    const origin = req.headers.get("origin");
    if (origin !== appOrigin) {
      return NextResponse.json(
        { error: { code: "forbidden", message: "Cross-site request refused: this form can only be sent from Pennant's own pages." } },
        { status: 403, headers: securityHeaders({ nonce: "", https, dev }, true) },
      );
    }
  }
  const api = req.nextUrl.pathname.startsWith("/api/");
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const headers = securityHeaders({ nonce, https, dev }, api);
  // Next reads the nonce from the request's policy and puts it on its own scripts.
  const requestHeaders = new Headers(req.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]!);
  const res = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [k, v] of Object.entries(headers)) res.headers.set(k, v);
  return res;
}

export const config = {
  // Every page and API route; not the build's static files (they carry no markup).
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
