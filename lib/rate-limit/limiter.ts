import "server-only";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { redis } from "@/lib/redis";

export interface LimitRule {
  /** Name of the limit, part of the storage key. */
  name: string;
  points: number;
  /** Window in seconds. */
  duration: number;
  message: string;
}

/** The limits that guard what can be brute-forced. */
export const LIMITS = {
  // Password sign-in: the tight limit is per address and email, so a stranger
  // guessing cannot lock the account's owner out; the per-email limit is soft
  // (it trips only when many addresses guess at one account).
  signInPerIpAndEmail: { name: "signin-ip-email", points: 10, duration: 15 * 60, message: "Too many sign-in attempts for this email. Wait 15 minutes and try again." },
  signInPerEmail: { name: "signin-email", points: 100, duration: 60 * 60, message: "Too many sign-in attempts for this email from many places. Try again later, or sign in with an email link." },
  // Per-address limits are settings: a whole office (or a test suite) shares one address.
  get signInPerIp(): LimitRule {
    return { name: "signin-ip", points: env().SIGNIN_LIMIT_PER_IP, duration: 15 * 60, message: "Too many sign-in attempts from your network. Wait a few minutes and try again." };
  },
  magicLinkPerEmail: { name: "magic-email", points: 5, duration: 15 * 60, message: "Too many sign-in links requested for this email. Wait a few minutes and try again." },
  // "You already have an account" mails, sent when someone signs up with a known email.
  accountExistsMailPerEmail: { name: "signup-known-email", points: 3, duration: 15 * 60, message: "Too many sign-ups with this email." },
  // Sign-up confirmation links: per email (sign-up and "send it again"), and "send it again" per address.
  confirmationMailPerEmail: { name: "signup-confirm-email", points: 5, duration: 15 * 60, message: "Too many confirmation links for this email." },
  confirmationResendPerIp: { name: "signup-resend-ip", points: 10, duration: 15 * 60, message: "Too many confirmation links asked for from your network. Wait 15 minutes and try again." },
  get signUpPerIp(): LimitRule {
    return { name: "signup-ip", points: env().SIGNUP_LIMIT_PER_HOUR, duration: 60 * 60, message: "Too many accounts created from your network. Try again later." };
  },
  invitationsPerWorkspace: { name: "invite-ws", points: 100, duration: 60 * 60, message: "Too many invitations sent from this workspace. Try again in an hour." },
} satisfies Record<string, LimitRule>;

/** Requests per minute for each API key (API_RATE_LIMIT_PER_MINUTE, default 600). */
export function apiKeyLimit(): LimitRule {
  return {
    name: "api-key",
    points: env().API_RATE_LIMIT_PER_MINUTE,
    duration: 60,
    message: "Too many requests with this API key. Wait until the limit resets (see Retry-After) and try again.",
  };
}

const limiters = new Map<string, RateLimiterAbstract>();

function limiterFor(rule: LimitRule): RateLimiterAbstract {
  let limiter = limiters.get(rule.name);
  if (!limiter) {
    const client = redis();
    const opts = { keyPrefix: `pennant:rl:${rule.name}`, points: rule.points, duration: rule.duration };
    limiter = client
      ? new RateLimiterRedis({ ...opts, storeClient: client, insuranceLimiter: new RateLimiterMemory(opts) })
      : new RateLimiterMemory(opts);
    limiters.set(rule.name, limiter);
  }
  return limiter;
}

/** Counts one attempt for `key`; throws a 429 AppError once the limit is spent. */
export async function consume(rule: LimitRule, key: string): Promise<void> {
  try {
    await limiterFor(rule).consume(key.toLowerCase());
  } catch (res) {
    if (res instanceof RateLimiterRes) {
      throw new AppError("rate_limited", rule.message, undefined, Math.ceil(res.msBeforeNext / 1000));
    }
    throw res;
  }
}

export interface Budget {
  limit: number;
  remaining: number;
  /** When the window resets, in Unix seconds. */
  reset: number;
}

/**
 * Counts one request for `key` and returns what is left, for the
 * X-RateLimit-* headers. Once the limit is spent, throws a 429 AppError whose
 * details are the same Budget (remaining 0).
 */
export async function consumeWithBudget(rule: LimitRule, key: string): Promise<Budget> {
  const budget = (res: RateLimiterRes): Budget => ({
    limit: rule.points,
    remaining: Math.max(0, res.remainingPoints),
    reset: Math.ceil((Date.now() + res.msBeforeNext) / 1000),
  });
  try {
    return budget(await limiterFor(rule).consume(key.toLowerCase()));
  } catch (res) {
    if (res instanceof RateLimiterRes) {
      throw new AppError("rate_limited", rule.message, budget(res), Math.max(1, Math.ceil(res.msBeforeNext / 1000)));
    }
    throw res;
  }
}

/** Forgets the attempts for `key` (after a successful sign-in, say). */
export async function reset(rule: LimitRule, key: string): Promise<void> {
  await limiterFor(rule).delete(key.toLowerCase());
}
