import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Inbox } from "lucide-react";
import { Logo } from "@/components/logo";
import { EmptyState } from "@/components/ui/empty-state";
import { listOutbox } from "@/lib/mail/send-mail";

export const metadata: Metadata = { title: "Local outbox", robots: { index: false } };
export const dynamic = "force-dynamic";

/** Development only: the mail Pennant would have sent. Absent when SMTP is set or in production. */
export default async function OutboxPage() {
  const mails = await listOutbox();
  if (!mails) notFound();
  return (
    <div className="mx-auto max-w-3xl px-4 py-8">
      <Logo />
      <h1 className="mt-6 text-2xl font-semibold tracking-tight">Local outbox</h1>
      <p className="mt-1 text-sm text-zinc-600">No mail server is configured (SMTP_URL), so mail is kept here and in the server log. Newest first.</p>
      <div className="mt-6 space-y-3">
        {mails.length === 0 ? (
          <EmptyState icon={Inbox} title="No mail yet">Ask for a sign-in link or invite a teammate; the mail appears here.</EmptyState>
        ) : (
          mails.map((m) => (
            <article key={m.id} className="rounded-xl border border-zinc-200 p-4" data-testid="outbox-mail">
              <p className="text-xs text-zinc-500">
                To <span data-testid="outbox-to">{m.to}</span> · {m.createdAt.toISOString().replace("T", " ").slice(0, 19)} UTC
              </p>
              <h2 className="mt-1 font-medium">{m.subject}</h2>
              <p className="mt-2 whitespace-pre-wrap break-words text-sm text-zinc-700">{m.text}</p>
              {m.url && (
                <a href={m.url} className="mt-3 inline-block text-sm font-medium text-accent-700 hover:underline">
                  Open the link
                </a>
              )}
            </article>
          ))
        )}
      </div>
    </div>
  );
}
