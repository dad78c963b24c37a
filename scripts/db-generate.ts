// Generates both Prisma clients (SQLite and PostgreSQL) from their schemas.
// Runs on `npm install`; needs no database and no network.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const cli = createRequire(import.meta.url).resolve("prisma/build/index.js");
const urls = { sqlite: "file:./data/pennant.db", postgres: "postgresql://localhost:5432/placeholder" };

for (const [provider, url] of Object.entries(urls)) {
  const r = spawnSync(process.execPath, [cli, "generate"], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    encoding: "utf8",
  });
  if (r.status !== 0) {
    process.stdout.write(r.stdout ?? "");
    console.error(`prisma generate failed for ${provider}`);
    process.exit(r.status ?? 1);
  }
  console.log(`[pennant] generated Prisma client for ${provider}`);
}
