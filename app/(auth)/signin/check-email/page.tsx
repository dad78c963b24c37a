import type { Metadata } from "next";
import { CheckEmail } from "@/components/auth/check-email";
import { signInMethods } from "@/lib/auth/options";

export const metadata: Metadata = { title: "Check your email" };

export default async function CheckEmailPage({ searchParams }: { searchParams: Promise<{ email?: string }> }) {
  const { email } = await searchParams;
  return (
    <CheckEmail outbox={signInMethods().outbox}>
      We sent a sign-in link{email ? <> to <strong className="text-zinc-900">{email.slice(0, 254)}</strong></> : null}. It works once, for 15 minutes.
    </CheckEmail>
  );
}
