/**
 * Dates as the app shows them, in the workspace's time zone: the same string
 * on the server and in the browser, whatever zone either runs in.
 */
const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${timeZone}|${withTime}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat("en", withTime ? { dateStyle: "medium", timeStyle: "short", timeZone } : { dateStyle: "medium", timeZone });
    cache.set(key, f);
  }
  return f;
}

const zoneNames = new Map<string, Intl.DateTimeFormat>();
/** The zone's short name at that moment ("CET", "GMT+5:30", "UTC"). */
function zoneName(date: Date, timeZone: string): string {
  let f = zoneNames.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en", { timeZone, timeZoneName: "short" });
    zoneNames.set(timeZone, f);
  }
  return f.formatToParts(date).find((p) => p.type === "timeZoneName")?.value ?? timeZone;
}

type DateLike = Date | string | number;

/** "Nov 29, 2026": a day, where the hour does not matter. */
export function formatDay(date: DateLike, timeZone: string): string {
  return formatter(timeZone, false).format(new Date(date));
}

/** "Nov 29, 2026, 2:05 PM CET": a moment, with its zone named. */
export function formatMoment(date: DateLike, timeZone: string): string {
  const d = new Date(date);
  return `${formatter(timeZone, true).format(d)} ${zoneName(d, timeZone)}`;
}
