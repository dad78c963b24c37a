// The click writer's thread: it owns the click buffer (batching, spill file,
// retries) and its own database connection, so neither the writing nor
// SQLite's file I/O ever holds up a redirect on the main thread.
// Messages in: { clicks } and { drain: true }; out: { drained: true }.
import { parentPort, workerData } from "node:worker_threads";
import { configureClickBuffer, drainClicks, recordClick, type ClickRecord } from "./click-buffer";
import { openClickStore } from "./click-store";

const { databaseUrl, spillFile } = workerData as { databaseUrl: string; spillFile?: string };
const store = openClickStore(databaseUrl);
configureClickBuffer({ writer: (batch) => store.write(batch), ...(spillFile ? { spillFile } : {}) });

parentPort!.on("message", (msg: { clicks: ClickRecord[] } | { drain: true }) => {
  if ("clicks" in msg) {
    for (const click of msg.clicks) recordClick(click);
    return;
  }
  void drainClicks()
    .catch((err: unknown) => console.error(`[pennant] clicks not drained: ${(err as Error).message}`))
    .finally(() => {
      void store.close().finally(() => {
        parentPort!.postMessage({ drained: true });
        parentPort!.close();
      });
    });
});
