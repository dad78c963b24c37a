/** Numbers, changes and periods as people read them, in their locale. */
export function formatNumber(n: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(n);
}

export function formatShare(part: number, whole: number, locale: string): string {
  return whole ? new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(part / whole) : "–";
}

/** "+12%", "−3%", "new" (nothing before), "±0%". */
export function formatChange(current: number, previous: number, locale: string): { text: string; direction: "up" | "down" | "flat" } {
  if (previous === 0) return current === 0 ? { text: "±0%", direction: "flat" } : { text: "new", direction: "up" };
  const ratio = (current - previous) / previous;
  const text = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0, signDisplay: "exceptZero" }).format(ratio);
  return { text, direction: ratio > 0 ? "up" : ratio < 0 ? "down" : "flat" };
}

/** The wall time an ISO timestamp with offset shows ("2026-03-29T00:00:00+01:00" -> that local date), formatted. */
export function formatLocal(iso: string, locale: string, opts: Intl.DateTimeFormatOptions): string {
  // The string's own wall time, read as UTC and shown as UTC: no second conversion.
  const wall = new Date(`${iso.slice(0, 19)}Z`);
  return new Intl.DateTimeFormat(locale, { ...opts, timeZone: "UTC" }).format(wall);
}

export function formatBucket(iso: string, interval: string, locale: string): string {
  if (interval === "hour") return formatLocal(iso, locale, { month: "short", day: "numeric", hour: "numeric", minute: "2-digit" });
  if (interval === "month") return formatLocal(iso, locale, { year: "numeric", month: "short" });
  return formatLocal(iso, locale, { month: "short", day: "numeric", ...(interval === "week" ? { year: "numeric" } : {}) });
}

/** "Mar 1 – Mar 30, 2026" for [from, to): the last day shown is the one before `to` when `to` is a midnight. */
export function formatPeriod(from: string, to: string, locale: string): string {
  const midnight = to.slice(11, 19) === "00:00:00";
  const end = midnight ? new Date(Date.parse(`${to.slice(0, 19)}Z`) - 1).toISOString() : to;
  const f = new Intl.DateTimeFormat(locale, { year: "numeric", month: "short", day: "numeric", ...(midnight && from.slice(11, 19) === "00:00:00" ? {} : { hour: "numeric", minute: "2-digit" }), timeZone: "UTC" });
  return f.formatRange(new Date(`${from.slice(0, 19)}Z`), new Date(midnight ? end : `${end.slice(0, 19)}Z`));
}

/** The last day a period [from, to) covers, as a date input shows it: the day before `to` when `to` is a midnight. */
export function lastDayOf(to: string): string {
  if (to.slice(11, 19) !== "00:00:00") return to.slice(0, 10);
  return new Date(Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}
