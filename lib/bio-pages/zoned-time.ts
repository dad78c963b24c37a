/** Wall-clock time in an IANA zone <-> instants, for schedules entered in the workspace's zone. */

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(tz: string) {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone: tz, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
    formatters.set(tz, f);
  }
  return f;
}

/** The zone's offset from UTC at an instant, in milliseconds. */
function offsetAt(tz: string, at: number): number {
  const p = Object.fromEntries(formatter(tz).formatToParts(new Date(at)).map((x) => [x.type, x.value]));
  const wall = Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!, +p.second!);
  return wall - Math.floor(at / 1000) * 1000;
}

/**
 * "2026-03-29T02:30" in `tz` as an ISO instant. A time skipped by a
 * daylight-saving change moves forward by the gap; a repeated one is the first.
 */
export function zonedToUtc(local: string, tz: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) throw new Error(`not a local date-time: ${local}`);
  const wall = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!);
  const before = wall - offsetAt(tz, wall - 43_200_000);
  const after = wall - offsetAt(tz, wall + 43_200_000);
  const valid = [before, after].filter((c) => c + offsetAt(tz, c) === wall);
  // None valid: the time fell into a gap; the offset before it moves it forward.
  return new Date(valid.length ? Math.min(...valid) : before).toISOString();
}

/** An ISO instant as "YYYY-MM-DDTHH:mm" on the wall clocks of `tz`. */
export function utcToZoned(iso: string, tz: string): string {
  const at = Date.parse(iso);
  return new Date(at + offsetAt(tz, at)).toISOString().slice(0, 16);
}
