import "server-only";
import { createRequire } from "node:module";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { sqliteTime } from "./raw-values";

/**
 * The reading thread: a read-only handle on the file, its statements prepared
 * once. Rows go back as they come; a blob's memory is handed over, not copied
 * (a year of day packs is some 80 MB). Plain JavaScript, started from this
 * text: the thread runs without the app's TypeScript loader or bundler.
 */
const THREAD = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const file = new Database(workerData.file, { readonly: true, fileMustExist: true, timeout: 5000 });
const statements = new Map();
parentPort.on("message", ({ id, sql, values }) => {
  try {
    let statement = statements.get(sql);
    if (!statement) {
      if (statements.size >= 500) statements.clear();
      statement = file.prepare(sql);
      statements.set(sql, statement);
    }
    const rows = statement.all(...values);
    const moved = new Set();
    for (const row of rows)
      for (const key in row) {
        const v = row[key];
        if (v instanceof Uint8Array && v.byteOffset === 0 && v.byteLength === v.buffer.byteLength) moved.add(v.buffer);
      }
    try {
      parentPort.postMessage({ id, rows }, [...moved]);
    } catch {
      parentPort.postMessage({ id, rows });
    }
  } catch (error) {
    parentPort.postMessage({ id, error: { message: String((error && error.message) || error), code: error && error.code } });
  }
});
`;

type Pending = { resolve: (rows: unknown[]) => void; reject: (error: Error) => void };
interface Reader {
  file: string;
  worker: Worker;
  pending: Map<number, Pending>;
  next: number;
}

const globalForReads = globalThis as unknown as { pennantSqliteReads?: Reader | null };

/** A parameter as better-sqlite3 takes it, written as Prisma writes it (booleans as 1 and 0, times as ISO text). */
function bind(v: unknown): unknown {
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v instanceof Date) return sqliteTime(v);
  return v === undefined ? null : v;
}

function start(file: string): Reader {
  // The driver as the app resolves it (the thread has no bundler to find it).
  const driver = createRequire(path.join(/*turbopackIgnore: true*/ process.cwd(), "package.json")).resolve("better-sqlite3");
  const worker = new Worker(THREAD, { eval: true, workerData: { file, driver }, execArgv: [] });
  const reader: Reader = { file, worker, pending: new Map(), next: 0 };
  const fail = (error: Error) => {
    if (globalForReads.pennantSqliteReads === reader) globalForReads.pennantSqliteReads = null;
    for (const p of reader.pending.values()) p.reject(error);
    reader.pending.clear();
  };
  worker.on("message", (msg: { id: number; rows?: unknown[]; error?: { message: string; code?: string } }) => {
    const p = reader.pending.get(msg.id);
    if (!p) return;
    reader.pending.delete(msg.id);
    if (!reader.pending.size) worker.unref();
    if (msg.error) p.reject(Object.assign(new Error(msg.error.message), { code: msg.error.code }));
    else p.resolve(msg.rows!);
  });
  worker.on("error", fail);
  worker.on("exit", (code) => fail(new Error(`the SQLite reading thread stopped (exit code ${code})`)));
  worker.unref();
  return reader;
}

/**
 * Rows of a read-only query on a SQLite file, run on a thread of their own.
 * better-sqlite3 runs a query on the thread that asks, and a dashboard's
 * reads hold it for up to a few hundred milliseconds: on the server's main
 * thread, the page's own first bytes and every redirect meanwhile waited.
 * One thread per process, started with the first read; a read sees what was
 * committed when it starts (the file is in WAL mode). Blobs come as
 * Uint8Array.
 */
export function sqliteRows<T>(file: string, sql: string, values: readonly unknown[]): Promise<T[]> {
  let reader = globalForReads.pennantSqliteReads;
  if (reader && reader.file !== file) {
    void reader.worker.terminate();
    reader = null;
  }
  if (!reader) reader = globalForReads.pennantSqliteReads = start(file);
  const r = reader;
  const id = r.next++;
  return new Promise<T[]>((resolve, reject) => {
    // The thread holds the process open only while a read is on its way.
    if (!r.pending.size) r.worker.ref();
    r.pending.set(id, { resolve: resolve as (rows: unknown[]) => void, reject });
    r.worker.postMessage({ id, sql, values: values.map(bind) });
  });
}
