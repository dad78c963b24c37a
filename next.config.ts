import type { NextConfig } from "next";

const config: NextConfig = {
  poweredByHeader: false,
  // Native and Node-only packages stay outside the server bundle.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "ioredis", "nodemailer"],
  typedRoutes: false,
  // No log may carry a secret. Development logs every server action call with
  // its arguments (a sign-up's password) and every request URL with its query
  // (a used magic link's token, an invitation's): neither is written.
  logging: {
    serverFunctions: false,
    incomingRequests: { ignore: [/[?&](token|code|key|password)=/i, /^\/invite\//, /^\/api\/auth\/callback\//, /^\/account\/confirm/, /^\/signup\/confirm/] },
  },
  // CSV imports send files of up to 2 MB to a server action (default limit 1 MB).
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "3mb" } },
};

export default config;
