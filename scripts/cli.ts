// Pennant's operator CLI: `npm run cli -- <command> [--flag value ...]`.
// Exit codes: 0 done, 1 the operation failed, 2 the command line is wrong.
import "./register-server-only";
import { parseArgs } from "node:util";
import nextEnv from "@next/env";
import type { CreateApiKeyInput } from "../lib/api-keys/schemas";
import type { Db } from "../lib/db/client";
import { AppError } from "../lib/errors";
import { toAppError } from "../lib/to-app-error";

// lib/ modules that import "server-only" are loaded with import() inside the
// commands: static imports would be resolved before the hook above exists.

class UsageError extends Error {}

type Flags = Record<string, string | undefined>;

interface Command {
  summary: string;
  /** Flags as shown in the usage; required ones are those not in brackets. */
  synopsis: string;
  flags: string[];
  required: string[];
  run(flags: Flags): Promise<void>;
}

let openDb: Db | undefined;

/** The process's database client, remembered so it is closed before exit. */
async function database(): Promise<Db> {
  const { db } = await import("../lib/db/client");
  openDb = db();
  return openDb;
}

async function workspaceBySlug(slug: string) {
  const { workspaceSlugSchema } = await import("../lib/workspaces/schemas");
  const normalized = workspaceSlugSchema.parse(slug);
  const ws = await (await database()).workspace.findUnique({ where: { slug: normalized }, select: { id: true, slug: true, name: true } });
  if (!ws) throw new AppError("not_found", `No workspace with the slug "${normalized}".`);
  return ws;
}

function out(line: string): void {
  process.stdout.write(`${line}\n`);
}

const commands: Record<string, Command> = {
  migrate: {
    summary: "Apply the database migrations for DATABASE_URL (idempotent).",
    synopsis: "",
    flags: [],
    required: [],
    async run() {
      const { migrateDatabase } = await import("../lib/db/migrate");
      migrateDatabase();
    },
  },

  "users:create": {
    summary: "Create a user with a password (and their personal workspace).",
    synopsis: "--email <email> --password <password> [--name <name>]",
    flags: ["email", "password", "name"],
    required: ["email", "password"],
    async run(f) {
      await database();
      const { createUser } = await import("../lib/users/create-user");
      const user = await createUser({ email: f.email ?? "", password: f.password ?? "", name: f.name });
      out(`Created user ${user.email} (id ${user.id})`);
    },
  },

  "workspaces:create": {
    summary: "Create a workspace owned by an existing user.",
    synopsis: "--owner <email> --name <name> [--slug <slug>]",
    flags: ["owner", "name", "slug"],
    required: ["owner", "name"],
    async run(f) {
      const db = await database();
      const { emailSchema } = await import("../lib/users/schemas");
      const { createWorkspace } = await import("../lib/workspaces/create-workspace");
      const email = emailSchema.parse(f.owner);
      const owner = await db.user.findUnique({ where: { email }, select: { id: true } });
      if (!owner) throw new AppError("not_found", `No user with the email ${email}. Create it first with users:create.`);
      const ws = await createWorkspace(owner.id, { name: f.name ?? "", slug: f.slug });
      out(`Created workspace ${ws.slug} ("${ws.name}") owned by ${email} (id ${ws.id})`);
    },
  },

  "members:add": {
    summary: "Add an existing user to a workspace, or change their role there.",
    synopsis: "--workspace <slug> --email <email> --role <owner|admin|member|viewer>",
    flags: ["workspace", "email", "role"],
    required: ["workspace", "email", "role"],
    async run(f) {
      await database();
      const { addMember } = await import("../lib/members/add-member");
      const m = await addMember({ workspace: f.workspace, email: f.email, role: f.role });
      const who = m.user.email;
      const where = m.workspace.slug;
      if (m.outcome === "added") out(`Added ${who} to ${where} as ${m.role} (membership ${m.membershipId})`);
      else if (m.outcome === "updated") out(`Changed ${who}'s role in ${where} to ${m.role}`);
      else out(`${who} is already ${m.role} in ${where}; nothing changed`);
    },
  },

  "api-keys:create": {
    summary: "Create an API key for a workspace; the key is printed once, as the last line.",
    synopsis: "--workspace <slug> --name <name> [--role admin|member|viewer]",
    flags: ["workspace", "name", "role"],
    required: ["workspace", "name"],
    async run(f) {
      const ws = await workspaceBySlug(f.workspace ?? "");
      const { authorizeWorkspace } = await import("../lib/auth/access");
      const { createApiKey } = await import("../lib/api-keys/create-api-key");
      const access = await authorizeWorkspace({ kind: "operator" }, ws.slug, "api_keys.manage");
      const key = await createApiKey(access, { name: f.name ?? "", role: f.role as CreateApiKeyInput["role"] }); // checked by its schema
      out(`Created API key "${key.name}" (${key.role}) for ${ws.slug} (id ${key.id})`);
      out("Store it now; only its hash is kept, so it cannot be shown again:");
      // Scripts take the key from the last line: nothing may be printed after it.
      out(key.key);
    },
  },
};

function usage(): string {
  const width = Math.max(...Object.keys(commands).map((n) => n.length));
  const lines = Object.entries(commands).map(([name, c]) => `  ${`${name.padEnd(width)}  ${c.synopsis}`.trimEnd()}\n  ${"".padEnd(width)}  ${c.summary}`);
  return [
    "Usage: npm run cli -- <command> [flags]",
    "",
    "Commands:",
    ...lines,
    `  ${"help".padEnd(width)}  Show this help.`,
    "",
    "The database is the one DATABASE_URL names (file:... for SQLite, postgres://... for PostgreSQL).",
  ].join("\n");
}

function parseFlags(name: string, command: Command, args: string[]): Flags {
  let values: Flags;
  try {
    const options = Object.fromEntries(command.flags.map((f) => [f, { type: "string" as const }]));
    ({ values } = parseArgs({ args, options, strict: true, allowPositionals: false }) as { values: Flags });
  } catch (err) {
    throw new UsageError(`${name}: ${(err as Error).message.split("\n")[0]}`);
  }
  const missing = command.required.filter((f) => !values[f]?.trim());
  if (missing.length) {
    throw new UsageError(`${name}: missing ${missing.map((f) => `--${f}`).join(", ")} (usage: ${name} ${command.synopsis})`);
  }
  return values;
}

async function main(argv: string[]): Promise<number> {
  nextEnv.loadEnvConfig(process.cwd(), false, { info: () => undefined, error: console.error }); // .env, as the server reads it
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    out(usage());
    return 0;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) throw new UsageError(`unknown command "${name}". Run "npm run cli -- help" for the list.`);
  if (rest.includes("--help") || rest.includes("-h")) {
    out(`Usage: npm run cli -- ${name} ${command.synopsis}\n\n${command.summary}`);
    return 0;
  }
  await command.run(parseFlags(name, command, rest));
  return 0;
}

function report(err: unknown): number {
  if (err instanceof UsageError) {
    process.stderr.write(`error: ${err.message}\n`);
    return 2;
  }
  const app = toAppError(err);
  // Unknown errors (a database that is down, a failed migration) keep their own
  // message: an operator needs it more than the generic one shown to users.
  let message = app.message;
  if (app.code === "internal" && err instanceof Error) {
    // Prisma puts the cause ("Can't reach database server ...") on the last line.
    const lines = err.message.trim().split("\n").filter((l) => l.trim());
    message = err.name.startsWith("PrismaClient") ? (lines.at(-1) ?? err.name) : err.message.trim();
  }
  process.stderr.write(`error: ${message}\n`);
  if (process.env.DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
  return 1;
}

let code = 1;
try {
  code = await main(process.argv.slice(2));
} catch (err) {
  code = report(err);
} finally {
  await openDb?.$disconnect().catch(() => undefined);
}
process.exitCode = code;
