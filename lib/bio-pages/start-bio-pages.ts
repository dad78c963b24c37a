import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Redis } from "ioredis";
import type { ClickRecord } from "@/lib/clicks/click-buffer";
import { addSubscriber } from "./add-subscriber";
import { loadDomainRootPage, loadLivePage } from "./live-page";
import { configureBioCache } from "./page-cache";
import { createBioHandler } from "./serve-public";

/** Wires the public bio pages to the database, Redis (invalidation) and the click sink. */
export function startBioPages(opts: { redis: Redis | null; appUrl: string; secret: string; clientIp: (req: IncomingMessage) => string; recordView: (view: ClickRecord) => void }) {
  // A subscriber must queue its SUBSCRIBE until connected (the shared client does not queue).
  const subscriber = opts.redis ? opts.redis.duplicate({ enableOfflineQueue: true, commandTimeout: undefined }) : null;
  subscriber?.on("error", (err) => console.warn(`[pennant] redis subscriber (bio): ${err.message}`));
  configureBioCache({ loader: loadLivePage, domainLoader: loadDomainRootPage, publisher: opts.redis, subscriber });
  const handle: (req: IncomingMessage, res: ServerResponse) => false | Promise<boolean> = createBioHandler({ ...opts, subscribe: addSubscriber });
  return { handle, stop: () => subscriber?.disconnect() };
}
