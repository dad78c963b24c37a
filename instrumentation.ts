// Next calls register() once when a server starts (not at build time).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Branded domains' DNS is checked again periodically (lib/domains/verify-domain.ts).
  const { startDomainRechecks } = await import("./lib/domains/verify-domain");
  startDomainRechecks();
  // Raw clicks older than a workspace's retention are deleted daily (lib/analytics/retention.ts).
  const { startClickRetention } = await import("./lib/analytics/retention");
  startClickRetention();
  // Closed UTC days are rolled up for the dashboards (lib/analytics/day-rollup.ts).
  const { startDayRollups } = await import("./lib/analytics/day-rollup");
  startDayRollups();
  // The busiest workspaces' day packs and link maps are read into memory, so the first views are quick (lib/analytics/warm-cache.ts).
  const { startCacheWarm } = await import("./lib/analytics/warm-cache");
  startCacheWarm();
}
