import type { Metadata } from "next";
import Link from "next/link";
import { MailWarning, Users } from "lucide-react";
import { Logo } from "@/components/logo";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { AcceptInvitation } from "@/components/settings/accept-invitation";
import { getSessionUser } from "@/lib/auth/session";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { getInvitation } from "@/lib/invitations/accept-invitation";
import { acceptInvitationAction } from "./actions";

export const metadata: Metadata = { title: "Invitation", robots: { index: false } };

const STATE_TEXT = {
  expired: "This invitation has expired. Ask whoever invited you for a new one.",
  revoked: "This invitation was revoked. Ask whoever invited you for a new one.",
  accepted: "This invitation has already been used.",
} as const;

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invitation, user] = await Promise.all([getInvitation(token), getSessionUser()]);
  const here = `/invite/${token}`;

  let body: React.ReactNode;
  if (!invitation) {
    body = <Problem text="This invitation link is not valid. Check that you copied all of it, or ask for a new one." />;
  } else if (invitation.state !== "open") {
    body = <Problem text={STATE_TEXT[invitation.state]} />;
  } else {
    const intro = (
      <>
        <Users aria-hidden className="mx-auto size-10 text-accent-600" />
        <h1 className="mt-3 text-xl font-semibold">Join {invitation.workspace.name}</h1>
        <p className="mt-2 text-sm text-zinc-600">
          {invitation.invitedBy ? `${invitation.invitedBy} invited` : "You are invited as"} <strong>{invitation.email}</strong> as{" "}
          {ROLE_LABELS[invitation.role].label.toLowerCase()}.
        </p>
        <p className="mt-1 text-sm text-zinc-500">{ROLE_LABELS[invitation.role].description}</p>
      </>
    );
    if (!user) {
      body = (
        <>
          {intro}
          <div className="mt-6 space-y-2">
            <Button asChild className="w-full">
              <Link href={`/signup?callbackUrl=${encodeURIComponent(here)}&email=${encodeURIComponent(invitation.email)}`}>Create an account to join</Link>
            </Button>
            <Button asChild variant="secondary" className="w-full">
              <Link href={`/signin?callbackUrl=${encodeURIComponent(here)}`}>I have an account: sign in</Link>
            </Button>
          </div>
        </>
      );
    } else if (user.email !== invitation.email) {
      body = (
        <>
          {intro}
          <p className="mt-6 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900" role="alert">
            You are signed in as {user.email}. Sign out and sign in as {invitation.email} to accept.
          </p>
        </>
      );
    } else {
      body = (
        <>
          {intro}
          <div className="mt-6">
            <AcceptInvitation token={token} workspace={invitation.workspace.name} action={acceptInvitationAction} />
          </div>
        </>
      );
    }
  }

  return (
    <div className="min-h-dvh bg-zinc-50 px-4 py-6">
      <Logo />
      <div className="mx-auto mt-10 max-w-md">
        <Card className="text-center">{body}</Card>
      </div>
    </div>
  );
}

function Problem({ text }: { text: string }) {
  return (
    <>
      <MailWarning aria-hidden className="mx-auto size-10 text-amber-600" />
      <h1 className="mt-3 text-xl font-semibold">Invitation unavailable</h1>
      <p className="mt-2 text-sm text-zinc-600">{text}</p>
      <p className="mt-6 text-sm">
        <Link href="/dashboard" className="font-medium text-accent-700 hover:underline">Go to your dashboard</Link>
      </p>
    </>
  );
}
