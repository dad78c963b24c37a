// What the analytics tests' generated clicks are made of: a seeded random
// source (the same clicks every run) and the values visits carry.

/** A repeatable random source: `rand` in [0, 1), `pick` one of a list. */
export function seededRandom(seed: number) {
  let s = seed;
  const rand = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  return { rand, pick };
}

export const COUNTRIES = ["DE", "US", "NP", "IN", null] as const;
export const DEVICES = [["mobile", "Safari", "iOS"], ["desktop", "Chrome", "Windows"], ["mobile", "Chrome", "Android"]] as const;
export const REFERRERS = [null, "l.facebook.com", "t.co", "www.xing.com", "news.example.com"] as const;
export const SOURCES = [null, null, "instagram", "newsletter", "LinkedIn"] as const;
/** Six days around Berlin's change to summer time (2026-03-29, a 23-hour day). */
export const START = Date.parse("2026-03-26T00:00:00Z");
export const SPAN = 6 * 86_400_000;
