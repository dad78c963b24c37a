import type { Db } from "@/lib/db/client";
import type { ClickRecord } from "./click-buffer";

function utcDay(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

/**
 * One batch, one transaction: the click rows, the links' counters (human
 * clicks only, unless already counted) and the daily rollups.
 */
export function clickWriter(db: Db) {
  const write = writeBatch(db);
  return async (batch: ClickRecord[]): Promise<void> => {
    try {
      await write(batch);
    } catch (err) {
      // A workspace deleted since its clicks were buffered: drop those clicks, keep the rest.
      if ((err as { code?: string }).code !== "P2003") throw err;
      const alive = new Set(
        (await db.workspace.findMany({ where: { id: { in: [...new Set(batch.map((c) => c.workspaceId))] } }, select: { id: true } })).map((w) => w.id),
      );
      const kept = batch.filter((c) => alive.has(c.workspaceId));
      if (kept.length < batch.length) console.warn(`[pennant] dropped ${batch.length - kept.length} clicks of deleted workspaces`);
      if (kept.length) await write(kept);
    }
  };
}

function writeBatch(db: Db) {
  return async (batch: ClickRecord[]): Promise<void> => {
    const counters = new Map<string, { n: number; last: Date }>();
    const rollups = new Map<string, { linkId: string; workspaceId: string; day: Date; clicks: number; qrScans: number; bioClicks: number; botClicks: number }>();
    for (const c of batch) {
      if (!c.bot && !c.counted) {
        const k = counters.get(c.linkId) ?? { n: 0, last: c.createdAt };
        k.n++;
        if (c.createdAt > k.last) k.last = c.createdAt;
        counters.set(c.linkId, k);
      }
      const day = utcDay(c.createdAt);
      const key = `${c.linkId}|${day.toISOString()}`;
      const r = rollups.get(key) ?? { linkId: c.linkId, workspaceId: c.workspaceId, day, clicks: 0, qrScans: 0, bioClicks: 0, botClicks: 0 };
      if (c.bot) r.botClicks++;
      else {
        r.clicks++;
        if (c.trigger === "qr") r.qrScans++;
        if (c.trigger === "bio") r.bioClicks++;
      }
      rollups.set(key, r);
    }
    // Three statements per batch whatever its size: one row insert, one bulk
    // counter update, one bulk rollup upsert. (One query per link took seconds
    // per 1,000 clicks: longer than the interactive transaction's 5 s limit on
    // PostgreSQL under load, and blocking the event loop on SQLite.)
    const now = new Date();
    await db.$transaction(async (tx) => {
      // Raw multi-row inserts: Prisma's createMany spends ~0.5 s of CPU per 1,000
      // rows on this thread, which every redirect would wait behind.
      for (const part of chunks(batch, 400)) {
        const q = sql(db.provider);
        const values = part
          .map(
            (c) =>
              `(${q.text(c.id)}, ${q.time(c.createdAt)}, ${q.text(c.workspaceId)}, ${q.text(c.linkId)}, ${q.text(c.domain)}, ${q.text(c.trigger)}, ` +
              `${q.text(c.referrerHost)}, ${q.text(c.referrer)}, ${q.text(c.utmSource)}, ${q.text(c.utmMedium)}, ${q.text(c.utmCampaign)}, ${q.text(c.utmTerm)}, ` +
              `${q.text(c.utmContent)}, ${q.text(c.country)}, ${q.text(c.city)}, ${q.text(c.device)}, ${q.text(c.browser)}, ${q.text(c.os)}, ${q.text(c.visitorHash)}, ${q.bool(c.bot)})`,
          )
          .join(", ");
        await tx.$executeRawUnsafe(
          `INSERT INTO "Click" ("id", "createdAt", "workspaceId", "linkId", "domain", "trigger", "referrerHost", "referrer", "utmSource", "utmMedium", ` +
            `"utmCampaign", "utmTerm", "utmContent", "country", "city", "device", "browser", "os", "visitorHash", "bot") VALUES ${values} ` +
            // A batch retried after a lost answer must not count twice.
            `ON CONFLICT ("id") DO NOTHING`,
          ...q.params,
        );
      }
      for (const part of chunks([...counters], 500)) {
        const q = sql(db.provider);
        const updatedAt = q.time(now); // first: SQLite's ? placeholders bind in order
        const values = part.map(([id, { n, last }]) => `(${q.text(id)}, ${q.int(n)}, ${q.time(last)})`).join(", ");
        await tx.$executeRawUnsafe(
          `UPDATE "Link" SET "clicks" = "Link"."clicks" + CAST(v.n AS INTEGER), "lastClickedAt" = v.last, "updatedAt" = ${updatedAt} ` +
            `FROM (${q.valuesAs(values, ["id", "n", "last"])}) AS v WHERE "Link"."id" = v.id`,
          ...q.params,
        );
      }
      for (const part of chunks([...rollups.values()], 500)) {
        const q = sql(db.provider);
        const values = part
          .map((r) => `(${q.text(r.linkId)}, ${q.time(r.day)}, ${q.text(r.workspaceId)}, ${q.int(r.clicks)}, ${q.int(r.qrScans)}, ${q.int(r.bioClicks)}, ${q.int(r.botClicks)})`)
          .join(", ");
        await tx.$executeRawUnsafe(
          `INSERT INTO "ClickRollup" ("linkId", "day", "workspaceId", "clicks", "qrScans", "bioClicks", "botClicks") VALUES ${values} ` +
            `ON CONFLICT ("linkId", "day") DO UPDATE SET "clicks" = "ClickRollup"."clicks" + excluded."clicks", "qrScans" = "ClickRollup"."qrScans" + excluded."qrScans", ` +
            `"bioClicks" = "ClickRollup"."bioClicks" + excluded."bioClicks", "botClicks" = "ClickRollup"."botClicks" + excluded."botClicks"`,
          ...q.params,
        );
      }
    });
  };
}

function chunks<T>(xs: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

/** Placeholders for one raw statement, typed for PostgreSQL ($n::type) or SQLite (?). */
function sql(provider: Db["provider"]) {
  const params: unknown[] = [];
  const pg = provider === "postgres";
  const add = (value: unknown, pgType: string) => {
    params.push(value);
    return pg ? `$${params.length}::${pgType}` : "?";
  };
  return {
    params,
    text: (v: string | null) => add(v, "text"),
    bool: (v: boolean) => add(pg ? v : v ? 1 : 0, "boolean"),
    int: (v: number) => add(v, "integer"),
    time: (v: Date) => add(v, "timestamp(3)"),
    /** A VALUES list as a derived table with named columns (SQLite names them column1, column2...). */
    valuesAs: (values: string, names: string[]) =>
      pg ? `SELECT * FROM (VALUES ${values}) AS t(${names.map((n) => `"${n}"`).join(", ")})` : `SELECT ${names.map((n, i) => `column${i + 1} AS "${n}"`).join(", ")} FROM (VALUES ${values})`,
  };
}
