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

/** Parsed fields -> columns; only what is present is set. */
export function toCampaignColumns(f: {
  name?: string;
  description?: string | null;
  startsAt?: Date | null;
  endsAt?: Date | null;
  utm?: Partial<Record<"source" | "medium" | "campaign" | "term" | "content", string | null>>;
}) {
  const data: Record<string, unknown> = {};
  if (f.name !== undefined) data.name = f.name;
  if (f.description !== undefined) data.description = f.description;
  if (f.startsAt !== undefined) data.startsAt = f.startsAt;
  if (f.endsAt !== undefined) data.endsAt = f.endsAt;
  if (f.utm) {
    const cols = { source: "utmSource", medium: "utmMedium", campaign: "utmCampaign", term: "utmTerm", content: "utmContent" } as const;
    for (const [k, col] of Object.entries(cols)) {
      const v = f.utm[k as keyof typeof cols];
      if (v !== undefined) data[col] = v;
    }
  }
  return data;
}

export function campaignNameTaken(name: string) {
  return { message: `A campaign named “${name}” already exists in this workspace.`, fields: { name: "This name is taken; pick another." } };
}
