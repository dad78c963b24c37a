import { param, readJson, withWorkspace } from "@/lib/http/with-workspace";
import { deleteChannel } from "@/lib/channels/delete-channel";
import { updateChannel } from "@/lib/channels/update-channel";
import { updateChannelSchema } from "@/lib/channels/schemas";

export const PATCH = withWorkspace("channels.manage", async ({ req, access, params }) =>
  Response.json(await updateChannel(access, param(params, "id"), await readJson(req, updateChannelSchema, { key: "A channel's key is fixed once it is created: make a new channel for a new key." }))),
);

export const DELETE = withWorkspace("channels.manage", async ({ access, params }) => {
  await deleteChannel(access, param(params, "id"));
  return new Response(null, { status: 204 });
});
