import type { LimitRule } from "@/lib/rate-limit/limiter";

/**
 * Password guesses on protected links. The per-visitor limit (one address, one
 * link) is what stops guessing; the per-link limit counts every address and is
 * set high, so it trips only under a distributed attack, never because one
 * visitor kept trying.
 */
export const PASSWORD_LIMITS = {
  perVisitor: { name: "link-pw-visitor", points: 10, duration: 15 * 60, message: "Too many password attempts. Wait 15 minutes and try again." },
  perLink: { name: "link-pw-link", points: 1000, duration: 60 * 60, message: "Too many password attempts on this link from many places. Try again later." },
} satisfies Record<string, LimitRule>;
