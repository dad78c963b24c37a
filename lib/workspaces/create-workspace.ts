import "server-only";
import { randomBytes } from "node:crypto";
import { db, type Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { createDefaultChannels } from "@/lib/channels/default-channels";
import { isUniqueViolation } from "@/lib/db/errors";
import { createWorkspaceSchema, slugify, type CreateWorkspaceInput } from "./schemas";

export function slugTaken(): AppError {
  return new AppError("conflict", "That workspace URL is taken; pick another.", { fields: { slug: "That workspace URL is taken." } });
}

async function freeSlug(tx: Tx, wanted: string): Promise<string> {
  let candidate = wanted;
  for (let i = 0; i < 5; i++) {
    const taken = await tx.workspace.findUnique({ where: { slug: candidate }, select: { id: true } });
    if (!taken) return candidate;
    candidate = `${wanted.slice(0, 40)}-${randomBytes(3).toString("hex")}`;
  }
  throw new AppError("conflict", "Could not find a free workspace URL; please choose one.");
}

/** Creates a workspace owned by `userId`. A chosen slug that is taken answers 409. */
export async function createWorkspace(userId: string, input: CreateWorkspaceInput) {
  const { name, slug } = createWorkspaceSchema.parse(input);
  try {
    return await db().$transaction(async (tx) => {
      if (slug && (await tx.workspace.findUnique({ where: { slug }, select: { id: true } }))) {
        throw slugTaken();
      }
      const workspace = await tx.workspace.create({
        data: { name, slug: slug ?? (await freeSlug(tx, slugify(name))) },
      });
      await tx.membership.create({ data: { workspaceId: workspace.id, userId, role: "owner" } });
      await createDefaultChannels(tx, workspace.id);
      return workspace;
    });
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw slugTaken();
    }
    throw err;
  }
}

/** The workspace every new user gets, created inside the caller's transaction. */
export async function createPersonalWorkspace(tx: Tx, user: { id: string; email: string; name: string | null }) {
  const who = user.name?.trim() || user.email.split("@")[0] || "My";
  const name = `${who}'s workspace`.slice(0, 60);
  const workspace = await tx.workspace.create({
    data: { name, slug: await freeSlug(tx, slugify(who)), personal: true },
  });
  await tx.membership.create({ data: { workspaceId: workspace.id, userId: user.id, role: "owner" } });
  await createDefaultChannels(tx, workspace.id);
  return workspace;
}
