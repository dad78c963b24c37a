import "server-only";
import type { WorkspaceAccess } from "@/lib/auth/access";
import { db } from "@/lib/db/client";

/**
 * Raw-click retention: a workspace may keep its raw clicks (exports,
 * drill-down) for N days only. The hourly rollup keeps every click, so
 * dashboard totals do not change when raw rows go; bio-page views (which have
 * no rollup) are kept. The cut-off is a whole UTC hour: before it the rollup
 * answers alone (see periodParts).
 */
const DAY = 86_400_000;
const HOUR = 3_600_000;

/** The first instant whose raw clicks are kept, for a retention of `days` (null: all are kept). */
export function rawClicksSince(days: number | null | undefined, now = Date.now()): number | null {
  return days ? Math.floor((now - days * DAY) / HOUR) * HOUR : null;
}

/** The workspace's setting, for the Settings page. */
export async function getClickRetention(access: Pick<WorkspaceAccess, "workspace">): Promise<number | null> {
  const ws = await db().workspace.findUnique({ where: { id: access.workspace.id }, select: { rawClickRetentionDays: true } });
  return ws?.rawClickRetentionDays ?? null;
}

/** Deletes every workspace's raw clicks older than its setting; answers how many went. */
export async function deleteExpiredClicks(now = Date.now()): Promise<number> {
  const workspaces = await db().workspace.findMany({ where: { rawClickRetentionDays: { not: null } }, select: { id: true, rawClickRetentionDays: true } });
  let deleted = 0;
  for (const ws of workspaces) {
    const before = new Date(rawClicksSince(ws.rawClickRetentionDays, now)!);
    // In slices, so the click writer is not shut out for long (SQLite has one writer).
    for (;;) {
      const old = await db().click.findMany({ where: { workspaceId: ws.id, event: "click", createdAt: { lt: before } }, select: { id: true }, take: 5000 });
      if (!old.length) break;
      deleted += (await db().click.deleteMany({ where: { id: { in: old.map((c) => c.id) } } })).count;
    }
  }
  return deleted;
}

let timer: NodeJS.Timeout | undefined;

/** Starts the daily deletion in this server process (once); the first run a minute after start. */
export function startClickRetention(): void {
  if (timer || process.env.PENNANT_CLICK_RETENTION === "0") return;
  const round = () => void deleteExpiredClicks().catch((err: unknown) => console.error("[pennant] raw-click retention failed:", err instanceof Error ? err.message : err));
  timer = setInterval(round, DAY);
  timer.unref();
  setTimeout(round, 60_000).unref();
}
