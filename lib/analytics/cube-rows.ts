import type { ClickRecord } from "../clicks/click-buffer";
import { platformOf } from "./platforms";

/**
 * The hourly rollup (`ClickCube`, see the schema): what a batch of clicks adds
 * to it, one row per link, UTC hour, visitor and combination of dimensions
 * within the batch. Pure and relative-imported: the click writer's thread runs it.
 */
export const CUBE_DIMENSIONS = [
  "visitorHash", "trigger", "bot", "country", "city", "device", "browser", "os", "referrerHost", "social", "utmSource", "utmMedium", "utmCampaign", "utmTerm", "utmContent",
] as const;
export const CUBE_COLUMNS = ["linkId", "hour", "workspaceId", ...CUBE_DIMENSIONS, "clicks"] as const;

export interface CubeRow {
  linkId: string;
  hour: Date;
  workspaceId: string;
  values: (string | boolean | null)[];
  clicks: number;
}

const HOUR = 3_600_000;

/** Clicks only: bio page views (no link) are read from the raw events. */
export function cubeRows(batch: ClickRecord[]): CubeRow[] {
  const rows = new Map<string, CubeRow>();
  for (const c of batch) {
    if (c.linkId === null || c.event !== "click") continue;
    const hour = new Date(Math.floor(c.createdAt.getTime() / HOUR) * HOUR);
    const values = [
      c.visitorHash, c.trigger, c.bot, c.country, c.city, c.device, c.browser, c.os, c.referrerHost, platformOf(c.referrerHost, c.utmSource),
      c.utmSource, c.utmMedium, c.utmCampaign, c.utmTerm, c.utmContent,
    ];
    // JSON keeps "a|b",null apart from "a","b|null".
    const id = `${c.linkId}\u0000${hour.getTime()}\u0000${JSON.stringify(values)}`;
    const row = rows.get(id);
    if (row) row.clicks++;
    else rows.set(id, { linkId: c.linkId, hour, workspaceId: c.workspaceId, values, clicks: 1 });
  }
  return [...rows.values()];
}
