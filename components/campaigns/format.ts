import { formatDay } from "@/components/ui/format-date";
import { utcToZoned, zonedToUtc } from "@/lib/bio-pages/zoned-time";

const count = new Intl.NumberFormat("en");

/**
 * A campaign's dates are days in the workspace's time zone: it starts at that
 * day's first moment there and ends at its last second. Shown the same way.
 */
export function dayToIso(day: string, end: boolean, timeZone: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  if (!end) return zonedToUtc(`${day}T00:00`, timeZone);
  return new Date(Date.parse(zonedToUtc(`${day}T23:59`, timeZone)) + 59_000).toISOString();
}

/**
 * Campaigns saved before dates followed the workspace's zone hold that day's
 * 00:00:00 or 23:59:59 in UTC. A day in any zone whose offset is not zero never
 * starts or ends at those instants (and where it is zero they mean the same),
 * so such a value is read as the UTC day it was entered as.
 */
const LEGACY_UTC_DAY = /^(\d{4}-\d{2}-\d{2})T(00:00:00|23:59:59)(\.000)?Z$/;
const zoneOf = (iso: string, timeZone: string) => (LEGACY_UTC_DAY.test(new Date(iso).toISOString()) ? "UTC" : timeZone);

/** The day a date input shows for a stored instant, in the workspace's zone. */
export const isoToDay = (iso: string | null | undefined, timeZone: string) => (iso ? utcToZoned(iso, zoneOf(iso, timeZone)).slice(0, 10) : "");

/** "Mar 1, 2026 – Mar 31, 2026", "From Mar 1, 2026", "Until …", or "No dates", in the workspace's zone. */
export function formatCampaignDates(startsAt: string | null, endsAt: string | null, timeZone: string): string {
  const s = startsAt ? formatDay(startsAt, zoneOf(startsAt, timeZone)) : null;
  const e = endsAt ? formatDay(endsAt, zoneOf(endsAt, timeZone)) : null;
  if (s && e) return `${s} – ${e}`;
  if (s) return `From ${s}`;
  if (e) return `Until ${e}`;
  return "No dates";
}

export const formatCount = (n: number) => count.format(n);
