import type { Metadata } from "next";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Confirm your email address", robots: { index: false } };

const one = (v: string | string[] | undefined, max: number) => (typeof v === "string" ? v.slice(0, max) : "");

/**
 * Opened from the sign-up mail. It changes nothing by itself (mail scanners
 * open links too): the button posts the token to /api/auth/confirm-sign-up,
 * which confirms the address (keeping the sign-up's password) and hands the
 * token to next-auth's email callback, which uses it once and signs in.
 */
export default async function ConfirmSignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const email = one(params.email, 254);
  const token = one(params.token, 200);
  const callbackUrl = safeCallbackUrl(one(params.callbackUrl, 2000), env().APP_URL);
  return (
    <Card>
      <h1 className="sr-only">Confirm your email address</h1>
      <CardTitle>Confirm your email address</CardTitle>
      <CardDescription>
        {email ? <>Confirm <strong className="text-zinc-900">{email}</strong> to finish creating your Pennant account.</> : "Finish creating your Pennant account."}
      </CardDescription>
      <form method="post" action="/api/auth/confirm-sign-up" className="mt-4">
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="email" value={email} />
        <Button type="submit" className="w-full">Confirm and sign in</Button>
      </form>
    </Card>
  );
}
