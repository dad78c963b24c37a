import { readJson, withWorkspace } from "@/lib/http/with-workspace";
import { createChannel } from "@/lib/channels/create-channel";
import { listChannels } from "@/lib/channels/list-channels";
import { createChannelSchema } from "@/lib/channels/schemas";

export const GET = withWorkspace("campaigns.read", async ({ access }) => Response.json({ data: await listChannels(access) }));

export const POST = withWorkspace("channels.manage", async ({ req, access }) => {
  const channel = await createChannel(access, await readJson(req, createChannelSchema));
  return Response.json(channel, { status: 201 });
});
