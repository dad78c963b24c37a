import type { Metadata } from "next";
import { CheckEmail } from "@/components/auth/check-email";
import { signInMethods } from "@/lib/auth/options";

export const metadata: Metadata = { title: "Check your email" };

/** Where every sign-up lands, for a new and a known address alike (the mail says which it was). */
export default async function SignUpCheckEmailPage({ searchParams }: { searchParams: Promise<{ email?: string }> }) {
  const { email } = await searchParams;
  return (
    <CheckEmail outbox={signInMethods().outbox}>
      We sent a mail{email ? <> to <strong className="text-zinc-900">{email.slice(0, 254)}</strong></> : null}. Open the link in it to confirm your
      address and sign in. It works once, for 24 hours.
    </CheckEmail>
  );
}
