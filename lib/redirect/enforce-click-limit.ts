import type { RedirectLink } from "./link-record";
import type { LinkStore } from "./link-store";

/**
 * `counted`: this visit took one of the link's clicks; `within`: the link
 * still has clicks left (a bot, a HEAD request or a preview crawler looked,
 * taking none); `spent`: the limit is reached; `unavailable`: the database
 * did not answer, so nobody learns the destination (503).
 */
export type LimitOutcome = "counted" | "within" | "spent" | "unavailable";

/**
 * A click limit is enforced in the database, one click at a time, so
 * concurrent visitors can never exceed it. Every client is held to it; only
 * humans spend it.
 */
export async function enforceClickLimit(store: LinkStore, link: RedirectLink & { maxClicks: number }, spend: boolean, now: number): Promise<LimitOutcome> {
  try {
    if (spend) return (await store.claimLimitedClick(link.id, link.maxClicks, new Date(now))) ? "counted" : "spent";
    return (await store.hasClicksLeft(link.id, link.maxClicks)) ? "within" : "spent";
  } catch {
    return "unavailable";
  }
}
