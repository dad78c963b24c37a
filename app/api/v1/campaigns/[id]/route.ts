import { param, readJson, withWorkspace } from "@/lib/http/with-workspace";
import { deleteCampaign } from "@/lib/campaigns/delete-campaign";
import { getCampaign } from "@/lib/campaigns/get-campaign";
import { updateCampaign } from "@/lib/campaigns/update-campaign";
import { updateCampaignSchema } from "@/lib/campaigns/schemas";

export const GET = withWorkspace("campaigns.read", async ({ access, params }) => Response.json(await getCampaign(access, param(params, "id"))));

export const PATCH = withWorkspace("campaigns.write", async ({ req, access, params }) =>
  Response.json(await updateCampaign(access, param(params, "id"), await readJson(req, updateCampaignSchema))),
);

export const DELETE = withWorkspace("campaigns.write", async ({ access, params }) => {
  await deleteCampaign(access, param(params, "id"));
  return new Response(null, { status: 204 });
});
