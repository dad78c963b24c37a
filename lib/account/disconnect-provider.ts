import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { signInMethods } from "@/lib/auth/options";
import type { SessionUser } from "@/lib/auth/session";

const PROVIDER_NAMES: Record<string, string> = { github: "GitHub", google: "Google" };
export const disconnectProviderSchema = z.object({ provider: z.string().trim().min(1, "Choose a sign-in method.").max(40) });
export type DisconnectProviderInput = z.input<typeof disconnectProviderSchema>;

/**
 * Disconnects a connected sign-in method (GitHub, Google). Refused when it is
 * the last way in: no password, no other connected method, and no sign-in
 * links by email on this server.
 */
/** `emailLinks`: whether this server sends sign-in links (from its settings unless given). */
export async function disconnectProvider(user: SessionUser, input: DisconnectProviderInput, emailLinks = signInMethods().email): Promise<{ provider: string }> {
  const { provider } = disconnectProviderSchema.parse(input);
  return db().$transaction(async (tx) => {
    const row = await tx.user.findUnique({ where: { id: user.id }, select: { passwordHash: true, accounts: { select: { id: true, provider: true } } } });
    if (!row) throw notFound("Account not found");
    const mine = row.accounts.filter((a) => a.provider === provider);
    if (!mine.length) throw notFound(`${PROVIDER_NAMES[provider] ?? provider} is not connected to your account.`);
    const othersLeft = row.accounts.length - mine.length > 0 || Boolean(row.passwordHash) || emailLinks;
    if (!othersLeft) {
      throw new AppError("conflict", `${PROVIDER_NAMES[provider] ?? provider} is the only way you can sign in. Set a password first, then disconnect it.`);
    }
    await tx.account.deleteMany({ where: { userId: user.id, provider } });
    return { provider };
  });
}
