import type { LimitRule } from "@/lib/rate-limit/limiter";

/** Password guesses on protected links: per visitor and link, and per link overall. */
export const PASSWORD_LIMITS = {
  perVisitor: { name: "link-pw-visitor", points: 10, duration: 15 * 60, message: "Too many password attempts. Wait 15 minutes and try again." },
  perLink: { name: "link-pw-link", points: 100, duration: 15 * 60, message: "Too many password attempts on this link. Try again later." },
} satisfies Record<string, LimitRule>;
