import type { Campaign, Prisma } from "@/generated/sqlite/client";
import type { Utm } from "@/lib/links/url";
import { toUtmColumns } from "@/lib/links/link-data";
import { utmOf } from "@/lib/links/link-fields";
import type { CampaignOutput } from "./schemas";

/** A campaign as Prisma reads it: every column (see CAMPAIGN_FIELDS in lib/links/link-fields.ts). */
export type CampaignRow = Campaign;

/** The one shape campaigns leave lib/ in (UI and API alike). */
export function presentCampaign(row: CampaignRow, stats: { linkCount: number; clicks: number }): CampaignOutput {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    startsAt: row.startsAt?.toISOString() ?? null,
    endsAt: row.endsAt?.toISOString() ?? null,
    utm: utmOf(row),
    linkCount: stats.linkCount,
    clicks: stats.clicks,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Parsed fields -> columns; only what is present is set (Prisma skips undefined). */
export function toCampaignColumns(f: { name?: string; description?: string | null; startsAt?: Date | null; endsAt?: Date | null; utm?: Utm }) {
  return { name: f.name, description: f.description, startsAt: f.startsAt, endsAt: f.endsAt, ...toUtmColumns(f.utm) } satisfies Prisma.CampaignUncheckedUpdateInput;
}

export function campaignNameTaken(name: string) {
  return { message: `A campaign named “${name}” already exists in this workspace.`, fields: { name: "This name is taken; pick another." } };
}
