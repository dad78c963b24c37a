import "server-only";
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";
import type { WorkspaceAccess } from "@/lib/auth/access";
import { campaignNameTaken, presentCampaign, toCampaignColumns } from "./present-campaign";
import { createCampaignSchema, type CreateCampaignInput } from "./schemas";

/** A new campaign; its name is unique in the workspace (409 otherwise). */
export async function createCampaign(access: WorkspaceAccess, input: CreateCampaignInput) {
  const fields = createCampaignSchema.parse(input);
  try {
    const row = await db().campaign.create({ data: { ...toCampaignColumns(fields), name: fields.name, workspaceId: access.workspace.id } });
    return presentCampaign(row, { linkCount: 0, clicks: 0 });
  } catch (err) {
    if (isUniqueViolation(err)) {
      const taken = campaignNameTaken(fields.name);
      throw new AppError("conflict", taken.message, { fields: taken.fields });
    }
    throw err;
  }
}
