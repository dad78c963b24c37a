import { Worker } from "node:worker_threads";
import type { ClickRecord, ClickWriter } from "./click-buffer";
import { openClickStore } from "./click-store";

export interface ClosableClickWriter extends ClickWriter {
  close(): Promise<void>;
}

/**
 * Writes click batches in a worker thread with its own database connection,
 * so neither the writing nor SQLite's file I/O ever holds up a redirect.
 * The thread starts on the first batch and is restarted if it dies.
 */
export function threadedClickWriter(databaseUrl: string): ClosableClickWriter {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, { resolve: () => void; reject: (err: Error) => void }>();

  const failAll = (err: Error) => {
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  const start = () => {
    const w = new Worker(new URL("./click-thread.mjs", import.meta.url), { workerData: { databaseUrl }, execArgv: [] });
    w.on("message", (msg: { id: number; error?: string }) => {
      const p = pending.get(msg.id);
      if (!p) return;
      pending.delete(msg.id);
      if (msg.error) p.reject(new Error(msg.error));
      else p.resolve();
      if (!pending.size) w.unref();
    });
    w.on("error", (err) => failAll(err));
    w.on("exit", () => {
      if (worker === w) worker = null;
      failAll(new Error("click writer thread stopped"));
    });
    w.unref();
    return w;
  };

  const write = (batch: ClickRecord[]) =>
    new Promise<void>((resolve, reject) => {
      worker ??= start();
      const id = nextId++;
      pending.set(id, { resolve, reject });
      worker.ref(); // keep the process alive until the thread answers
      worker.postMessage({ id, batch });
    });

  return Object.assign(write, {
    async close() {
      const w = worker;
      worker = null;
      if (!w) return;
      await new Promise<void>((resolve) => {
        w.once("exit", () => resolve());
        w.postMessage("close");
        setTimeout(() => void w.terminate(), 2000).unref();
      });
    },
  });
}

/** The same writes on this thread (tests, and one-off tools). */
export function inlineClickWriter(databaseUrl: string): ClosableClickWriter {
  const store = openClickStore(databaseUrl);
  return Object.assign((batch: ClickRecord[]) => store.write(batch), { close: () => store.close() });
}
