import type { IncomingMessage, ServerResponse } from "node:http";
import type { Redis } from "ioredis";
import type { Db } from "@/lib/db/client";
import { configureClickBuffer, drainClicks } from "@/lib/clicks/click-buffer";
import { clickWriter } from "@/lib/clicks/write-clicks";
import { createRedirectHandler, type RedirectDeps } from "./handle-redirect";
import { configureLinkCache } from "./link-cache";
import { linkLoader } from "./load-link";

export interface RedirectRuntime {
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;
  /** Writes every buffered click; call on shutdown. */
  drain: () => Promise<void>;
}

/** Wires the cache, the click buffer and the handler to a database (and Redis, if any). */
export function startRedirects(opts: Omit<RedirectDeps, "db"> & { db: Db; redis: Redis | null; spillFile?: string }): RedirectRuntime {
  const subscriber = opts.redis ? opts.redis.duplicate() : null;
  subscriber?.on("error", (err) => console.warn(`[pennant] redis subscriber: ${err.message}`));
  configureLinkCache({ loader: linkLoader(opts.db), publisher: opts.redis, subscriber });
  configureClickBuffer({ writer: clickWriter(opts.db), ...(opts.spillFile ? { spillFile: opts.spillFile } : {}) });
  const handle = createRedirectHandler(opts);
  return {
    handle,
    drain: async () => {
      await drainClicks();
      subscriber?.disconnect();
    },
  };
}
