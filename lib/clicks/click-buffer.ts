import { createHash } from "node:crypto";
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import path from "node:path";

/**
 * Clicks wait here, in memory, and are written in batches: the visitor never
 * waits for the database. If the database is away, clicks stay in memory up
 * to a bound, then go to a local spill file; both are written when it is back.
 * The buffer runs in the click writer's thread (see click-thread.ts): one
 * transaction every two seconds under load, so a link clicked a hundred times
 * in that time costs one counter update, not a hundred. (With one second,
 * the PostgreSQL benchmark's ratio averaged 0.53 over five runs; with two,
 * 0.57 over four. Dashboards are still current within seconds.)
 */
/**
 * One visit event, Pennant's one event model (the `Click` table): a short
 * link answered (`event: "click"`, `linkId` set) or a bio page shown
 * (`event: "view"`, `linkId` null, `bioPageId` set). Both go through this
 * pipeline, so views and clicks are batched, spilled and drained alike, and
 * every breakdown (day, referrer, country, device, UTM) applies to both.
 */
export type VisitEvent = "click" | "view";
/** How the visitor came: an address typed, shared or clicked; a scanned QR code; a bio page's button. */
export type VisitTrigger = "link" | "qr" | "bio";

export interface ClickRecord {
  id: string;
  createdAt: Date;
  workspaceId: string;
  event: VisitEvent;
  /** The short link answered; null for a bio page view. */
  linkId: string | null;
  /** The bio page shown (a view), or whose button was pressed (a click with trigger "bio"). */
  bioPageId: string | null;
  /** The bio page block whose button was pressed. */
  bioBlockId: string | null;
  domain: string;
  trigger: VisitTrigger;
  referrerHost: string | null;
  referrer: string | null;
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
  utmTerm: string | null;
  utmContent: string | null;
  country: string | null;
  city: string | null;
  device: string | null;
  browser: string | null;
  os: string | null;
  visitorHash: string;
  bot: boolean;
  /** The link's counter was already raised (links with a click limit count at once). */
  counted: boolean;
}

/** The fields every spill file line has had since the first release. */
type ClickRecordBeforeEvents = Omit<ClickRecord, "event" | "bioPageId" | "bioBlockId">;

/**
 * Clicks as they cross from the redirect to the click writer's thread, and as
 * they wait there: one JSON array of click rows (encodeClicks), how many it
 * holds, and their workspaces. The thread never parses it to write to
 * PostgreSQL, which reads the JSON itself (click-store.ts); SQLite's writer
 * decodes it.
 */
export interface ClickChunk {
  json: string;
  n: number;
  workspaces: string[];
}

/**
 * A click as it crosses: its fields in CLICK_FIELDS order, the time as ISO
 * 8601 text. An array, not an object: the main thread encodes one per visit
 * and the writer parses each, and without the keys both cost about half (on
 * this machine's Node 20, an object with a Date took ~3 µs to stringify, this
 * row ~1 µs; measured beside `npm run bench:bio`).
 */
export type ClickRow = [
  id: string, createdAt: string, workspaceId: string, event: VisitEvent, linkId: string | null, bioPageId: string | null, bioBlockId: string | null,
  domain: string, trigger: VisitTrigger, referrerHost: string | null, referrer: string | null, utmSource: string | null, utmMedium: string | null,
  utmCampaign: string | null, utmTerm: string | null, utmContent: string | null, country: string | null, city: string | null, device: string | null,
  browser: string | null, os: string | null, visitorHash: string, bot: boolean, counted: boolean,
];
/** The names of a ClickRow's fields, in order (the Click table's columns, then `counted`). */
export const CLICK_FIELDS = [
  "id", "createdAt", "workspaceId", "event", "linkId", "bioPageId", "bioBlockId", "domain", "trigger", "referrerHost", "referrer", "utmSource", "utmMedium",
  "utmCampaign", "utmTerm", "utmContent", "country", "city", "device", "browser", "os", "visitorHash", "bot", "counted",
] as const satisfies readonly (keyof ClickRecord)[];

let isoSecond = NaN;
let isoPrefix = "";
/** `Date.toJSON`, with the part up to the second made once a second: every visit pays for this. */
function isoTime(d: Date): string {
  const ms = d.getTime();
  const second = Math.floor(ms / 1000);
  if (second !== isoSecond) {
    const text = d.toISOString();
    // Years past 9999 (never, for a visit) are written with a sign and more digits: not cached.
    if (text.length !== 24) return text;
    isoSecond = second;
    isoPrefix = text.slice(0, 20);
  }
  const r = ms - second * 1000;
  return `${isoPrefix}${r < 10 ? "00" : r < 100 ? "0" : ""}${r}Z`;
}

/** One click as a JSON row (ClickRow). */
export function encodeClick(c: ClickRecord): string {
  const row: ClickRow = [
    c.id, isoTime(c.createdAt), c.workspaceId, c.event, c.linkId, c.bioPageId, c.bioBlockId, c.domain, c.trigger, c.referrerHost, c.referrer, c.utmSource,
    c.utmMedium, c.utmCampaign, c.utmTerm, c.utmContent, c.country, c.city, c.device, c.browser, c.os, c.visitorHash, c.bot, c.counted,
  ];
  return JSON.stringify(row);
}

/** The click a row holds. */
export function clickOfRow(r: ClickRow): ClickRecord {
  return {
    id: r[0], createdAt: new Date(r[1]), workspaceId: r[2], event: r[3], linkId: r[4], bioPageId: r[5], bioBlockId: r[6], domain: r[7], trigger: r[8],
    referrerHost: r[9], referrer: r[10], utmSource: r[11], utmMedium: r[12], utmCampaign: r[13], utmTerm: r[14], utmContent: r[15], country: r[16],
    city: r[17], device: r[18], browser: r[19], os: r[20], visitorHash: r[21], bot: r[22], counted: r[23],
  };
}

export function encodeClicks(clicks: ClickRecord[]): ClickChunk {
  return { json: `[${clicks.map(encodeClick).join(",")}]`, n: clicks.length, workspaces: [...new Set(clicks.map((c) => c.workspaceId))] };
}
export function decodeClicks(json: string): ClickRecord[] {
  return (JSON.parse(json) as ClickRow[]).map(clickOfRow);
}
/** The clicks of several chunks. */
export function chunkClicks(chunks: ClickChunk[]): ClickRecord[] {
  return chunks.flatMap((c) => decodeClicks(c.json));
}
/** Several chunks as one JSON array, without parsing them. */
export function joinChunks(chunks: ClickChunk[]): string {
  if (chunks.length === 1) return chunks[0]!.json;
  return `[${chunks
    .map((c) => c.json.slice(1, -1))
    .filter(Boolean)
    .join(",")}]`;
}

export type ClickWriter = (batch: ClickChunk[]) => Promise<void>;

export const BUFFER_LIMITS = { batchSize: 50_000, flushEveryMs: 2000, maxInMemory: 100_000, maxBackoffMs: 10_000 } as const;

interface BufferState {
  queue: ClickChunk[];
  /** How many clicks the queue's chunks hold. */
  queued: number;
  /** The chunks a write has in hand: never spilled from under it, and taken off the queue by identity when it succeeds. */
  writing: Set<ClickChunk>;
  writer: ClickWriter | null;
  spillFile: string;
  timer: NodeJS.Timeout | null;
  flushing: Promise<void> | null;
  failures: number;
  written: number;
  lastError: string | null;
  /**
   * Spill files read back into the queue: they stay on disk until every click
   * read from them is written (or spilled again), so a crash meanwhile loses
   * nothing. Those clicks are always the queue's first `pending`.
   */
  claimed: { files: string[]; pending: number } | null;
}

const g = globalThis as unknown as { pennantClicks?: BufferState };

/** One spill file per database, so clicks are only ever written where they belong. */
export function defaultSpillFile(): string {
  const db = createHash("sha256").update(process.env.DATABASE_URL ?? "default").digest("hex").slice(0, 12);
  return process.env.CLICK_SPILL_FILE || path.resolve(/*turbopackIgnore: true*/ process.cwd(), "data", `clicks-spill-${db}.jsonl`);
}

export function clickBuffer(): BufferState {
  g.pennantClicks ??= {
    queue: [],
    queued: 0,
    writing: new Set(),
    writer: null,
    spillFile: defaultSpillFile(),
    timer: null,
    flushing: null,
    failures: 0,
    written: 0,
    lastError: null,
    claimed: null,
  };
  return g.pennantClicks;
}

export function configureClickBuffer(opts: { writer: ClickWriter; spillFile?: string }) {
  const b = clickBuffer();
  b.writer = opts.writer;
  if (opts.spillFile) b.spillFile = opts.spillFile;
  schedule(BUFFER_LIMITS.flushEveryMs);
}

function schedule(ms: number) {
  const b = clickBuffer();
  if (b.timer) return;
  b.timer = setTimeout(() => {
    b.timer = null;
    void flushClicks().finally(() => {
      const backoff = b.failures ? Math.min(BUFFER_LIMITS.maxBackoffMs, 500 * 2 ** b.failures) : BUFFER_LIMITS.flushEveryMs;
      if (b.queue.length || hasSpill()) schedule(backoff);
    });
  }, ms);
  b.timer.unref();
}

export function recordClicks(chunk: ClickChunk): void {
  const b = clickBuffer();
  if (!chunk.n) return;
  b.queue.push(chunk);
  b.queued += chunk.n;
  if (b.queued > BUFFER_LIMITS.maxInMemory) {
    // The oldest chunks, down to half the bound, go to disk (not those a write has in hand).
    const oldest = new Set<ClickChunk>();
    let n = 0;
    for (const c of b.queue.slice(0, -1)) {
      if (b.queued - n <= BUFFER_LIMITS.maxInMemory / 2) break;
      if (b.writing.has(c)) continue;
      oldest.add(c);
      n += c.n;
    }
    b.queue = b.queue.filter((c) => !oldest.has(c));
    b.queued -= n;
    spill(chunkClicks([...oldest]));
    settled(n);
  }
  schedule(b.queued >= BUFFER_LIMITS.batchSize ? 0 : BUFFER_LIMITS.flushEveryMs);
}

/** The queue's first chunks, up to a batch's size (at least one). */
function takeBatch(b: BufferState): { chunks: ClickChunk[]; n: number } {
  let n = 0;
  let k = 0;
  while (k < b.queue.length && (k === 0 || n + b.queue[k]!.n <= BUFFER_LIMITS.batchSize)) n += b.queue[k++]!.n;
  return { chunks: b.queue.slice(0, k), n };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Spill files a process claimed and never finished: it crashed or was killed.
 * A claim under this process's own id is an earlier process's (containers
 * reuse ids) unless this process holds it (`mine`).
 */
function orphanedClaims(spillFile: string, mine: string[] = []): string[] {
  const dir = path.dirname(spillFile);
  const prefix = `${path.basename(spillFile)}.`;
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.startsWith(prefix) && name.endsWith(".draining"))
    .filter((name) => {
      const pid = Number(name.slice(prefix.length).split(".")[0]);
      return Number.isInteger(pid) && (pid === process.pid || !isAlive(pid));
    })
    .map((name) => path.join(dir, name))
    .filter((file) => !mine.includes(file));
}

/** Clicks wait on disk for this database: spilled, or claimed by a process that died. */
export function hasSpilledClicks(spillFile: string): boolean {
  return existsSync(spillFile) || orphanedClaims(spillFile).length > 0;
}

function hasSpill(): boolean {
  const b = clickBuffer();
  return existsSync(b.spillFile) || orphanedClaims(b.spillFile, b.claimed?.files).length > 0;
}

function spill(clicks: ClickRecord[]) {
  const file = clickBuffer().spillFile;
  mkdirSync(path.dirname(file), { recursive: true });
  appendFileSync(file, clicks.map((c) => JSON.stringify(c)).join("\n") + "\n");
  console.warn(`[pennant] database unavailable: ${clicks.length} clicks kept in ${file}`);
}

/** `n` clicks left the head of the queue for good (written, or spilled again). */
function settled(n: number) {
  const b = clickBuffer();
  if (!b.claimed) return;
  b.claimed.pending -= n;
  if (b.claimed.pending > 0) return;
  for (const file of b.claimed.files) rmSync(file, { force: true });
  b.claimed = null;
}

function readSpill(): ClickChunk[] {
  const b = clickBuffer();
  const files: string[] = [];
  // Claim by renaming, so clicks spilled meanwhile go to a new file and no two processes read one claim.
  let n = 0;
  for (const source of [b.spillFile, ...orphanedClaims(b.spillFile, b.claimed?.files)]) {
    const claim = `${b.spillFile}.${process.pid}.${Date.now()}-${n++}.draining`;
    try {
      renameSync(source, claim);
      files.push(claim);
    } catch {
      // Gone already: another process took it.
    }
  }
  const clicks = files.flatMap((file) =>
    readFileSync(file, "utf8")
      .split("\n")
      .filter(Boolean)
      .flatMap((line) => {
        try {
          const c = JSON.parse(line) as Partial<ClickRecord> & ClickRecordBeforeEvents & { createdAt: string };
          // Spill files written before the event model had these fields hold link clicks.
          return [{ event: "click" as const, bioPageId: null, bioBlockId: null, ...c, createdAt: new Date(c.createdAt) }];
        } catch {
          // A line cut short when a process died mid-write.
          console.warn(`[pennant] skipped an unreadable line in ${file}`);
          return [];
        }
      }),
  );
  b.claimed = { files: [...(b.claimed?.files ?? []), ...files], pending: (b.claimed?.pending ?? 0) + clicks.length };
  if (clicks.length === 0) settled(0);
  const chunks: ClickChunk[] = [];
  for (let i = 0; i < clicks.length; i += BUFFER_LIMITS.batchSize) chunks.push(encodeClicks(clicks.slice(i, i + BUFFER_LIMITS.batchSize)));
  return chunks;
}

/** Writes everything buffered (and spilled). Resolves when done or when the database refused. */
export function flushClicks(): Promise<void> {
  const b = clickBuffer();
  if (b.flushing) return b.flushing;
  const run = async () => {
    if (!b.writer) return;
    if (hasSpill()) {
      const chunks = readSpill();
      b.queue.unshift(...chunks);
      for (const c of chunks) b.queued += c.n;
    }
    while (b.queue.length) {
      const { chunks, n } = takeBatch(b);
      b.writing = new Set(chunks);
      try {
        await b.writer(chunks);
      } catch (err) {
        b.failures++;
        b.lastError = (err as Error).message.trim().split("\n").slice(-3).join(" ") || "error";
        if (b.failures === 1) console.warn(`[pennant] clicks not written yet (will retry): ${b.lastError}`);
        return;
      }
      // By identity: meanwhile the queue may have spilled (or drained) around them.
      let left = 0;
      for (const c of b.queue) if (b.writing.has(c)) left += c.n;
      b.queue = b.queue.filter((c) => !b.writing.has(c));
      b.queued -= left;
      settled(left);
      b.written += n;
      if (b.failures) console.log(`[pennant] database back: clicks written again`);
      b.failures = 0;
    }
  };
  // Assigned before it can settle, so a quick empty flush never leaves a stale promise behind.
  b.flushing = run().finally(() => {
    b.writing = new Set();
    b.flushing = null;
  });
  return b.flushing;
}

/** On shutdown: keep flushing until empty; what cannot be written goes to the spill file. */
export async function drainClicks(timeoutMs = 10_000): Promise<void> {
  const b = clickBuffer();
  const deadline = Date.now() + timeoutMs;
  while (b.queue.length && Date.now() < deadline) {
    await flushClicks();
    if (b.queue.length) await new Promise((r) => setTimeout(r, 200));
  }
  if (b.queue.length) {
    const rest = b.queue.splice(0);
    const n = b.queued;
    b.queued = 0;
    spill(chunkClicks(rest));
    settled(n);
  }
}
