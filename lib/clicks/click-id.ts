import { randomUUID } from "node:crypto";

/**
 * A UUIDv7: the first 48 bits are the time in milliseconds, the rest random.
 * Ids that grow with time land at the end of the primary-key index instead of
 * at random places in it, which keeps writing a busy second's clicks cheap.
 */
export function clickId(now: number): string {
  const ts = now.toString(16).padStart(12, "0");
  return `${ts.slice(0, 8)}-${ts.slice(8, 12)}-7${randomUUID().slice(15)}`;
}
