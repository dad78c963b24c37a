import type { IncomingMessage, ServerResponse } from "node:http";
import type { Redis } from "ioredis";
import type { ClickRecord } from "@/lib/clicks/click-buffer";
import { clickWriterThread } from "@/lib/clicks/click-handover";
import { createRedirectHandler, type RedirectDeps } from "./handle-redirect";
import { startChangeFeed } from "./change-feed";
import { configureRedirectCache } from "./redirect-cache";
import { openLinkStore } from "./link-store";

export interface RedirectRuntime {
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;
  /** The click sink, for the other public pages served beside the redirect (bio page views). */
  record: (click: ClickRecord) => void;
  /** Writes every buffered click; call on shutdown. */
  drain: () => Promise<void>;
}

/** Wires the cache (and the change feed that keeps it right), the click buffer and the handler to a database (and Redis, if any). */
export function startRedirects(opts: Omit<RedirectDeps, "store" | "recordClick"> & { databaseUrl: string | undefined; redis: Redis | null; spillFile?: string }): RedirectRuntime {
  const feed = startChangeFeed({ redis: opts.redis, databaseUrl: opts.databaseUrl });
  const store = openLinkStore(opts.databaseUrl);
  const clicks = clickWriterThread({ databaseUrl: opts.databaseUrl ?? "", ...(opts.spillFile ? { spillFile: opts.spillFile } : {}) });
  configureRedirectCache({ loader: (domain, slug) => store.load(domain, slug), domainLoader: (host) => store.loadDomain(host) });
  const handle = createRedirectHandler({ ...opts, store, recordClick: (click) => clicks.record(click) });
  return {
    handle,
    record: (click) => clicks.record(click),
    drain: async () => {
      await clicks.drain();
      await store.close();
      await feed.close();
    },
  };
}
