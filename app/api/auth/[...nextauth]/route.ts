import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { limitSignInAttempt } from "@/lib/auth/limit-sign-in";

type Ctx = { params: Promise<{ nextauth: string[] }> };

const handler = (req: Request, ctx: Ctx) => NextAuth(req as never, ctx as never, authOptions()) as Promise<Response>;

export const GET = handler;

export async function POST(req: Request, ctx: Ctx): Promise<Response> {
  const limited = await limitSignInAttempt(req);
  return limited ?? handler(req, ctx);
}
