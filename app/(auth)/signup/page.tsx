import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { Card } from "@/components/ui/card";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { getSessionUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { signUpAction } from "./actions";

export const metadata: Metadata = { title: "Create your account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; email?: string }> }) {
  const { callbackUrl, email } = await searchParams;
  const target = safeCallbackUrl(callbackUrl, env().APP_URL);
  if (await getSessionUser()) redirect(target);
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold tracking-tight">Create your account</h1>
      <p className="mb-6 text-sm text-zinc-600">Free to start. Your own workspace is ready as soon as you confirm your email.</p>
      <Card>
        <SignUpForm callbackUrl={target} action={signUpAction} defaultEmail={email?.slice(0, 254)} />
      </Card>
    </>
  );
}
