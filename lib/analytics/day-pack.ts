import "server-only";
import { promisify } from "node:util";
import { deflateRaw, inflateRaw } from "node:zlib";
import { db } from "@/lib/db/client";
import { DIMENSION_FIELDS, filterDimension, type ViewRow } from "./click-sql";
import type { LinkFiling } from "./link-map";
import type { ResolvedQuery } from "./resolve-query";
import { NONE } from "./schemas";
import { bucketOf } from "./time-range";

const DAY = 86_400_000;
const inflate = promisify(inflateRaw);
const deflate = promisify(deflateRaw);

/**
 * One UTC day's clicks, people's and bots', as compact columns: each text
 * column (a view row's) as indexes into the day's own list of its values,
 * the visitor as a number (hashes rotate every UTC day: within a day, which
 * visitor is which is all a count needs), the slot (quarter hour or hour),
 * bot or not, and the clicks; a column of one value takes no bytes. Deflated:
 * a day of 25,000 clicks is about 250 KB, where it is 700 KB as is, which
 * took both databases longer to hand over than inflating takes. A view the
 * daily rows cannot answer (two values at once, a busy scope and a value)
 * reads its whole days' packs instead of their hourly rows (a few hundred
 * bytes each, read through the time index and filtered).
 */
const TEXT = ["linkId", "trigger", "country", "city", "device", "browser", "os", "referrerHost", "social", "utmSource", "utmMedium", "utmCampaign", "utmTerm", "utmContent", "bioPageId", "bioBlockId"] as const;
type TextColumn = (typeof TEXT)[number];
const NUMBERS = ["visitor", "slot", "bot", "n"] as const;
type Column = TextColumn | (typeof NUMBERS)[number];
type Indexes = Uint8Array | Uint16Array | Uint32Array;

interface Header {
  rows: number;
  /** Bytes per value of each column, in TEXT then NUMBERS order. */
  widths: number[];
  /** Each text column's values, in TEXT order. */
  values: (string | null)[][];
}

const widthOf = (max: number) => (max === 0 ? 0 : max < 256 ? 1 : max < 65_536 ? 2 : 4);
const pad4 = (n: number) => (n + 3) & ~3;

/** A day's pack from its view rows (by quarter hour or hour: `b` is the slot), people's and bots'. Deflated off the event loop. */
export async function encodePack(people: readonly ViewRow[], bots: readonly ViewRow[]): Promise<{ data: Uint8Array<ArrayBuffer>; rows: number }> {
  const n = people.length + bots.length;
  const row = (i: number) => (i < people.length ? people[i]! : bots[i - people.length]!);
  const columns = [...TEXT, ...NUMBERS].map(() => new Uint32Array(n));
  const values: (string | null)[][] = [];
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
    values.push([...ids.keys()]);
  }
  const visitors = new Map<string, number>();
  const [visitor, slot, bot, clicks] = columns.slice(TEXT.length) as [Uint32Array, Uint32Array, Uint32Array, Uint32Array];
  for (let i = 0; i < n; i++) {
    const r = row(i);
    let v = visitors.get(r.visitorHash);
    if (v === undefined) visitors.set(r.visitorHash, (v = visitors.size));
    [visitor[i], slot[i], bot[i], clicks[i]] = [v, r.b, i < people.length ? 0 : 1, r.n];
  }
  const widths = columns.map((c) => widthOf(c.reduce((m, v) => Math.max(m, v), 0)));
  const header: Header = { rows: n, widths, values };
  const head = Buffer.from(JSON.stringify(header));
  const starts: number[] = [];
  let size = pad4(4 + head.length);
  for (const w of widths) {
    starts.push(size);
    size = pad4(size + w * n);
  }
  const out = new Uint8Array(size);
  new DataView(out.buffer).setUint32(0, head.length, true);
  out.set(head, 4);
  columns.forEach((c, x) => {
    if (widths[x]) typed(widths[x]!, out.buffer, starts[x]!, n).set(c);
  });
  return { data: new Uint8Array(await deflate(out)), rows: n };
}

function typed(width: number, buffer: ArrayBufferLike, offset: number, length: number): Indexes {
  // A column of one value (index 0 throughout) takes no bytes.
  if (width === 0) return new Uint8Array(length);
  return width === 1 ? new Uint8Array(buffer, offset, length) : width === 2 ? new Uint16Array(buffer, offset, length) : new Uint32Array(buffer, offset, length);
}

/** A pack read back: its columns by name, and each text column's values. */
export interface DayPack {
  day: number;
  slots: number;
  rows: number;
  columns: Record<Column, Indexes>;
  values: Record<TextColumn, (string | null)[]>;
}

export async function decodePack(day: number, slots: number, data: Uint8Array): Promise<DayPack> {
  const inflated = await inflate(data);
  // Typed arrays of 2 and 4 bytes need aligned offsets: columns are aligned within the pack.
  const raw = inflated.byteOffset % 4 ? Uint8Array.prototype.slice.call(inflated) : inflated;
  const length = new DataView(raw.buffer, raw.byteOffset, 4).getUint32(0, true);
  const header = JSON.parse(Buffer.from(raw.buffer, raw.byteOffset + 4, length).toString("utf8")) as Header;
  let at = pad4(4 + length);
  const columns = {} as Record<Column, Indexes>;
  [...TEXT, ...NUMBERS].forEach((c, x) => {
    const w = header.widths[x]!;
    columns[c] = typed(w, raw.buffer, raw.byteOffset + at, header.rows);
    at = pad4(at + w * header.rows);
  });
  const values = Object.fromEntries(TEXT.map((c, x) => [c, header.values[x]!])) as Record<TextColumn, (string | null)[]>;
  return { day, slots, rows: header.rows, columns, values };
}

/** What a question keeps of a pack's rows: a test per text column value (by its index), and which bot flags. */
interface Keep {
  tests: { column: TextColumn; keep: (v: string | null) => boolean }[];
  bots: [boolean, boolean];
}

/**
 * The question's filters as tests of a pack's columns, as the hourly way
 * filters (click-sql.ts filterSql): a campaign or channel by the link's as
 * it is now, a tag by the link's tags, a platform type by its platform's kind.
 */
export function packFilter(q: Pick<ResolvedQuery, "filters" | "kinds" | "bots">, links: Map<string, LinkFiling>, tags: Map<string, string[]>): Keep {
  const tests: Keep["tests"] = [];
  for (const [name, values] of q.filters) {
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
  return { tests, bots: [q.bots !== "only", q.bots !== "exclude"] };
}

/**
 * The pack's rows the question keeps, as view rows: bucketed by the question's
 * starts (the slot's start), each with its link's campaign and channel as now.
 * The visitor becomes a text unique to the day, as a hash is.
 */
export function packRows(pack: DayPack, keep: Keep, starts: number[], links: Map<string, LinkFiling>): ViewRow[] {
  const { columns: c, values } = pack;
  const allowed = keep.tests.map(({ column, keep: test }) => ({ of: c[column], ok: Uint8Array.from(values[column], (v) => (test(v) ? 1 : 0)) }));
  const step = DAY / pack.slots;
  const buckets = Array.from({ length: pack.slots }, (_, s) => bucketOf(starts, pack.day + s * step));
  const text = (col: TextColumn, i: number) => values[col][c[col][i]!]!;
  const out: ViewRow[] = [];
  rows: for (let i = 0; i < pack.rows; i++) {
    if (!keep.bots[c.bot[i]!]) continue;
    for (const a of allowed) if (!a.ok[a.of[i]!]) continue rows;
    const linkId = text("linkId", i)!;
    const link = links.get(linkId);
    out.push({
      b: buckets[c.slot[i]!]!, n: c.n[i]!,
      linkId, visitorHash: `${pack.day}:${c.visitor[i]!}`, trigger: text("trigger", i)!, country: text("country", i), city: text("city", i), device: text("device", i), browser: text("browser", i), os: text("os", i),
      referrerHost: text("referrerHost", i), social: text("social", i), utmSource: text("utmSource", i), utmMedium: text("utmMedium", i), utmCampaign: text("utmCampaign", i), utmTerm: text("utmTerm", i), utmContent: text("utmContent", i),
      bioPageId: text("bioPageId", i), bioBlockId: text("bioBlockId", i),
      channelId: link?.channelId ?? null, campaignId: link?.campaignId ?? null,
    });
  }
  return out;
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

/** The question's whole UTC days whose packs answer it (packAnswers), in order. */
export async function packedDays(q: Pick<ResolvedQuery, "workspaceId" | "from" | "to" | "starts" | "filters">): Promise<{ day: number; slots: number }[]> {
  const first = Math.ceil(q.from / DAY);
  const end = Math.floor(q.to / DAY);
  if (first >= end) return [];
  const got = await db().clickDayPack.findMany({ where: { workspaceId: q.workspaceId, day: { gte: first, lt: end } }, select: { day: true, slots: true }, orderBy: { day: "asc" } });
  return got.map((p) => ({ day: p.day * DAY, slots: p.slots })).filter((p) => packAnswers(q, p.day, p.slots));
}

/**
 * The packs of some days (day starts, in order), decoded. One statement; the
 * bytes as text (base64 from PostgreSQL, hex from SQLite): the drivers' bytes
 * took two to five times as long.
 */
export async function readPacks(workspaceId: string, days: { day: number }[]): Promise<DayPack[]> {
  if (!days.length) return [];
  const pg = db().provider === "postgres";
  const [a, b] = [days[0]!.day / DAY, days.at(-1)!.day / DAY + 1];
  const sql = pg
    ? `SELECT "day", "slots", encode("data", 'base64') AS "data" FROM "ClickDayPack" WHERE "workspaceId" = $1 AND "day" >= $2 AND "day" < $3`
    : `SELECT "day", "slots", hex("data") AS "data" FROM "ClickDayPack" WHERE "workspaceId" = ? AND "day" >= ? AND "day" < ?`;
  const rows = await db().$queryRawUnsafe<{ day: unknown; slots: unknown; data: string }[]>(sql, workspaceId, a, b);
  const byDay = new Map(rows.map((r) => [Number(r.day) * DAY, r]));
  // Inflated beside each other, off the event loop. A pack is rewritten with its day: one rebuilt by hour since (its raw clicks
  // deleted) is read by hour, a cut hour in the bucket its start falls in, as the hourly rows answer such an hour; one gone
  // (its workspace deleted) not at all.
  const got = days.flatMap(({ day }) => {
    const r = byDay.get(day);
    return r ? [decodePack(day, Number(r.slots), Buffer.from(r.data, pg ? "base64" : "hex"))] : [];
  });
  return Promise.all(got);
}

/** Writes a day's pack (encodePack's) in place of the one it had (a statement for the day's transaction). */
export function writePack(workspaceId: string, day: number, slots: number, { data, rows }: { data: Uint8Array<ArrayBuffer>; rows: number }) {
  const at = { workspaceId, day: Math.floor(day / DAY) };
  return db().clickDayPack.upsert({ where: { workspaceId_day: at }, create: { ...at, slots, rows, data }, update: { slots, rows, data } });
}

/** The days in [from, through) (UTC day starts) without a pack, newest first. */
export async function daysWithoutPack(workspaceId: string, from: number, through: number): Promise<number[]> {
  const have = await db().clickDayPack.findMany({ where: { workspaceId, day: { gte: from / DAY, lt: through / DAY } }, select: { day: true } });
  const packed = new Set(have.map((p) => p.day * DAY));
  const out: number[] = [];
  for (let d = through - DAY; d >= from; d -= DAY) if (!packed.has(d)) out.push(d);
  return out;
}
