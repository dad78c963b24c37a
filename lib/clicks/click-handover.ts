import { Worker } from "node:worker_threads";
import { decodeClicks, defaultSpillFile, encodeClick, encodeClicks, hasSpilledClicks, type ClickRecord } from "./click-buffer";
import { openClickStore, type ClickStore } from "./click-store";

export interface ClickSink {
  /** Takes a click; returns at once. */
  record(click: ClickRecord): void;
  /** Writes everything taken so far (or spills it to the file); call on shutdown. */
  drain(): Promise<void>;
}

const HANDOVER_MS = 20;


/** A batch as it crosses to the writer's thread: its JSON rows, comma-separated (click-thread.ts makes it a ClickChunk). */
export interface RowsMessage {
  rows: Uint8Array;
  n: number;
  workspaces: string[];
}

/** Clicks taken and not yet handed over, as the UTF-8 bytes of their JSON rows, comma-separated. */
class Outbox {
  // Its own ArrayBuffer (not a slice of Node's pool), so it can be handed over whole.
  private buf = Buffer.allocUnsafeSlow(256 * 1024);
  private len = 0;
  n = 0;
  workspaces = new Set<string>();

  push(row: string, workspaceId: string) {
    // A UTF-8 byte count is at most three per UTF-16 unit.
    this.room(row.length * 3 + 1);
    if (this.n) this.buf[this.len++] = 44; // ","
    this.len += this.buf.write(row, this.len);
    this.n++;
    this.workspaces.add(workspaceId);
  }

  /** Another outbox's clicks, after these. */
  append(other: Outbox) {
    if (!other.n) return;
    this.room(other.len + 1);
    if (this.n) this.buf[this.len++] = 44;
    this.len += other.buf.copy(this.buf, this.len, 0, other.len);
    this.n += other.n;
    for (const w of other.workspaces) this.workspaces.add(w);
  }

  /** The rows, over this outbox's whole buffer (which is handed over with them). */
  rows(): Uint8Array {
    return new Uint8Array(this.buf.buffer, this.buf.byteOffset, this.len);
  }

  private room(bytes: number) {
    if (this.len + bytes <= this.buf.length) return;
    const bigger = Buffer.allocUnsafeSlow(Math.max(2 * this.buf.length, this.len + bytes));
    this.buf.copy(bigger, 0, 0, this.len);
    this.buf = bigger;
  }
}

/**
 * Hands clicks to the click writer's thread (click-thread.ts) in small
 * batches every few milliseconds: the redirect pays for encoding its click
 * and a push onto an array.
 * The thread starts with the first click and is restarted if it dies.
 *
 * Each click is encoded as it is taken (a JSON row, about a microsecond) and
 * its bytes appended to the outbox, a buffer outside the JavaScript heap; the
 * batch crosses by handing that buffer over (no copy), and the main thread
 * keeps a copy of the bytes until the thread confirms the batch stored or
 * spilled. Kept objects, or kept strings, outlive the young generation and
 * make every garbage collection copy them; bytes outside the heap are never
 * copied by it. (Scratch patches on `npm run bench:bio`: recording views
 * without writing them raised p99 from 3.0 to 4.7 ms with one joined string
 * per batch, most of it the join and the collector.)
 */
export function clickWriterThread(opts: { databaseUrl: string; spillFile?: string }): ClickSink & {
  /** Ends the thread abruptly, as a crash would (tests). */
  crashThread(): Promise<void>;
} {
  let worker: Worker | null = null;
  // Each click is encoded as it is taken, not all at once when the batch
  // leaves: encoding a batch of hundreds held the event loop for a millisecond
  // or more every few milliseconds, and the visits that arrived meanwhile
  // waited (the benchmark's p99).
  let outbox = new Outbox();
  let timer: NodeJS.Timeout | null = null;
  // Batches handed to the current thread and not yet confirmed stored or
  // spilled; `end` counts clicks handed over in the thread's life, `done` the
  // batch's first clicks already confirmed. If the thread dies, the rest go to
  // the next one: a crash loses no click (a click written twice is stored
  // once: its id is the key).
  let unconfirmed: { end: number; n: number; done: number; rows: Buffer }[] = [];
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
      const lost = unconfirmed.flatMap((b) => decodeClicks(`[${b.rows.toString("utf8")}]`).slice(b.done));
      unconfirmed = [];
      handed = 0;
      if (lost.length) {
        console.error(`[pennant] click writer thread stopped; handing ${lost.length} unconfirmed clicks to a new one`);
        const newer = outbox;
        outbox = new Outbox();
        for (const c of lost) outbox.push(encodeClick(c), c.workspaceId);
        outbox.append(newer);
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
    if (!outbox.n) return;
    worker ??= start();
    const out = outbox;
    outbox = new Outbox();
    handed += out.n;
    const rows = out.rows();
    unconfirmed.push({ end: handed, n: out.n, done: 0, rows: Buffer.from(rows) });
    const message: RowsMessage = { rows, n: out.n, workspaces: [...out.workspaces] };
    worker.postMessage(message, [rows.buffer as ArrayBuffer]);
  };
  const schedule = () => {
    if (timer) return;
    timer = setTimeout(handOver, HANDOVER_MS);
    timer.unref();
  };

  return {
    record(click) {
      outbox.push(encodeClick(click), click.workspaceId);
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
