import type { Metadata } from "next";
import Link from "next/link";
import { ArrowLeft } from "lucide-react";
import { Logo } from "@/components/logo";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { AvatarUpload } from "@/components/account/avatar-upload";
import { DisconnectMethod } from "@/components/account/disconnect-method";
import { DeleteAccount, EmailForm, PasswordForm, ProfileForm, SignOutEverywhere } from "@/components/account/account-forms";
import { requireUser } from "@/lib/auth/guards";
import { getAccount } from "@/lib/account/get-account";
import * as actions from "./actions";

export const metadata: Metadata = { title: "Your account" };

const PROVIDER_NAMES: Record<string, string> = { github: "GitHub", google: "Google" };

export default async function AccountPage() {
  const user = await requireUser("/account");
  const account = await getAccount(user);
  return (
    <div className="min-h-dvh bg-zinc-50">
      <header className="border-b border-zinc-200 bg-white">
        <div className="mx-auto flex max-w-3xl items-center gap-4 px-4 py-3 sm:px-6">
          <Logo href="/dashboard" />
          <Link href="/dashboard" className="ml-auto inline-flex items-center gap-1 text-sm text-zinc-700 underline-offset-4 hover:underline">
            <ArrowLeft aria-hidden className="size-4" /> Back to your workspace
          </Link>
        </div>
      </header>
      <main className="mx-auto max-w-3xl space-y-6 px-4 py-6 sm:px-6 sm:py-8">
        <h1 className="text-2xl font-semibold tracking-tight">Your account</h1>

        <Card>
          <CardTitle>Profile</CardTitle>
          <CardDescription>Your name and picture, as your teammates see them.</CardDescription>
          <div className="mt-4">
            <AvatarUpload action={actions.uploadAvatarAction} />
          </div>
          <div className="mt-4">
            <ProfileForm name={account.name} image={account.image} email={account.email} action={actions.updateProfileAction} />
          </div>
        </Card>

        <Card>
          <CardTitle>Email address</CardTitle>
          <CardDescription>
            You sign in and get mail at <strong className="text-zinc-900">{account.email}</strong>. A new address takes effect when you open the link we send to it.
          </CardDescription>
          <div className="mt-4">
            <EmailForm action={actions.requestEmailChangeAction} />
          </div>
        </Card>

        <Card>
          <CardTitle>{account.hasPassword ? "Password" : "Set a password"}</CardTitle>
          <CardDescription>
            {account.hasPassword ? "Change the password you sign in with." : "You sign in without a password today. Set one to sign in with your email and password too."}
          </CardDescription>
          <div className="mt-4">
            <PasswordForm hasPassword={account.hasPassword} action={actions.changePasswordAction} />
          </div>
        </Card>

        <Card>
          <CardTitle>Sign-in methods</CardTitle>
          <ul className="mt-3 divide-y divide-zinc-100 text-sm" aria-label="Sign-in methods">
            <li className="flex justify-between gap-3 py-2">
              <span>Email and password</span>
              <span className={account.hasPassword ? "text-emerald-700" : "text-zinc-600"}>{account.hasPassword ? "Set up" : "No password yet"}</span>
            </li>
            {account.emailLinks && (
              <li className="flex justify-between gap-3 py-2">
                <span>Sign-in link by email</span>
                <span className="text-emerald-700">Available</span>
              </li>
            )}
            {[...new Set([...account.connected, ...account.available])].map((p) => (
              <li key={p} className="flex items-center justify-between gap-3 py-2">
                <span>{PROVIDER_NAMES[p] ?? p}</span>
                {account.connected.includes(p) ? (
                  <DisconnectMethod provider={p} label={PROVIDER_NAMES[p] ?? p} action={actions.disconnectProviderAction} />
                ) : (
                  <span className="text-zinc-600">Not connected: sign in with it once to connect</span>
                )}
              </li>
            ))}
          </ul>
        </Card>

        <Card>
          <CardTitle>Sessions</CardTitle>
          <CardDescription>Signed in on a shared or lost device? End every session, this one included. API keys keep working.</CardDescription>
          <div className="mt-4">
            <SignOutEverywhere action={actions.signOutEverywhereAction} />
          </div>
        </Card>

        <Card className="border-red-200">
          <CardTitle>Delete your account</CardTitle>
          <CardDescription>What happens to your workspaces:</CardDescription>
          <ul className="mt-3 space-y-1 text-sm" aria-label="Your workspaces when the account is deleted">
            {account.workspaces.map((w) => (
              <li key={w.slug}>
                <strong className="font-medium">{w.name}</strong>
                {": "}
                {w.fate === "deleted" && "deleted, with its links, QR codes, pages and clicks (you are its only member)."}
                {w.fate === "left" && "you leave it; it stays with its other members."}
                {w.fate === "blocks" && (
                  <span className="text-red-700">
                    you are its only owner and it has other members. <Link className="underline" href={`/w/${w.slug}/settings/members`}>Make someone else an owner</Link> or remove them first.
                  </span>
                )}
              </li>
            ))}
          </ul>
          <div className="mt-4">
            <DeleteAccount email={account.email} blocked={account.workspaces.some((w) => w.fate === "blocks")} action={actions.deleteAccountAction} />
          </div>
        </Card>
      </main>
    </div>
  );
}
