import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { limitSignInAttempt } from "@/lib/auth/limit-sign-in";

type Ctx = { params: Promise<{ nextauth: string[] }> };

// Adapter seam: next-auth 4's App Router handler is typed for Next 13's
// request and context; at run time it reads only what Next 16 still passes.
const handler = (req: Request, ctx: Ctx) => NextAuth(req as never, ctx as never, authOptions()) as Promise<Response>;

export const GET = handler;

export async function POST(req: Request, ctx: Ctx): Promise<Response> {
  const limited = await limitSignInAttempt(req);
  return limited ?? handler(req, ctx);
}
