import "server-only";
import { randomInt } from "node:crypto";
import { promisify } from "node:util";
import { deflateRaw, inflateRaw } from "node:zlib";
import { db } from "@/lib/db/client";
import { readPackBytes, releasePackBytes } from "./pack-bytes";
import { keptPack, packCache, pinPack } from "./pack-cache";
import { numberLinks } from "./pack-links";
import { DIMENSION_FIELDS, filterDimension, type ViewRow } from "./click-sql";
import type { LinkFiling } from "./link-map";
import type { ResolvedQuery } from "./resolve-query";
import { NONE, type Dimension } from "./schemas";

const DAY = 86_400_000;
const inflate = promisify(inflateRaw);
const deflate = promisify(deflateRaw);

/**
 * One UTC day's clicks, people's and bots', as compact columns: each text
 * column (a view row's) as indexes into the day's own list of its values,
 * the link as its number in the workspace (pack-links.ts), the visitor as a number (hashes rotate every UTC day: within a day, which
 * visitor is which is all a count needs), the slot (quarter hour or hour),
 * and the clicks; people's rows first, then bots'. Each column takes as many bits a row as its
 * largest value needs (none when it has one value), so a day of 25,000
 * clicks is some 200 KB of columns that are read where they lie, and only
 * the header (the values' lists) is deflated. Deflating the columns too
 * saved little room (the columns are near their entropy already) and cost
 * a 12-month view most of its time inflating them. A view the daily rows
 * cannot answer (two values at once, a busy scope and a value) reads its
 * whole days' packs instead of their hourly rows.
 */
const TEXT = ["trigger", "country", "city", "device", "browser", "os", "referrerHost", "social", "utmSource", "utmMedium", "utmCampaign", "utmTerm", "utmContent", "bioPageId", "bioBlockId"] as const;
type TextColumn = (typeof TEXT)[number];
const NUMBERS = ["linkId", "visitor", "slot", "n"] as const;
export type PackColumn = TextColumn | (typeof NUMBERS)[number];
const COLUMNS: readonly PackColumn[] = [...TEXT, ...NUMBERS];

interface Header {
  rows: number;
  /** Rows of people: the rows before this; bots' the rest. */
  people: number;
  /** How many visitors: the visitor column's values are 0 to this less one. */
  visitors: number;
  /** The link column's numbers are below this. */
  links: number;
  /** Bits per value of each column, in COLUMNS order. */
  bits: number[];
  /** Each text column's values, in TEXT order, joined by NUL (no stored text holds one: PostgreSQL refuses it, ingest drops it). */
  values: string[];
  /** Where each text column's null is among its values (-1: it has none). */
  nulls: number[];
}

/** A text column's values, read one by one as a kept row needs one: a day lists some thousands of cities, of which a view's kept rows name a few. */
export class PackValues {
  private readonly starts: number[] = [0];
  readonly length: number;
  constructor(
    private readonly text: string,
    private readonly none: number,
  ) {
    for (let at = text.indexOf("\0"); at >= 0; at = text.indexOf("\0", at + 1)) this.starts.push(at + 1);
    this.length = this.starts.length;
    this.starts.push(text.length + 1);
  }

  /** Memory held, roughly: the text (a byte per character) and the offsets. */
  get weight(): number {
    return this.text.length + 8 * this.starts.length;
  }

  get(code: number): string | null {
    return code === this.none ? null : this.text.slice(this.starts[code]!, this.starts[code + 1]! - 1);
  }

  /** A flag per value: whether `test` keeps it. */
  flags(test: (v: string | null) => boolean): Uint8Array {
    return Uint8Array.from({ length: this.length }, (_, code) => (test(this.get(code)) ? 1 : 0));
  }
}

const bitsOf = (max: number) => (max === 0 ? 0 : 32 - Math.clz32(max));
const pad4 = (n: number) => (n + 3) & ~3;
const wordsOf = (rows: number, bits: number) => Math.ceil((rows * bits) / 32);

/** A column of `bits`-bit values, packed in 32-bit words in the machine's byte order (little-endian on x86 and ARM alike). */
export class BitColumn {
  private readonly mask: number;
  constructor(
    private readonly words: Uint32Array,
    private readonly bits: number,
  ) {
    this.mask = bits === 32 ? -1 : (1 << bits) - 1;
  }

  get(i: number): number {
    if (this.bits === 0) return 0;
    const at = i * this.bits;
    const w = at >>> 5;
    const o = at & 31;
    let v = this.words[w]! >>> o;
    if (o + this.bits > 32) v |= this.words[w + 1]! << (32 - o);
    return (v & this.mask) >>> 0;
  }

  /** The rows in [from, to) whose value `ok` flags (1, else 0), written to `out` from its start; answers how many. Reads the words in order. */
  select(from: number, to: number, ok: Uint8Array, out: Uint32Array): number {
    const { bits, mask, words } = this;
    let k = 0;
    if (bits === 0) {
      if (ok[0]) for (let i = from; i < to; i++) out[k++] = i;
      return k;
    }
    if (bits < 32 && 32 % bits === 0) return this.selectWhole(from, to, ok, out);
    for (let i = from, at = from * bits; i < to; i++, at += bits) {
      const w = at >>> 5;
      const o = at & 31;
      let v = words[w]! >>> o;
      if (o + bits > 32) v |= words[w + 1]! << (32 - o);
      // Written always, kept by counting: no branch to mispredict.
      out[k] = i;
      k += ok[(v & mask) >>> 0]!;
    }
    return k;
  }

  /** select() where no value crosses a word (bits divide 32): a word read once for all of its values. */
  private selectWhole(from: number, to: number, ok: Uint8Array, out: Uint32Array): number {
    const { bits, mask, words } = this;
    const per = 32 / bits;
    let k = 0;
    let i = from;
    for (; i < to && i % per; i++) if (ok[this.get(i)]) out[k++] = i;
    for (; i + per <= to; i += per) {
      let word = words[i / per]!;
      for (let b = 0; b < per; b++, word >>>= bits) {
        out[k] = i + b;
        k += ok[word & mask]!;
      }
    }
    for (; i < to; i++) if (ok[this.get(i)]) out[k++] = i;
    return k;
  }

  /** The values of some rows, in their order. */
  gather(rows: Uint32Array): Uint32Array {
    const out = new Uint32Array(rows.length);
    if (this.bits) for (let j = 0; j < rows.length; j++) out[j] = this.get(rows[j]!);
    return out;
  }

  static write(into: Uint32Array, values: Uint32Array, bits: number): void {
    if (!bits) return;
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      const at = i * bits;
      const w = at >>> 5;
      const o = at & 31;
      into[w]! |= v << o;
      if (o + bits > 32) into[w + 1]! |= v >>> (32 - o);
    }
  }
}

/**
 * A day's pack from its view rows (by quarter hour or hour: `b` is the slot),
 * people's and bots', each link by its number (numberLinks'). Off the event
 * loop between columns.
 */
export async function encodePack(people: readonly ViewRow[], bots: readonly ViewRow[], numbers: ReadonlyMap<string, number>): Promise<{ data: Uint8Array<ArrayBuffer>; rows: number }> {
  const n = people.length + bots.length;
  const row = (i: number) => (i < people.length ? people[i]! : bots[i - people.length]!);
  const columns = COLUMNS.map(() => new Uint32Array(n));
  const values: string[] = [];
  const nulls: number[] = [];
  for (const [x, c] of TEXT.entries()) {
    // The event loop back between columns: the daily job shares the thread with the redirect.
    await new Promise((resolve) => setImmediate(resolve));
    const ids = new Map<string | null, number>();
    const col = columns[x]!;
    for (let i = 0; i < n; i++) {
      const v = row(i)[c];
      let id = ids.get(v);
      if (id === undefined) ids.set(v, (id = ids.size));
      col[i] = id;
    }
    const list = [...ids.keys()];
    values.push(list.map((v) => (v === null ? "" : v.replaceAll("\0", ""))).join("\0"));
    nulls.push(list.indexOf(null));
  }
  const visitors = new Map<string, number>();
  const [link, visitor, slot, clicks] = columns.slice(TEXT.length) as [Uint32Array, Uint32Array, Uint32Array, Uint32Array];
  for (let i = 0; i < n; i++) {
    const r = row(i);
    let v = visitors.get(r.visitorHash);
    if (v === undefined) visitors.set(r.visitorHash, (v = visitors.size));
    const l = numbers.get(r.linkId);
    if (l === undefined) throw new Error(`encodePack: link ${r.linkId} has no number`);
    [link[i], visitor[i], slot[i], clicks[i]] = [l, v, r.b, r.n];
  }
  const bits = columns.map((c) => bitsOf(c.reduce((m, v) => Math.max(m, v), 0)));
  const header: Header = { rows: n, people: people.length, visitors: visitors.size, links: link.reduce((m, l) => Math.max(m, l + 1), 1), bits, values, nulls };
  // ASCII (other characters escaped), read back as latin1: a byte a character, no UTF-8 to decode.
  const head = await deflate(Buffer.from(JSON.stringify(header).replace(/[\u0080-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`), "latin1"));
  const start = pad4(4 + head.length);
  const out = new Uint8Array(start + 4 * bits.reduce((sum, b) => sum + wordsOf(n, b), 0));
  new DataView(out.buffer).setUint32(0, head.length, true);
  out.set(head, 4);
  let at = start;
  columns.forEach((c, x) => {
    const words = wordsOf(n, bits[x]!);
    BitColumn.write(new Uint32Array(out.buffer, at, words), c, bits[x]!);
    at += 4 * words;
  });
  return { data: out, rows: n };
}

/** A workspace's day's pack from its view rows (encodePack), its links numbered first (numberLinks). */
export async function packDay(workspaceId: string, people: readonly ViewRow[], bots: readonly ViewRow[]): Promise<{ data: Uint8Array<ArrayBuffer>; rows: number }> {
  const ids = new Set<string>();
  for (const rows of [people, bots]) for (const r of rows) ids.add(r.linkId);
  return encodePack(people, bots, await numberLinks(workspaceId, ids));
}

/** A pack read back: its columns by name, and each text column's values. */
export interface DayPack {
  day: number;
  slots: number;
  rows: number;
  /** Rows of people: the rows before this; bots' the rest. */
  people: number;
  /** How many visitors: the visitor column's values are 0 to this less one. */
  visitors: number;
  /** The link column's numbers (pack-links.ts) are below this. */
  links: number;
  columns: Record<PackColumn, BitColumn>;
  values: Record<TextColumn, PackValues>;
  /** The bytes the columns lie in (releasePacks gives them back). */
  bytes: Uint8Array;
}

export async function decodePack(day: number, slots: number, data: Uint8Array): Promise<DayPack> {
  // 32-bit words need an aligned start: a driver's bytes may lie anywhere in its buffer.
  const raw = data.byteOffset % 4 ? Uint8Array.prototype.slice.call(data) : data;
  const length = new DataView(raw.buffer, raw.byteOffset, 4).getUint32(0, true);
  const header = JSON.parse((await inflate(raw.subarray(4, 4 + length))).toString("latin1")) as Header;
  let at = raw.byteOffset + pad4(4 + length);
  const columns = {} as Record<PackColumn, BitColumn>;
  COLUMNS.forEach((c, x) => {
    const words = wordsOf(header.rows, header.bits[x]!);
    columns[c] = new BitColumn(new Uint32Array(raw.buffer, at, words), header.bits[x]!);
    at += 4 * words;
  });
  const values = Object.fromEntries(TEXT.map((c, x) => [c, new PackValues(header.values[x]!, header.nulls[x]!)])) as Record<TextColumn, PackValues>;
  return { day, slots, rows: header.rows, people: header.people, visitors: header.visitors, links: header.links, columns, values, bytes: raw };
}

/** What a question keeps of a pack's rows: a test of a text column's value or of the link (by its id), and whose rows: [people's, bots']. */
export interface PackKeep {
  tests: { column: TextColumn | "linkId"; keep: (v: string | null) => boolean }[];
  bots: [boolean, boolean];
  /** The dimensions a filter holds to one value (null: none), that value: every kept row's key there. */
  one: Map<Dimension, string | null>;
}

/**
 * The question's filters as tests of a pack's columns, as the hourly way
 * filters (click-sql.ts filterSql): a campaign or channel by the link's as
 * it is now, a tag by the link's tags, a platform type by its platform's kind.
 */
export function packFilter(q: Pick<ResolvedQuery, "filters" | "kinds" | "bots">, links: ReadonlyMap<string, LinkFiling>, tags: ReadonlyMap<string, readonly string[]>): PackKeep {
  const tests: PackKeep["tests"] = [];
  const one: PackKeep["one"] = new Map();
  for (const [name, values] of q.filters) {
    // A tag's panel counts each of a kept link's tags, not only the filter's; a QR code's filter names the code, not a key.
    if (values.length === 1 && name !== "bioPageId" && name !== "qrId" && name !== "tagId" && name !== "tag") one.set(filterDimension(name), values[0] === NONE ? null : values[0]!);
    const real = new Set(values.filter((v) => v !== NONE));
    const none = real.size < values.length;
    const match = (v: string | null) => (v === null ? none : real.has(v));
    if (name === "bioPageId") {
      tests.push({ column: "bioPageId", keep: (v) => v !== null && values.includes(v) });
      continue;
    }
    const dim = filterDimension(name);
    if (dim === "tag") tests.push({ column: "linkId", keep: (id) => id !== null && (tags.get(id) ?? []).some((t) => values.includes(t)) });
    else if (dim === "platformType") tests.push({ column: "social", keep: (s) => match(s === null ? null : (q.kinds.get(s) ?? null)) });
    else {
      const field = DIMENSION_FIELDS[dim];
      if (field === "campaignId" || field === "channelId") tests.push({ column: "linkId", keep: (id) => match(id === null ? null : (links.get(id)?.[field] ?? null)) });
      else tests.push({ column: field as TextColumn, keep: match });
    }
    if (name === "qrId") tests.push({ column: "trigger", keep: (t) => t === "qr" });
  }
  return { tests, bots: [q.bots !== "only", q.bots !== "exclude"], one };
}

/**
 * Whether a day's pack answers the question for the whole of that day: every
 * bucket boundary inside it falls on one of its slots, and a bio page's
 * filter needs a pack made from raw clicks (by quarter hour: the hourly rows
 * have no page).
 */
export function packAnswers(q: Pick<ResolvedQuery, "starts" | "filters">, day: number, slots: number): boolean {
  if (q.filters.has("bioPageId") && slots !== 96) return false;
  const step = DAY / slots;
  return q.starts.every((s) => s <= day || s >= day + DAY || (s - day) % step === 0);
}

/** A day with a pack: its start (ms), its slots, and the pack's stamp (a new one each time it is written). */
export interface PackedDay {
  day: number;
  slots: number;
  stamp: number;
}

/** The question's whole UTC days whose packs answer it (packAnswers), in order. */
export async function packedDays(q: Pick<ResolvedQuery, "workspaceId" | "from" | "to" | "starts" | "filters">): Promise<PackedDay[]> {
  const first = Math.ceil(q.from / DAY);
  const end = Math.floor(q.to / DAY);
  if (first >= end) return [];
  const got = await db().clickDayPack.findMany({ where: { workspaceId: q.workspaceId, day: { gte: first, lt: end } }, select: { day: true, slots: true, stamp: true }, orderBy: { day: "asc" } });
  return got.map((p) => ({ day: p.day * DAY, slots: p.slots, stamp: p.stamp })).filter((p) => packAnswers(q, p.day, p.slots));
}

/**
 * The packs of some days (in order), decoded, inflated beside each other off
 * the event loop: those this server kept with the same stamp from the cache
 * (pack-cache.ts), those another reader is reading now (the warm-up's, another
 * view's) from that read, and the others read and kept.
 */
export async function readPacks(workspaceId: string, days: readonly Pick<PackedDay, "day" | "stamp">[]): Promise<DayPack[]> {
  if (!days.length) return [];
  const cache = packCache();
  const ready = new Map<number, Promise<DayPack | undefined>>();
  const missing: Pick<PackedDay, "day" | "stamp">[] = [];
  for (const { day, stamp } of days) {
    const pack = cache?.get(workspaceId, day, stamp);
    const under = pack || !cache ? undefined : reading.get(readingKey(workspaceId, day, stamp));
    if (pack) ready.set(day, Promise.resolve(pack));
    else if (under) {
      under.shared = true;
      ready.set(day, under.pack);
    } else missing.push({ day, stamp });
  }
  // The days to read, as spans: one statement each, a span ending where the cache answers a few days in a row.
  const spans: [number, number][] = [];
  for (const { day } of missing) {
    const last = spans.at(-1);
    if (last && day - last[1] <= 4 * DAY) last[1] = day;
    else spans.push([day, day]);
  }
  const wanted = new Set(missing.map((d) => d.day));
  const reads = spans.map(([a, b]) =>
    readPackBytes(workspaceId, a / DAY, b / DAY + 1).then((rows) => {
      // Rows of the span that the cache or another read answered: their memory goes back at once.
      releasePackBytes(rows.filter((r) => !wanted.has(r.day * DAY)).map((r) => r.data));
      return new Map(rows.map((r) => [r.day * DAY, r]));
    }),
  );
  for (const { day, stamp } of missing) {
    const span = reads[spans.findIndex(([a, b]) => day >= a && day <= b)]!;
    // A pack is rewritten with its day: one rebuilt by hour since (its raw clicks deleted) is read by hour, a cut hour in the
    // bucket its start falls in, as the hourly rows answer such an hour; one gone (its workspace deleted) not at all.
    // It is kept with the stamp read with its bytes, so a pack written meanwhile is read again next time.
    const entry: Reading = { shared: false, pack: Promise.resolve(undefined) };
    const key = readingKey(workspaceId, day, stamp);
    entry.pack = span
      .then(async (rows) => {
        const r = rows.get(day);
        if (!r) return undefined;
        const pack = await decodePack(day, r.slots, r.data);
        cache?.put(workspaceId, r.stamp, pack);
        return pack;
      })
      .finally(() => reading.delete(key))
      .then((pack) => {
        // Handed to more than one reader: neither may give its memory back (the other may still be summing it).
        if (pack && entry.shared) pinPack(pack);
        return pack;
      });
    if (cache) reading.set(key, entry);
    ready.set(day, entry.pack);
  }
  const got = await Promise.all(days.map(({ day }) => ready.get(day)!));
  return got.filter((p): p is DayPack => p !== undefined);
}

/** A pack under way: what it resolves to, and whether a second reader waits for it. */
interface Reading {
  shared: boolean;
  pack: Promise<DayPack | undefined>;
}

/** The packs being read now in this process, by workspace, day and stamp (only while a cache is on: then their memory may be shared). */
const reading = new Map<string, Reading>();
const readingKey = (workspaceId: string, day: number, stamp: number) => `${workspaceId}:${day}:${stamp}`;

/** Gives back the memory of packs read (readPacks'), but those a cache keeps: neither they nor anything read from their columns is used after. */
export function releasePacks(packs: readonly DayPack[]): void {
  releasePackBytes(packs.filter((p) => !keptPack(p)).map((p) => p.bytes));
}

/** Writes a day's pack (encodePack's) in place of the one it had, with a new stamp (a statement for the day's transaction). */
export function writePack(workspaceId: string, day: number, slots: number, { data, rows }: { data: Uint8Array<ArrayBuffer>; rows: number }) {
  const at = { workspaceId, day: Math.floor(day / DAY) };
  // One more on each write, so never the stamp a server kept; a pack made anew starts anywhere (a day's pack is deleted only with its workspace).
  return db().clickDayPack.upsert({ where: { workspaceId_day: at }, create: { ...at, slots, rows, data, stamp: randomInt(1, 2 ** 30) }, update: { slots, rows, data, stamp: { increment: 1 } } });
}

/** The days in [from, through) (UTC day starts) without a pack, newest first. */
export async function daysWithoutPack(workspaceId: string, from: number, through: number): Promise<number[]> {
  const have = await db().clickDayPack.findMany({ where: { workspaceId, day: { gte: from / DAY, lt: through / DAY } }, select: { day: true } });
  const packed = new Set(have.map((p) => p.day * DAY));
  const out: number[] = [];
  for (let d = through - DAY; d >= from; d -= DAY) if (!packed.has(d)) out.push(d);
  return out;
}
