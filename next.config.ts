import type { NextConfig } from "next";

const config: NextConfig = {
  poweredByHeader: false,
  // Native and Node-only packages stay outside the server bundle.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "ioredis", "nodemailer"],
  typedRoutes: false,
  // CSV imports send files of up to 2 MB to a server action (default limit 1 MB).
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "3mb" } },
};

export default config;
