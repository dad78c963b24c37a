import { z } from "zod";
import { trustedProxiesProblem } from "./net/client-ip";

const optional = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: optional,
    // Unset: in development, the port actually listened on (PORT); in production, an error.
    APP_URL: z.url({ message: "APP_URL must be an absolute URL such as https://go.example.com" }).optional(),
    PORT: z.coerce.number({ error: "PORT must be a port number" }).int("PORT must be a port number").min(1, "PORT must be a port number").max(65535, "PORT must be a port number").default(3000),
    AUTH_SECRET: optional.pipe(z.string().min(32, "AUTH_SECRET must be at least 32 characters (try: openssl rand -base64 32)").optional()),
    REDIS_URL: optional.pipe(z.string().regex(/^rediss?:\/\//, "REDIS_URL must start with redis:// or rediss://").optional()),
    SMTP_URL: optional.pipe(z.string().regex(/^smtps?:\/\//, "SMTP_URL must start with smtp:// or smtps://").optional()),
    EMAIL_FROM: z.string().default("Pennant <no-reply@localhost>"),
    GITHUB_CLIENT_ID: optional,
    GITHUB_CLIENT_SECRET: optional,
    GOOGLE_CLIENT_ID: optional,
    GOOGLE_CLIENT_SECRET: optional,
    TRUSTED_PROXIES: optional,
    PENNANT_DEV_OUTBOX: z.enum(["0", "1"]).optional(),
    PENNANT_NEXT_IN_PROCESS: optional.pipe(z.enum(["0", "1"], { message: "PENNANT_NEXT_IN_PROCESS must be 1 (Next in the server's process) or 0 (its own process, the default)" }).optional()),
    API_RATE_LIMIT_PER_MINUTE: z.coerce
      .number({ error: "API_RATE_LIMIT_PER_MINUTE must be a whole number of requests per minute" })
      .int("API_RATE_LIMIT_PER_MINUTE must be a whole number of requests per minute")
      .min(1, "API_RATE_LIMIT_PER_MINUTE must be at least 1")
      .default(600),
    SIGNUP_LIMIT_PER_HOUR: z.coerce.number().int().min(1, "SIGNUP_LIMIT_PER_HOUR must be at least 1").default(20),
    SIGNIN_LIMIT_PER_IP: z.coerce.number().int().min(1, "SIGNIN_LIMIT_PER_IP must be at least 1").default(50),
    PENNANT_ANALYTICS_CACHE_MB: z.coerce
      .number({ error: "PENNANT_ANALYTICS_CACHE_MB must be a whole number of megabytes (0 turns the cache off)" })
      .int("PENNANT_ANALYTICS_CACHE_MB must be a whole number of megabytes (0 turns the cache off)")
      .min(0, "PENNANT_ANALYTICS_CACHE_MB must be 0 or more")
      .default(128),
  })
  .superRefine((env, ctx) => {
    for (const p of ["GITHUB", "GOOGLE"] as const) {
      const id = env[`${p}_CLIENT_ID`];
      const secret = env[`${p}_CLIENT_SECRET`];
      if (Boolean(id) !== Boolean(secret)) {
        ctx.addIssue({ code: "custom", path: [id ? `${p}_CLIENT_SECRET` : `${p}_CLIENT_ID`], message: `set both ${p}_CLIENT_ID and ${p}_CLIENT_SECRET, or neither` });
      }
    }
    const proxies = trustedProxiesProblem(env.TRUSTED_PROXIES);
    if (proxies) ctx.addIssue({ code: "custom", path: ["TRUSTED_PROXIES"], message: proxies });
    if (env.NODE_ENV === "production" && !env.APP_URL) {
      ctx.addIssue({ code: "custom", path: ["APP_URL"], message: "is required in production: the public address of this server, such as https://go.example.com" });
    }
    if (env.NODE_ENV === "production" && !env.AUTH_SECRET) {
      ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "is required in production (try: openssl rand -base64 32)" });
    }
  });

export type Env = Omit<z.infer<typeof schema>, "APP_URL"> & {
  /** The public address: APP_URL, or http://localhost:<PORT> outside production. */
  APP_URL: string;
  /** The secret that signs sessions: AUTH_SECRET, or a fixed development value. */
  authSecret: string;
  /** Magic links and invitations are written to the local outbox instead of mailed. */
  outboxEnabled: boolean;
};

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty variable (as copied from .env.example) means "not set".
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v.trim() !== ""));
  const result = schema.safeParse(present);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join(".") || "environment"}: ${i.message}`);
    throw new EnvError(`Invalid environment (see .env.example):\n${lines.join("\n")}`);
  }
  const env = result.data;
  return {
    ...env,
    APP_URL: env.APP_URL ?? `http://localhost:${env.PORT}`,
    authSecret: env.AUTH_SECRET ?? "pennant-development-secret-not-for-production-use",
    outboxEnabled: !env.SMTP_URL && (env.NODE_ENV !== "production" || env.PENNANT_DEV_OUTBOX === "1"),
  };
}

let cached: Env | undefined;

/** The validated environment; throws EnvError naming every bad variable. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
