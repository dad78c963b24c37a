// The click writer's thread: it owns the click buffer (batching, spill file,
// retries) and its own database connection, so neither the writing nor
// SQLite's file I/O ever holds up a redirect on the main thread.
// Messages in: a RowsMessage (a batch of clicks as JSON rows, click-handover.ts) and { drain: true }; out: { confirmed } (how many of
// the clicks received so far are stored or spilled, so the main thread can let
// go of them) and { drained: true }.
import { parentPort, workerData } from "node:worker_threads";
import { clickBuffer, configureClickBuffer, drainClicks, recordClicks } from "./click-buffer";
import type { RowsMessage } from "./click-handover";
import { openClickStore } from "./click-store";
import { priorityForLag, setThreadPriority, type ThreadPriority } from "./thread-priority";

const { databaseUrl, spillFile } = workerData as { databaseUrl: string; spillFile?: string };
const store = openClickStore(databaseUrl);
configureClickBuffer({ writer: (batch) => store.write(batch), ...(spillFile ? { spillFile } : {}) });

// Writing waits for free cores, so visits never wait for writing (thread-priority.ts).
let priority: ThreadPriority | null = setThreadPriority("background") ? "background" : null;
function schedulingFor(lagMs: number) {
  if (!priority) return;
  const next = priorityForLag(priority, lagMs);
  if (next !== priority && setThreadPriority(next)) priority = next;
}

let received = 0;
let confirmed = 0;
/** Clicks from the main thread that have left the queue: written, or spilled to disk. */
function confirm() {
  const b = clickBuffer();
  // Clicks read back from a spill file sit at the head of the queue; they were never the main thread's.
  const fromMain = Math.max(0, b.queued - Math.max(0, b.claimed?.pending ?? 0));
  const done = received - fromMain;
  if (done === confirmed) return;
  confirmed = done;
  parentPort!.postMessage({ confirmed });
}
setInterval(confirm, 100).unref();

parentPort!.on("message", (msg: RowsMessage | { drain: true }) => {
  if ("rows" in msg) {
    schedulingFor(Date.now() - msg.sentAt);
    // Kept as JSON text: PostgreSQL reads the JSON itself.
    const text = Buffer.from(msg.rows.buffer, msg.rows.byteOffset, msg.rows.byteLength).toString("utf8");
    recordClicks({ json: `[${text}]`, n: msg.n, workspaces: msg.workspaces });
    received += msg.n;
    return;
  }
  // Shutting down: the drain has a deadline, so it runs at normal priority.
  if (priority === "background" && setThreadPriority("normal")) priority = "normal";
  void drainClicks()
    .catch((err: unknown) => console.error(`[pennant] clicks not drained: ${(err as Error).message}`))
    .finally(() => {
      confirm();
      void store.close().finally(() => {
        parentPort!.postMessage({ drained: true });
        parentPort!.close();
      });
    });
});
