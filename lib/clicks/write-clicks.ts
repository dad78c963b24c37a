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
    await db.$transaction(async (tx) => {
      await tx.click.createMany({
        data: batch.map(({ counted: _counted, ...row }) => row),
        // A batch retried after a lost answer must not count twice.
        ...(db.provider === "postgres" ? { skipDuplicates: true } : {}),
      } as never);
      for (const [id, { n, last }] of counters) {
        await tx.link.updateMany({ where: { id }, data: { clicks: { increment: n }, lastClickedAt: last } });
      }
      for (const r of rollups.values()) {
        await tx.clickRollup.upsert({
          where: { linkId_day: { linkId: r.linkId, day: r.day } },
          create: r,
          update: { clicks: { increment: r.clicks }, qrScans: { increment: r.qrScans }, bioClicks: { increment: r.bioClicks }, botClicks: { increment: r.botClicks } },
        });
      }
    });
  };
}
