import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { connection } from "next/server";
import { db } from "@/lib/db/client";
import { authOptions } from "./options";
import { sessionIsCurrent, type SignInClaims } from "./session-time";

export interface SessionUser {
  id: string;
  email: string;
  name: string | null;
  image?: string | null;
}

/** The signed-in user (checked against the database), or null. Once per request. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  await connection(); // per-request: never prerendered at build time
  const session = await getServerSession(authOptions());
  const claims = session?.user as ({ id?: string } & SignInClaims) | undefined;
  if (!claims?.id) return null;
  const user = await db().user.findUnique({ where: { id: claims.id }, select: { id: true, email: true, name: true, image: true, sessionsValidFrom: true } });
  if (!user || !sessionIsCurrent(claims, user.sessionsValidFrom)) return null;
  return { id: user.id, email: user.email, name: user.name, image: user.image };
});
