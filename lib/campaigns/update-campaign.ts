import "server-only";
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";
import type { WorkspaceAccess } from "@/lib/auth/access";
import { findCampaignRow } from "./get-campaign";
import { campaignNameTaken, presentCampaign, toCampaignColumns } from "./present-campaign";
import { updateCampaignSchema, type UpdateCampaignInput } from "./schemas";

/**
 * Changes any subset of a campaign. New UTM defaults apply to links created
 * from now on; existing links keep the values they were made with.
 */
export async function updateCampaign(access: WorkspaceAccess, id: string, input: UpdateCampaignInput) {
  const fields = updateCampaignSchema.parse(input);
  const workspaceId = access.workspace.id;
  try {
    return await db().$transaction(async (tx) => {
      const current = await findCampaignRow(tx, workspaceId, id);
      // Only one date may arrive; the pair must still be in order.
      const startsAt = fields.startsAt !== undefined ? fields.startsAt : current.startsAt;
      const endsAt = fields.endsAt !== undefined ? fields.endsAt : current.endsAt;
      if (startsAt && endsAt && endsAt <= startsAt) {
        throw new AppError("validation_failed", "endsAt: The end must come after the start.", { fields: { endsAt: "The end must come after the start." } });
      }
      const row = await tx.campaign.update({ where: { id: current.id }, data: toCampaignColumns(fields) });
      const stats = await tx.link.aggregate({ where: { workspaceId, campaignId: row.id }, _count: { _all: true }, _sum: { clicks: true } });
      return presentCampaign(row, { linkCount: stats._count._all, clicks: stats._sum.clicks ?? 0 });
    });
  } catch (err) {
    if (isUniqueViolation(err) && fields.name) {
      const taken = campaignNameTaken(fields.name);
      throw new AppError("conflict", taken.message, { fields: taken.fields });
    }
    throw err;
  }
}
