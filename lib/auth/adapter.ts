import "server-only";
import type { Adapter, AdapterAccount, AdapterUser } from "next-auth/adapters";
import { db } from "@/lib/db/client";
import { createPersonalWorkspace } from "@/lib/workspaces/create-workspace";

type UserRow = { id: string; email: string; name: string | null; image: string | null; emailVerified: Date | null };
const select = { id: true, email: true, name: true, image: true, emailVerified: true } as const;
const toAdapterUser = (u: UserRow): AdapterUser => ({ ...u });

/**
 * The storage next-auth needs for magic links and OAuth, on our own schema.
 * Sessions are JWTs in an http-only cookie, so no session table is used.
 */
export function pennantAdapter(): Adapter {
  return {
    // Accounts made here come from a magic link (the mailbox is proven) or an
    // OAuth provider (which vouches for the address): they are confirmed.
    // Only public password sign-up leaves an account unconfirmed.
    async createUser(data: Omit<AdapterUser, "id">) {
      return db().$transaction(async (tx) => {
        const user = await tx.user.create({
          data: { email: data.email.toLowerCase(), name: data.name ?? null, image: data.image ?? null, emailVerified: data.emailVerified ?? new Date() },
          select,
        });
        await createPersonalWorkspace(tx, user);
        return toAdapterUser(user);
      });
    },
    async getUser(id) {
      const u = await db().user.findUnique({ where: { id }, select });
      return u && toAdapterUser(u);
    },
    async getUserByEmail(email) {
      const u = await db().user.findUnique({ where: { email: email.toLowerCase() }, select });
      return u && toAdapterUser(u);
    },
    async getUserByAccount({ provider, providerAccountId }) {
      const a = await db().account.findUnique({
        where: { provider_providerAccountId: { provider, providerAccountId } },
        select: { user: { select } },
      });
      return a ? toAdapterUser(a.user) : null;
    },
    async updateUser({ id, ...data }) {
      // A magic link (or OAuth) proving the mailbox of an account nobody had
      // confirmed: the password set at that sign-up came from whoever typed the
      // address, perhaps not its owner, so it goes (the owner can set one in
      // Account). The sign-up's own link confirms before it gets here (confirmSignUp).
      if (data.emailVerified) await db().user.updateMany({ where: { id, emailVerified: null }, data: { passwordHash: null } });
      const u = await db().user.update({
        where: { id },
        data: {
          ...(data.name !== undefined ? { name: data.name } : {}),
          ...(data.image !== undefined ? { image: data.image } : {}),
          ...(data.emailVerified !== undefined ? { emailVerified: data.emailVerified } : {}),
        },
        select,
      });
      return toAdapterUser(u);
    },
    async linkAccount(account: AdapterAccount) {
      await db().account.create({
        data: {
          userId: account.userId,
          type: account.type,
          provider: account.provider,
          providerAccountId: account.providerAccountId,
          refresh_token: account.refresh_token ?? null,
          access_token: account.access_token ?? null,
          expires_at: account.expires_at ?? null,
          token_type: account.token_type ?? null,
          scope: account.scope ?? null,
          id_token: account.id_token ?? null,
          session_state: typeof account.session_state === "string" ? account.session_state : null,
        },
      });
    },
    async createVerificationToken(token) {
      await db().verificationToken.create({ data: token });
      return token;
    },
    async useVerificationToken({ identifier, token }) {
      try {
        return await db().verificationToken.delete({ where: { identifier_token: { identifier, token } } });
      } catch {
        return null; // already used or never issued
      }
    },
  };
}
