import { z } from "zod";

/**
 * A workspace's time zone: an IANA name ("Europe/Berlin", "Asia/Kolkata") or
 * "UTC". Dashboards bucket days in it; bio-page schedules are entered and
 * shown in it; dates across the app are shown in it.
 */
export const DEFAULT_TIME_ZONE = "UTC";

const known = new Set<string>([DEFAULT_TIME_ZONE, ...Intl.supportedValuesOf("timeZone")]);
const byLowerCase = new Map([...known].map((z) => [z.toLowerCase(), z]));

/**
 * The zone's spelling from the runtime's list ("europe/berlin" -> "Europe/Berlin"),
 * or, for a valid alias the list does not hold ("Asia/Kathmandu" where ICU lists
 * "Asia/Katmandu"), the name as given; null when it is no time zone.
 */
export function canonicalTimeZone(name: string): string | null {
  const listed = byLowerCase.get(name.toLowerCase());
  if (listed) return listed;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return name;
  } catch {
    return null;
  }
}

export const timeZoneSchema = z
  .string({ error: "Choose a time zone." })
  .trim()
  .min(1, "Choose a time zone.")
  .max(64, "Choose a time zone from the list.")
  .transform((name, ctx) => {
    const zone = canonicalTimeZone(name);
    if (!zone) {
      ctx.addIssue({ code: "custom", message: `"${name}" is not a time zone. Use an IANA name such as Europe/Berlin, or UTC.` });
      return z.NEVER;
    }
    return zone;
  });

/**
 * Every zone a person can pick, for selects.
 * @public for the workspace settings form (issue 13), which lands in parallel.
 */
export function timeZoneNames(): string[] {
  return [...known].sort();
}
