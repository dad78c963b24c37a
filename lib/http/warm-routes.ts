import { request } from "node:http";

/**
 * The pages people open first after a server starts: the sign-in page, the
 * workspace list and a workspace's links, overview and analytics ("-" is no
 * workspace). Asked signed out, each page loads its code and answers at once
 * with a redirect to sign-in (or the sign-in page itself), reading nothing
 * from the database.
 */
export const WARM_PATHS = ["/signin", "/dashboard", "/w/-/analytics", "/w/-/links", "/w/-"] as const;

export interface WarmedRoute {
  path: string;
  /** The answer's status; 0 when no answer came (the warm-up goes on with the next page). */
  status: number;
  ms: number;
}

/**
 * Asks this server for each page, one after the other, over HTTP on its own
 * address. Next loads a route's code (the page, its layout and what they
 * import) on the route's first request, not at start, and the first of them
 * also warms the renderer: the first person to open the dashboard after a
 * restart waited up to 0.8 s more for it (README, "A server's first page").
 * `host` is the Host header (the app's own, so no short link is looked up).
 */
export async function warmRoutes(listening: { port: number; address: string }, host: string, paths: readonly string[] = WARM_PATHS): Promise<WarmedRoute[]> {
  const { port } = listening;
  const address = loopbackFor(listening.address);
  const out: WarmedRoute[] = [];
  for (const path of paths) {
    const t = performance.now();
    const status = await new Promise<number>((resolve) => {
      const req = request({ host: address, port, path, headers: { host, accept: "text/html", "user-agent": "Pennant warm-up" } }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
        res.on("error", () => resolve(0));
      });
      req.setTimeout(10_000, () => req.destroy());
      req.on("error", () => resolve(0));
      req.end();
    });
    out.push({ path, status, ms: Math.round(performance.now() - t) });
  }
  return out;
}

/** One line for the log: how many pages answered (a 4xx or 5xx warmed nothing worth having), and which did not. */
export function warmSummary(warmed: WarmedRoute[]): string {
  const failed = warmed.filter((w) => !w.status || w.status >= 400);
  const ms = warmed.reduce((sum, w) => sum + w.ms, 0);
  const which = failed.length ? ` (not warmed: ${failed.map((w) => `${w.path} ${w.status || "no answer"}`).join(", ")})` : "";
  return `pages warmed: ${warmed.length - failed.length} of ${warmed.length} in ${ms} ms${which}`;
}

/** The address to ask this server on: where it listens, or the loopback when it listens on every interface. */
export function loopbackFor(listening: string): string {
  if (listening === "0.0.0.0" || listening === "") return "127.0.0.1";
  if (listening === "::") return "::1";
  return listening;
}
