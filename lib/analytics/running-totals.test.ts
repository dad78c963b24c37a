import { describe, expect, it } from "vitest";
import { monthStart, nextMonth, sumParts, type SumPart } from "./running-totals";

const DAY = 86_400_000;
const START = Date.UTC(2025, 9, 17);

// Days with made-up figures; a point's total is the sum of every day before it,
// a month's the sum of its days. Any plan sumParts makes must add up to the
// days of the span, whatever the span, the first built day and the points.
describe("sumParts", () => {
  let seed = 7;
  const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
  const value = new Map<number, number>();
  for (let d = START; d < START + 500 * DAY; d += DAY) value.set(d, Math.floor(rand() * 1000));
  const sumDays = (a: number, b: number, from: number) => {
    let s = 0;
    for (let d = Math.max(a, from); d < b; d += DAY) s += value.get(d) ?? 0;
    return s;
  };
  const evaluate = (parts: SumPart[], from: number) =>
    parts.reduce((s, p) => {
      if ("point" in p) return s + p.sign * sumDays(START, p.point, from);
      if ("months" in p) return s + p.sign * sumDays(p.months[0], p.months[1], from);
      return s + p.sign * sumDays(p.days[0], p.days[1], from);
    }, 0);

  it("adds up to the span's days, for any span, first day and marked points", () => {
    for (let i = 0; i < 3000; i++) {
      const from = START + Math.floor(rand() * 60) * DAY;
      const through = from + Math.floor(1 + rand() * 420) * DAY;
      const points = new Set<number>();
      for (let m = nextMonth(from); m <= through; m = nextMonth(m)) if (rand() < 0.8) points.add(m);
      if (rand() < 0.7) points.add(through);
      if (rand() < 0.3) points.add(through - Math.floor(1 + rand() * 5) * DAY);
      const first = START + Math.floor(rand() * 480) * DAY;
      const end = Math.min(through, first + Math.floor(1 + rand() * 400) * DAY);
      if (end <= first) continue;
      const parts = sumParts(first, end, from, points);
      for (const p of parts) if ("point" in p) expect(points.has(p.point)).toBe(true);
      expect(evaluate(parts, from), JSON.stringify({ first, end, from, through })).toBe(sumDays(first, end, from));
    }
  });

  it("reads a 12-month span ending at the rollup's end as two points and a day, not twelve months and their days", () => {
    const from = Date.UTC(2025, 10, 1);
    const through = Date.UTC(2026, 10, 30);
    const points = new Set<number>([through]);
    for (let m = nextMonth(from); m <= through; m = nextMonth(m)) points.add(m);
    const parts = sumParts(Date.UTC(2025, 11, 1), through, from, points);
    expect(parts).toEqual([
      { sign: 1, point: through },
      { sign: -1, point: Date.UTC(2025, 11, 1) },
    ]);
    // 30 days ending there: the month's start and the end, and the day before the month.
    const month = sumParts(Date.UTC(2026, 9, 31), through, from, points);
    expect(month).toContainEqual({ sign: 1, point: through });
    expect(month.filter((p) => "days" in p)).toEqual([{ sign: 1, days: [Date.UTC(2026, 9, 31), Date.UTC(2026, 10, 1)] }]);
    expect(monthStart(Date.UTC(2026, 9, 31))).toBe(Date.UTC(2026, 9, 1));
  });

  it("reads a few days straight, and nothing before the first built day", () => {
    const from = Date.UTC(2026, 2, 26);
    const points = new Set([Date.UTC(2026, 3, 1)]);
    expect(sumParts(Date.UTC(2026, 2, 27), Date.UTC(2026, 2, 30), from, points)).toEqual([{ sign: 1, days: [Date.UTC(2026, 2, 27), Date.UTC(2026, 2, 30)] }]);
    expect(sumParts(Date.UTC(2026, 0, 1), from, from, points)).toEqual([]);
  });
});
