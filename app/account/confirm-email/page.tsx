import type { Metadata } from "next";
import { Logo } from "@/components/logo";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { ConfirmEmail } from "@/components/account/confirm-email";
import { confirmEmailChangeAction } from "../actions";

export const metadata: Metadata = { title: "Confirm your new email address" };

/** Opened from the mail; changes nothing until the button is pressed (mail scanners open links too). */
export default async function ConfirmEmailPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-6 bg-zinc-50 px-4 py-10">
      <Logo href="/dashboard" />
      <Card className="w-full max-w-md">
        <h1 className="sr-only">Confirm your new email address</h1>
        <CardTitle>Use this email address for Pennant?</CardTitle>
        <CardDescription>Your account will sign in and get mail at the address this link was sent to.</CardDescription>
        <div className="mt-4">
          <ConfirmEmail token={typeof token === "string" ? token.slice(0, 200) : ""} action={confirmEmailChangeAction} />
        </div>
      </Card>
    </main>
  );
}
