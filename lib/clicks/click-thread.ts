// Worker thread entry: writes click batches off the redirect's event loop.
// Messages in: { id, batch }; out: { id, error? }.
import { parentPort, workerData } from "node:worker_threads";
import type { ClickRecord } from "./click-buffer";
import { openClickStore } from "./click-store";

const store = openClickStore((workerData as { databaseUrl: string }).databaseUrl);

parentPort!.on("message", (msg: { id: number; batch: ClickRecord[] } | "close") => {
  if (msg === "close") {
    void store.close().finally(() => parentPort!.close());
    return;
  }
  store.write(msg.batch).then(
    () => parentPort!.postMessage({ id: msg.id }),
    (err: unknown) => parentPort!.postMessage({ id: msg.id, error: (err as Error).message || String(err) }),
  );
});
