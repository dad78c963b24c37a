import type { NextConfig } from "next";

// CI's build (.ci/run sets PENNANT_CI_BUILD=1 once its own typecheck has passed) is
// a one-off in a clean clone: it skips the second typecheck and writes no build
// cache that nothing would read. About a minute of CPU less on 2 cores.
const ciBuild = process.env.PENNANT_CI_BUILD === "1";

const config: NextConfig = {
  poweredByHeader: false,
  typescript: { ignoreBuildErrors: ciBuild },
  // Native and Node-only packages stay outside the server bundle.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "pg-copy-streams", "ioredis", "nodemailer"],
  typedRoutes: false,
  // No log may carry a secret. Development logs every server action call with
  // its arguments (a sign-up's password) and every request URL with its query
  // (a used magic link's token, an invitation's): neither is written.
  logging: {
    serverFunctions: false,
    incomingRequests: { ignore: [/[?&](token|code|key|password)=/i, /^\/invite\//, /^\/api\/auth\/callback\//, /^\/account\/confirm/, /^\/signup\/confirm/] },
  },
  // CSV imports send files of up to 2 MB to a server action (default limit 1 MB).
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "3mb" }, turbopackFileSystemCacheForBuild: !ciBuild },
};

export default config;
