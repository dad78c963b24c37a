import Link from "next/link";
import { MailCheck } from "lucide-react";
import { Card } from "@/components/ui/card";

/** "Check your email", after asking for a sign-in link or signing up; in development it points at the local outbox. */
export function CheckEmail({ outbox, children }: { outbox: boolean; children: React.ReactNode }) {
  return (
    <Card className="text-center">
      <MailCheck aria-hidden className="mx-auto size-10 text-accent-600" />
      <h1 className="mt-3 text-xl font-semibold">Check your email</h1>
      <p className="mt-2 text-sm text-zinc-600">{children}</p>
      {outbox && (
        <p className="mt-4 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
          No mail server is configured, so mail goes to the <Link className="font-medium underline" href="/dev/outbox">local outbox</Link>.
        </p>
      )}
      <p className="mt-6 text-sm">
        <Link href="/signin" className="font-medium text-accent-700 hover:underline">Back to sign in</Link>
      </p>
    </Card>
  );
}
