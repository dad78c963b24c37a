import type { Prisma } from "@/generated/sqlite/client";
import type { Utm } from "@/lib/links/url";
import { toUtmColumns } from "@/lib/links/link-data";
import type { CampaignOutput } from "./schemas";

export interface CampaignRow {
  id: string;
  name: string;
  description: string | null;
  startsAt: Date | null;
  endsAt: Date | null;
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
  utmTerm: string | null;
  utmContent: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The one shape campaigns leave lib/ in (UI and API alike). */
export function presentCampaign(row: CampaignRow, stats: { linkCount: number; clicks: number }): CampaignOutput {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    startsAt: row.startsAt?.toISOString() ?? null,
    endsAt: row.endsAt?.toISOString() ?? null,
    utm: { source: row.utmSource, medium: row.utmMedium, campaign: row.utmCampaign, term: row.utmTerm, content: row.utmContent },
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
