import { readJson, withWorkspace } from "@/lib/http/with-workspace";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { listCampaigns } from "@/lib/campaigns/list-campaigns";
import { createCampaignSchema } from "@/lib/campaigns/schemas";

export const GET = withWorkspace("campaigns.read", async ({ access }) => Response.json({ data: await listCampaigns(access) }));

export const POST = withWorkspace("campaigns.write", async ({ req, access }) => {
  const campaign = await createCampaign(access, await readJson(req, createCampaignSchema));
  return Response.json(campaign, { status: 201 });
});
