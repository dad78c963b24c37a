import { describe, expect, inject, it } from "vitest";
import { db } from "./client";
import { selectRows } from "./select-rows";

const sqlite = inject("databaseProvider") === "sqlite";
const at = (n: number) => (sqlite ? "?" : `$${n}`);

describe("dashboard reads (selectRows)", () => {
  it("answer what Prisma answers, with their parameters bound the way Prisma binds them", async () => {
    const sql = `SELECT ${at(1)} AS t, CAST(${at(2)} AS INTEGER) + 1 AS n, ${at(3)} AS z, CASE WHEN ${at(4)} THEN 'yes' ELSE 'no' END AS b`;
    const values = ["a'b \u00e9", 41, null, true];
    const [got] = await selectRows<{ t: string; n: unknown; z: unknown; b: string }>(sql, values);
    const [prisma] = await db().$queryRawUnsafe<{ t: string; n: unknown; z: unknown; b: string }[]>(sql, ...values);
    expect(got).toEqual({ t: "a'b \u00e9", n: expect.anything(), z: null, b: "yes" });
    expect(Number(got!.n)).toBe(42);
    expect({ ...got, n: Number(got!.n) }).toEqual({ ...prisma, n: Number(prisma!.n) });
  });

  it("refuse a bad statement with the database's message, and go on answering", async () => {
    await expect(selectRows(`SELECT nope FROM "NoSuchTable"`, [])).rejects.toThrow(/NoSuchTable/);
    const rows = await selectRows<{ n: unknown }>(`SELECT 7 AS n`, []);
    expect(rows.map((r) => Number(r.n))).toEqual([7]);
  });

  it("leave the main thread free while a long read runs (timers fire meanwhile)", async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const long = sqlite
      ? `WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 3000000) SELECT COUNT(*) AS n FROM c`
      : `SELECT COUNT(*) AS n FROM generate_series(1, 3000000)`;
    const [row] = await selectRows<{ n: unknown }>(long, []);
    clearInterval(timer);
    expect(Number(row!.n)).toBe(3_000_000);
    // On SQLite through Prisma (better-sqlite3 runs a query on the thread that asks) no timer fired before the answer.
    expect(ticks).toBeGreaterThan(0);
  });
});
