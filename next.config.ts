import type { NextConfig } from "next";

const config: NextConfig = {
  poweredByHeader: false,
  // Native and Node-only packages stay outside the server bundle.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "ioredis", "nodemailer"],
  typedRoutes: false,
  experimental: { authInterrupts: true },
};

export default config;
