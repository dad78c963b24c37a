import { param, readJson, withWorkspace } from "@/lib/http/with-workspace";
import { createChannelLinkSet } from "@/lib/campaigns/create-channel-link-set";
import { channelLinkSetSchema } from "@/lib/campaigns/schemas";

/** A channel link set: `{ url, channelIds }` -> one link per channel, all or none. */
export const POST = withWorkspace("campaigns.write", async ({ req, access, params }) => {
  const links = await createChannelLinkSet(access, param(params, "id"), await readJson(req, channelLinkSetSchema));
  return Response.json({ data: links }, { status: 201 });
});
