import { isIP } from "node:net";

/** The parts of node:dns/promises a check needs; tests pass their own (the resolver is the outside world). */
export interface DnsResolver {
  resolveCname(hostname: string): Promise<string[]>;
  resolve4(hostname: string): Promise<string[]>;
  resolve6(hostname: string): Promise<string[]>;
}

/** The DNS record a branded domain needs: a CNAME to the app's host, or A/AAAA records when the app is known by address. */
export function expectedRecord(hostname: string, appHost: string): { type: "CNAME" | "A" | "AAAA"; name: string; value: string } {
  const ip = isIP(appHost);
  return { type: ip === 4 ? "A" : ip === 6 ? "AAAA" : "CNAME", name: hostname, value: appHost };
}

const bare = (h: string) => h.toLowerCase().replace(/\.$/, "");

async function lookup(fn: () => Promise<string[]>): Promise<string[]> {
  try {
    return await fn();
  } catch (err) {
    const code = (err as { code?: string }).code;
    // No such name, or no record of that type: an empty answer, not a failure of the check.
    if (code === "ENOTFOUND" || code === "ENODATA" || code === "ENONAME") return [];
    throw err;
  }
}

/**
 * Whether `hostname` reaches the app: a CNAME to the app's host, or A/AAAA
 * records that are among the app's own addresses. Returns null when it does,
 * else the reason, in words a person can act on.
 */
export async function checkDns(resolver: DnsResolver, hostname: string, appHost: string): Promise<string | null> {
  const app = bare(appHost);
  try {
    const cnames = (await lookup(() => resolver.resolveCname(hostname))).map(bare);
    if (cnames.includes(app)) return null;
    if (cnames.length) return `${hostname} has a CNAME record to ${cnames.join(", ")}, not to ${app}.`;
    const [own4, own6] = await Promise.all([lookup(() => resolver.resolve4(hostname)), lookup(() => resolver.resolve6(hostname))]);
    const own = [...own4, ...own6];
    if (!own.length) return `No CNAME, A or AAAA record found for ${hostname} yet. DNS changes can take a few hours to spread.`;
    const appVersion = isIP(app);
    const [app4, app6] = appVersion ? [appVersion === 4 ? [app] : [], appVersion === 6 ? [app] : []] : await Promise.all([lookup(() => resolver.resolve4(app)), lookup(() => resolver.resolve6(app))]);
    const appAddresses = new Set([...app4, ...app6]);
    if (own.some((a) => appAddresses.has(a))) return null;
    return `${hostname} points to ${own.join(", ")}, which is not this server (${[...appAddresses].join(", ") || app}).`;
  } catch (err) {
    return `The DNS lookup for ${hostname} failed (${(err as { code?: string }).code ?? "error"}). Pennant will try again.`;
  }
}
