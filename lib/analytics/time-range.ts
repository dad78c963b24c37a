/**
 * Periods and buckets in a workspace's time zone, as UTC instants. Every
 * boundary is computed here with Intl (never by adding 24 hours), so a day is
 * 23 or 25 hours long across a daylight-saving change, and zones with half-
 * and quarter-hour offsets (Asia/Kolkata, Asia/Kathmandu) get their own
 * midnights. The queries then only compare instants.
 */
export const INTERVALS = ["hour", "day", "week", "month"] as const;
export type Interval = (typeof INTERVALS)[number];
export const PRESETS = ["24h", "7d", "30d", "90d", "mtd", "ytd", "all"] as const;
export type Preset = (typeof PRESETS)[number];
export const PRESET_LABELS: Record<Preset, string> = {
  "24h": "Last 24 hours",
  "7d": "Last 7 days",
  "30d": "Last 30 days",
  "90d": "Last 90 days",
  mtd: "Month to date",
  ytd: "Year to date",
  all: "All time",
};
/** More buckets than this is no chart anyone reads (and a slow query). */
export const MAX_BUCKETS = 1000;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The minutes of the UTC day at which some zone's midnight falls inside an
 * hour (Asia/Kolkata's at 18:30, Asia/Kathmandu's at 18:15, Newfoundland's at
 * 2:30 or 3:30 with daylight saving...): where a day-aligned period of such a
 * zone starts and ends. The daily rollup keeps its platform types and
 * channels cut at these besides every whole hour (day-rollup.ts).
 */
export const QUARTER_MIDNIGHTS: readonly number[] = [150, 210, 570, 615, 675, 810, 870, 915, 1050, 1095, 1110, 1170, 1230];

interface Wall {
  y: number;
  mo: number; // 1-12
  d: number;
  h: number;
  mi: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();
function format(zone: string): Intl.DateTimeFormat {
  let f = formats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" });
    formats.set(zone, f);
  }
  return f;
}

/** The wall-clock time in `zone` at instant `ms`. */
export function wallTime(ms: number, zone: string): Wall & { s: number } {
  const p: Record<string, number> = {};
  for (const { type, value } of format(zone).formatToParts(new Date(ms))) if (type !== "literal") p[type] = Number(value);
  return { y: p.year!, mo: p.month!, d: p.day!, h: p.hour! % 24, mi: p.minute!, s: p.second! };
}

/** The zone's offset from UTC at instant `ms`, in milliseconds (Kathmandu: +5:45). */
export function zoneOffset(ms: number, zone: string): number {
  const w = wallTime(ms, zone);
  return Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s) - Math.floor(ms / 1000) * 1000;
}

/**
 * The first instant whose wall time in `zone` is at or after the given one
 * (fields may overflow: day 32 is the next month's first). A wall time a
 * daylight-saving change skips maps to the instant the clocks jumped.
 */
export function zonedInstant(w: Wall, zone: string): number {
  const asUtc = Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi);
  const before = asUtc - zoneOffset(asUtc - DAY, zone);
  const after = asUtc - zoneOffset(asUtc + DAY, zone);
  // Offsets either side of the moment: the earlier candidate if it shows the wanted wall time, else the later.
  for (const t of [Math.min(before, after), Math.max(before, after)]) {
    const o = zoneOffset(t, zone);
    if (t + o === asUtc) return t;
  }
  // In a skipped hour: the instant the clocks jumped, found between the candidates.
  let lo = Math.min(before, after);
  let hi = Math.max(before, after);
  while (hi - lo > 60_000) {
    const mid = lo + Math.floor((hi - lo) / 2 / 60_000) * 60_000;
    if (mid + zoneOffset(mid, zone) >= asUtc) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** The start of the bucket (in `zone`) holding instant `ms`. */
export function bucketStart(ms: number, interval: Interval, zone: string): number {
  const w = wallTime(ms, zone);
  if (interval === "hour") {
    // Local hours are whole hours of absolute time apart: floor by the minutes shown.
    return Math.floor(ms / 60_000) * 60_000 - w.mi * 60_000;
  }
  if (interval === "day") return zonedInstant({ ...w, h: 0, mi: 0 }, zone);
  if (interval === "month") return zonedInstant({ ...w, d: 1, h: 0, mi: 0 }, zone);
  // ISO weeks start on Monday.
  const weekday = (new Date(Date.UTC(w.y, w.mo - 1, w.d)).getUTCDay() + 6) % 7;
  return zonedInstant({ ...w, d: w.d - weekday, h: 0, mi: 0 }, zone);
}

/** The start of the bucket after the one starting at `start`. */
export function nextBucket(start: number, interval: Interval, zone: string): number {
  if (interval === "hour") return start + HOUR;
  const w = wallTime(start, zone);
  if (interval === "day") return zonedInstant({ ...w, d: w.d + 1, h: 0, mi: 0 }, zone);
  if (interval === "week") return zonedInstant({ ...w, d: w.d + 7, h: 0, mi: 0 }, zone);
  return zonedInstant({ ...w, mo: w.mo + 1, d: 1, h: 0, mi: 0 }, zone);
}

/** The bucket an instant falls in (starts ascending, the instant at or after the first). */
export function bucketOf(starts: number[], t: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The bucket starts covering [from, to): the first may start before `from`
 * (the range then counts only its part), the last ends at or after `to`.
 * Null when there would be more than MAX_BUCKETS.
 */
export function bucketStarts(from: number, to: number, interval: Interval, zone: string): number[] | null {
  const starts: number[] = [];
  for (let t = bucketStart(from, interval, zone); t < to; t = nextBucket(t, interval, zone)) {
    if (starts.length === MAX_BUCKETS) return null;
    starts.push(t);
  }
  return starts;
}

/** The interval a range is read in unless the user picks one. */
export function defaultInterval(from: number, to: number): Interval {
  const span = to - from;
  if (span <= 3 * DAY) return "hour";
  if (span <= 120 * DAY) return "day";
  if (span <= 2 * 366 * DAY) return "week";
  return "month";
}

/** A preset's [from, to) at `now`, in `zone`; "all" starts at `firstDay`. */
export function presetRange(preset: Preset, now: number, zone: string, firstDay: number): { from: number; to: number } {
  if (preset === "24h") {
    const to = bucketStart(now, "hour", zone) + HOUR;
    return { from: to - 24 * HOUR, to };
  }
  const today = bucketStart(now, "day", zone);
  const to = nextBucket(today, "day", zone);
  const w = wallTime(today, zone);
  const daysBack = (n: number) => zonedInstant({ ...w, d: w.d - (n - 1), h: 0, mi: 0 }, zone);
  switch (preset) {
    case "7d":
      return { from: daysBack(7), to };
    case "30d":
      return { from: daysBack(30), to };
    case "90d":
      return { from: daysBack(90), to };
    case "mtd":
      return { from: zonedInstant({ ...w, d: 1, h: 0, mi: 0 }, zone), to };
    case "ytd":
      return { from: zonedInstant({ ...w, mo: 1, d: 1, h: 0, mi: 0 }, zone), to };
    case "all":
      return { from: Math.min(bucketStart(firstDay, "day", zone), today), to };
  }
}

/** An ISO 8601 timestamp with the zone's offset at that instant ("2026-03-29T00:00:00+01:00"). */
export function isoInZone(ms: number, zone: string): string {
  const w = wallTime(ms, zone);
  const off = zoneOffset(ms, zone) / 60_000;
  const sign = off < 0 ? "-" : "+";
  const a = Math.abs(off);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${w.y}-${two(w.mo)}-${two(w.d)}T${two(w.h)}:${two(w.mi)}:${two(w.s)}${sign}${two(Math.floor(a / 60))}:${two(a % 60)}`;
}

/**
 * A date ("2026-03-01") is that day's local midnight in `zone`; a full ISO
 * timestamp is its instant. `endOfDay`: a bare date means the day after it
 * begins (an inclusive "to" date). NaN when unreadable.
 */
export function parseInstant(text: string, zone: string, endOfDay = false): number {
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (date) {
    const [y, mo, d] = [Number(date[1]), Number(date[2]), Number(date[3])];
    if (mo < 1 || mo > 12 || d < 1 || d > 31) return NaN;
    return zonedInstant({ y, mo, d: d + (endOfDay ? 1 : 0), h: 0, mi: 0 }, zone);
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text)) return NaN;
  return Date.parse(text);
}
