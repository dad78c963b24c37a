// The ceiling for the redirect benchmark: a bare node:http server answering
// 302 from an in-memory Map of the same slugs, run in its own process.
// Usage: node --import tsx scripts/bench/ceiling-server.ts <port> <slugs-file>
import { createServer } from "node:http";
import { readFileSync } from "node:fs";

const [portArg, file] = process.argv.slice(2);
const links = new Map<string, string>();
for (const line of readFileSync(file!, "utf8").split("\n")) {
  const [slug, url] = line.split("\t");
  if (slug && url) links.set(slug, url);
}

const server = createServer((req, res) => {
  const location = links.get((req.url ?? "/").slice(1));
  if (location) res.writeHead(302, { Location: location }).end();
  else res.writeHead(404).end();
});
server.keepAliveTimeout = 65_000;
server.listen(Number(portArg), "127.0.0.1", () => console.log(`[ceiling] ready (${links.size} slugs)`));
process.on("SIGTERM", () => process.exit(0));
