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
  /** When it left the main thread (ms since the epoch): the writer's lag tells it when to stop yielding (thread-priority.ts). */
  sentAt: number;
}

const OUTBOX_BYTES = 256 * 1024;
/**
 * Outbox buffers of the usual size, kept once their batch is confirmed and
 * used again: a new one for every batch (fifty a second) counts as external
 * memory to V8, which then collected the whole heap more often (the full
 * bench:redirect, with Next's large heap, lost a tenth of its ratio).
 */
const spare: Buffer[] = [];
const SPARE_MAX = 256;
/**
 * Outbox bytes live in shared memory: the thread reads a batch where it lies.
 * A view of an ordinary buffer is copied whole by postMessage, all 256 KiB of
 * it however few clicks it holds (about 0.4 ms a batch, 4% of the main
 * thread's time in a CPU profile of `npm run bench:redirect`); shared memory
 * is not copied at all (a few microseconds). The main thread writes to a
 * buffer again only once the thread has confirmed its batch, long after it
 * read it.
 */
const sharedBuffer = (bytes: number) => Buffer.from(new SharedArrayBuffer(bytes));
const takeBuffer = () => spare.pop() ?? sharedBuffer(OUTBOX_BYTES);
function giveBack(buf: Buffer) {
  if (buf.length === OUTBOX_BYTES && spare.length < SPARE_MAX) spare.push(buf);
}

/** Clicks taken and not yet handed over, as the UTF-8 bytes of their JSON rows, comma-separated. */
class Outbox {
  buf = takeBuffer();
  len = 0;
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

  rows(): Buffer {
    return this.buf.subarray(0, this.len);
  }

  private room(bytes: number) {
    if (this.len + bytes <= this.buf.length) return;
    const bigger = sharedBuffer(Math.max(2 * this.buf.length, this.len + bytes));
    this.buf.copy(bigger, 0, 0, this.len);
    giveBack(this.buf);
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
 * its bytes appended to the outbox, a buffer outside the JavaScript heap. The
 * thread reads the bytes in shared memory, and the main thread keeps the buffer until
 * the thread confirms the batch stored or spilled, then uses it again. Kept
 * objects, or kept strings, outlive the young generation and make every
 * garbage collection copy them; bytes outside the heap are never copied by
 * it. (Before, a batch was one string joined from the clicks' strings: a CPU
 * profile of `npm run bench:bio` put the join at about 2 µs a view.)
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
  let unconfirmed: { end: number; n: number; done: number; out: Outbox }[] = [];
  let handed = 0;

  const start = () => {
    // Worker threads start without the parent's TypeScript loader: the .mjs bootstrap registers it.
    const w = new Worker(new URL("./click-thread.mjs", import.meta.url), { workerData: opts, execArgv: [] });
    w.on("error", (err) => console.error(`[pennant] click writer thread failed: ${err.message}`));
    w.on("message", (msg: { confirmed?: number }) => {
      if (worker !== w || msg.confirmed === undefined) return;
      while (unconfirmed[0] && unconfirmed[0].end <= msg.confirmed) giveBack(unconfirmed.shift()!.out.buf);
      const first = unconfirmed[0];
      if (first) first.done = Math.max(first.done, msg.confirmed - (first.end - first.n));
    });
    w.on("exit", () => {
      if (worker !== w) return;
      worker = null;
      // Whatever the dead thread held goes to the next one, ahead of newer clicks.
      const lost = unconfirmed.flatMap((b) => decodeClicks(`[${b.out.rows().toString("utf8")}]`).slice(b.done));
      for (const b of unconfirmed) giveBack(b.out.buf);
      unconfirmed = [];
      handed = 0;
      if (lost.length) {
        console.error(`[pennant] click writer thread stopped; handing ${lost.length} unconfirmed clicks to a new one`);
        const newer = outbox;
        outbox = new Outbox();
        for (const c of lost) outbox.push(encodeClick(c), c.workspaceId);
        outbox.append(newer);
        giveBack(newer.buf);
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
    unconfirmed.push({ end: handed, n: out.n, done: 0, out });
    // The thread reads the bytes in place (shared memory); the buffer stays here, untouched, until confirmed.
    const message: RowsMessage = { rows: out.rows(), n: out.n, workspaces: [...out.workspaces], sentAt: Date.now() };
    worker.postMessage(message);
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
