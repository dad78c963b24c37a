import { Worker } from "node:worker_threads";
import { decodeClicks, defaultSpillFile, encodeClicks, hasSpilledClicks, type ClickChunk, type ClickRecord } from "./click-buffer";
import { openClickStore, type ClickStore } from "./click-store";

export interface ClickSink {
  /** Takes a click; returns at once. */
  record(click: ClickRecord): void;
  /** Writes everything taken so far (or spills it to the file); call on shutdown. */
  drain(): Promise<void>;
}

const HANDOVER_MS = 20;


/**
 * Hands clicks to the click writer's thread (click-thread.ts) in small
 * batches every few milliseconds: the redirect pays for encoding its click
 * and a push onto an array.
 * The thread starts with the first click and is restarted if it dies.
 *
 * A batch crosses as one JSON string, and the main thread keeps that string
 * (not the click objects) until the thread confirms the batch stored or
 * spilled. Kept objects outlive the young generation and make every garbage
 * collection copy them, then promote them; a string is one object the
 * collector does not look into. (A scratch patch keeping the clicks on
 * neither side served about a fifth more requests than one keeping them on
 * both; this side's share was not measured apart, and the string hand-over
 * showed no gain beyond the benchmark's noise.)
 */
export function clickWriterThread(opts: { databaseUrl: string; spillFile?: string }): ClickSink & {
  /** Ends the thread abruptly, as a crash would (tests). */
  crashThread(): Promise<void>;
} {
  let worker: Worker | null = null;
  // Each click is encoded as it is taken (a few microseconds per visit), not
  // all at once when the batch leaves: encoding a batch of hundreds held the
  // event loop for a millisecond or more every few milliseconds, and the
  // visits that arrived meanwhile waited (the benchmark's p99).
  let outbox: string[] = [];
  let outboxWorkspaces = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  // Batches handed to the current thread and not yet confirmed stored or
  // spilled; `end` counts clicks handed over in the thread's life, `done` the
  // batch's first clicks already confirmed. If the thread dies, the rest go to
  // the next one: a crash loses no click (a click written twice is stored
  // once: its id is the key).
  let unconfirmed: { end: number; n: number; done: number; json: string }[] = [];
  let handed = 0;

  const start = () => {
    // Worker threads start without the parent's TypeScript loader: the .mjs bootstrap registers it.
    const w = new Worker(new URL("./click-thread.mjs", import.meta.url), { workerData: opts, execArgv: [] });
    w.on("error", (err) => console.error(`[pennant] click writer thread failed: ${err.message}`));
    w.on("message", (msg: { confirmed?: number }) => {
      if (worker !== w || msg.confirmed === undefined) return;
      while (unconfirmed[0] && unconfirmed[0].end <= msg.confirmed) unconfirmed.shift();
      const first = unconfirmed[0];
      if (first) first.done = Math.max(first.done, msg.confirmed - (first.end - first.n));
    });
    w.on("exit", () => {
      if (worker !== w) return;
      worker = null;
      // Whatever the dead thread held goes to the next one, ahead of newer clicks.
      const lost = unconfirmed.flatMap((b) => decodeClicks(b.json).slice(b.done));
      unconfirmed = [];
      handed = 0;
      if (lost.length) {
        console.error(`[pennant] click writer thread stopped; handing ${lost.length} unconfirmed clicks to a new one`);
        for (const c of lost) outboxWorkspaces.add(c.workspaceId);
        outbox = [...lost.map((c) => JSON.stringify(c)), ...outbox];
        schedule();
      }
    });
    w.unref();
    return w;
  };
  // Clicks left on disk by an earlier run (an outage, a crash) are written
  // now, not when the next visitor happens by.
  if (hasSpilledClicks(opts.spillFile ?? defaultSpillFile())) worker = start();

  const handOver = () => {
    timer = null;
    if (!outbox.length) return;
    worker ??= start();
    handed += outbox.length;
    const chunk: ClickChunk = { json: `[${outbox.join(",")}]`, n: outbox.length, workspaces: [...outboxWorkspaces] };
    unconfirmed.push({ end: handed, n: outbox.length, done: 0, json: chunk.json });
    worker.postMessage(chunk);
    outbox = [];
    outboxWorkspaces = new Set();
  };
  const schedule = () => {
    if (timer) return;
    timer = setTimeout(handOver, HANDOVER_MS);
    timer.unref();
  };

  return {
    record(click) {
      outbox.push(JSON.stringify(click));
      outboxWorkspaces.add(click.workspaceId);
      schedule();
    },
    async drain() {
      if (timer) clearTimeout(timer);
      handOver();
      const w = worker;
      if (!w) return;
      worker = null;
      await new Promise<void>((resolve) => {
        w.on("message", (msg: { drained?: boolean }) => {
          if (msg.drained) resolve();
        });
        w.once("exit", () => resolve());
        w.ref();
        w.postMessage({ drain: true });
      });
    },
    async crashThread() {
      await worker?.terminate();
    },
  };
}

/** The same writes on the calling thread, one batch at a time (tests, one-off tools). */
export function inlineClickWriter(databaseUrl: string): ((batch: ClickRecord[]) => Promise<void>) & { close(): Promise<void> } {
  const store: ClickStore = openClickStore(databaseUrl);
  return Object.assign((batch: ClickRecord[]) => store.write([encodeClicks(batch)]), { close: () => store.close() });
}
