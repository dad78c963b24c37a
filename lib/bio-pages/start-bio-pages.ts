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
  // Changes reach the cache through the redirect's change feed (started by startRedirects).
  configureBioCache({ loader: loadLivePage, domainLoader: loadDomainRootPage });
  const handle: (req: IncomingMessage, res: ServerResponse) => false | Promise<boolean> = createBioHandler({ ...opts, subscribe: addSubscriber });
  return { handle, stop: () => undefined };
}
