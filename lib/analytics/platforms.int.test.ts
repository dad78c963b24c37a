import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { platformOf, platformSql, PLATFORMS } from "./platforms";

// The rollup stores a click's platform as the click writer computes it
// (platformOf on SQLite, platformSql on PostgreSQL) and dashboards compute it
// over raw clicks with platformSql: on both databases, the two must agree.

const hosts = PLATFORMS.flatMap((p) => p.hosts).flatMap((h) => [h, `www.${h}`, `m.${h}`, `a.b.${h}`, h.toUpperCase(), `not${h}`, `${h}.evil.example`]);
const sources = [...PLATFORMS.flatMap((p) => p.sources).flatMap((s) => [s, ` ${s.toUpperCase()} `, `${s}x`]), "newsletter", null];
const cases: [string | null, string | null][] = [
  ...hosts.map((h): [string, null] => [h, null]),
  ...sources.map((s): [null, string | null] => [null, s]),
  ...hosts.slice(0, 12).flatMap((h) => sources.slice(0, 6).map((s): [string, string | null] => [h, s])),
  ["example.com", "facebook"],
  ["t.co", "linkedin"],
];

describe("platformSql", () => {
  it(`names the same platform as platformOf for ${cases.length} referrers and sources`, async () => {
    const pg = db().provider === "postgres";
    const [a, b] = pg ? ["CAST($1 AS TEXT)", "CAST($2 AS TEXT)"] : ["?", "?"];
    const got: (string | null)[] = [];
    for (const [host, source] of cases) {
      const rows = await db().$queryRawUnsafe<{ p: string | null }[]>(`SELECT ${platformSql("t.h", "t.s")} AS p FROM (SELECT ${a} AS h, ${b} AS s) t`, host, source);
      got.push(rows[0]!.p);
    }
    expect(cases.map(([h, s], i) => [h, s, got[i]])).toEqual(cases.map(([h, s]) => [h, s, platformOf(h, s)]));
  });
});
