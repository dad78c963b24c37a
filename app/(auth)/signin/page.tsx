import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Card } from "@/components/ui/card";
import { signInMethods } from "@/lib/auth/options";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { getSessionUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { resendConfirmationAction } from "./actions";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const { callbackUrl, error } = await searchParams;
  const target = safeCallbackUrl(callbackUrl, env().APP_URL);
  if (await getSessionUser()) redirect(target);
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold tracking-tight">Sign in</h1>
      <p className="mb-6 text-sm text-zinc-600">Welcome back. Your links are waiting.</p>
      <Card>
        <SignInForm callbackUrl={target} initialError={error} methods={signInMethods()} resendConfirmation={resendConfirmationAction} />
      </Card>
    </>
  );
}
