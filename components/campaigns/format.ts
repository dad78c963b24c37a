const day = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });
const count = new Intl.NumberFormat("en");

/** "Mar 1, 2026 – Mar 31, 2026", "from Mar 1, 2026", "until …", or "No dates". */
export function formatCampaignDates(startsAt: string | null, endsAt: string | null): string {
  const s = startsAt ? day.format(new Date(startsAt)) : null;
  const e = endsAt ? day.format(new Date(endsAt)) : null;
  if (s && e) return `${s} – ${e}`;
  if (s) return `From ${s}`;
  if (e) return `Until ${e}`;
  return "No dates";
}

export const formatCount = (n: number) => count.format(n);
