// Pennant's HTTP server: resolves the visitor's address once (trusting
// X-Forwarded-For only from TRUSTED_PROXIES), then hands the request to Next.
// Run by `npm run dev` and `npm start`; migrations are applied before listening.
import { createServer } from "node:http";
import next from "next";
import nextEnv from "@next/env";
import { clientIpResolver, CLIENT_IP_HEADER } from "./lib/net/client-ip";
import { migrateDatabase } from "./lib/db/migrate";
import { parseEnv } from "./lib/env";

const dev = process.argv.includes("--dev");
if (!process.env.NODE_ENV) Object.assign(process.env, { NODE_ENV: dev ? "development" : "production" });
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "0.0.0.0";

async function main() {
  nextEnv.loadEnvConfig(import.meta.dirname, dev); // .env files, as Next itself reads them
  const env = parseEnv(process.env);
  if (process.env.PENNANT_SKIP_MIGRATE !== "1") migrateDatabase();
  const app = next({ dev, dir: import.meta.dirname, port, hostname: "localhost", turbopack: dev });
  await app.prepare();
  const handle = app.getRequestHandler();
  const upgrade = app.getUpgradeHandler();
  const clientIp = clientIpResolver(env.TRUSTED_PROXIES);

  const server = createServer((req, res) => {
    req.headers[CLIENT_IP_HEADER] = clientIp(req);
    void handle(req, res);
  });
  server.on("upgrade", (req, socket, head) => void upgrade(req, socket, head));
  server.listen(port, hostname, () => {
    console.log(`[pennant] ready on ${env.APP_URL} (listening on ${hostname}:${port}, ${dev ? "development" : "production"})`);
  });

  const stop = () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
