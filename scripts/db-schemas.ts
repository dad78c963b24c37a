// Writes the per-provider Prisma schemas from prisma/schema.base.prisma.
// `--check` exits non-zero when a checked-in copy is out of date (CI runs it).
import { readFileSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const base = readFileSync(path.join(root, "prisma/schema.base.prisma"), "utf8");

// The url is a placeholder the CLI needs to stay offline; the driver adapter
// in prisma.config.ts is what really connects.
const providers = {
  sqlite: { provider: "sqlite", url: "file:./placeholder.db" },
  postgres: { provider: "postgresql", url: "postgresql://localhost:5432/placeholder" },
} as const;

const check = process.argv.includes("--check");
let stale = false;
for (const [name, p] of Object.entries(providers)) {
  const text =
    "// GENERATED from prisma/schema.base.prisma by `npm run db:schemas`. Do not edit.\n" +
    base
      .replace("__PROVIDER__", p.provider)
      .replace("__URL__", p.url)
      .replace("__OUTPUT__", `../../generated/${name}`);
  const file = path.join(root, "prisma", name, "schema.prisma");
  const current = existsSync(file) ? readFileSync(file, "utf8") : "";
  if (current === text) continue;
  if (check) {
    console.error(`prisma/${name}/schema.prisma is out of date: run npm run db:schemas`);
    stale = true;
  } else {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    console.log(`wrote prisma/${name}/schema.prisma`);
  }
}
if (stale) process.exit(1);
