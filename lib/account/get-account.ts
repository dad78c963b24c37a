import "server-only";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/session";
import { signInMethods } from "@/lib/auth/options";

export interface AccountWorkspace {
  id: string;
  slug: string;
  name: string;
  /** What deleting the account does to it. */
  fate: "deleted" | "left" | "blocks";
}

/** The account page: profile, sign-in methods, and what deletion would do. */
export async function getAccount(user: SessionUser) {
  const row = await db().user.findUnique({
    where: { id: user.id },
    select: { email: true, name: true, image: true, passwordHash: true, accounts: { select: { provider: true } } },
  });
  if (!row) throw notFound("Account not found");
  const methods = signInMethods();
  return {
    email: row.email,
    name: row.name,
    image: row.image,
    hasPassword: Boolean(row.passwordHash),
    emailLinks: methods.email,
    connected: row.accounts.map((a) => a.provider).sort(),
    available: [...(methods.github ? ["github"] : []), ...(methods.google ? ["google"] : [])],
    workspaces: await workspacesOnDeletion(user.id),
  };
}

/**
 * Deleting an account: a workspace the user owns alone with nobody else in it
 * is deleted; one with another owner is left; one the user owns alone while
 * others are members blocks the deletion (hand it over or remove them first).
 */
export async function workspacesOnDeletion(userId: string): Promise<AccountWorkspace[]> {
  const memberships = await db().membership.findMany({
    where: { userId },
    select: { role: true, workspace: { select: { id: true, slug: true, name: true, memberships: { select: { userId: true, role: true } } } } },
    orderBy: { createdAt: "asc" },
  });
  return memberships.map(({ role, workspace }) => {
    const others = workspace.memberships.filter((m) => m.userId !== userId);
    const otherOwner = others.some((m) => m.role === "owner");
    const fate = role !== "owner" || otherOwner ? "left" : others.length ? "blocks" : "deleted";
    return { slug: workspace.slug, name: workspace.name, fate, id: workspace.id };
  });
}
