import "server-only";
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";
import type { WorkspaceAccess } from "@/lib/auth/access";
import { createChannelSchema, presentChannel, type CreateChannelInput } from "./schemas";

export function channelKeyOf(name: string): string {
  const key = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return key || "channel";
}

/** A new channel at the end of the list; its key is unique in the workspace (409 otherwise). */
export async function createChannel(access: WorkspaceAccess, input: CreateChannelInput) {
  const fields = createChannelSchema.parse(input);
  const workspaceId = access.workspace.id;
  const key = fields.key ?? channelKeyOf(fields.name);
  const last = await db().channel.aggregate({ where: { workspaceId }, _max: { position: true } });
  try {
    const row = await db().channel.create({
      data: { workspaceId, key, name: fields.name, kind: fields.kind, utmSource: fields.utmSource, utmMedium: fields.utmMedium, position: fields.position ?? (last._max.position ?? -1) + 1 },
    });
    return presentChannel(row);
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError("conflict", `A channel with the key “${key}” already exists.`, { fields: { name: "A channel with this name (or key) already exists." } });
    throw err;
  }
}
