"use client";

import { useState } from "react";
import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Mail, KeyRound } from "lucide-react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { useAction } from "@/components/ui/use-action";
import type { ActionResult } from "@/lib/actions/action-result";
import { authErrorMessage } from "./auth-errors";

interface Props {
  callbackUrl: string;
  initialError?: string;
  methods: { email: boolean; github: boolean; google: boolean };
  /** Sends the sign-up confirmation link again (offered when a password sign-in is refused for it). */
  resendConfirmation: (input: { email: string; callbackUrl?: string }) => Promise<ActionResult>;
}

export function SignInForm({ callbackUrl, initialError, methods, resendConfirmation }: Props) {
  const router = useRouter();
  const [mode, setMode] = useState<"password" | "email">("password");
  const [error, setError] = useState<string | undefined>(authErrorMessage(initialError));
  const [pending, setPending] = useState(false);
  const [unconfirmed, setUnconfirmed] = useState<string>();
  const resend = useAction(resendConfirmation, {
    onSuccess: () => router.push(`/signup/check-email?email=${encodeURIComponent(unconfirmed ?? "")}`),
  });

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    setPending(true);
    setError(undefined);
    setUnconfirmed(undefined);
    if (mode === "password") {
      const res = await signIn("credentials", { email, password: String(form.get("password") ?? ""), callbackUrl, redirect: false });
      if (res?.ok && !res.error) {
        router.push(callbackUrl);
        router.refresh();
        return;
      }
      setError(authErrorMessage(res?.error ?? "CredentialsSignin"));
      if (res?.error === "EmailNotConfirmed") setUnconfirmed(email);
    } else {
      const res = await signIn("email", { email, callbackUrl, redirect: false });
      if (res?.ok && !res.error) {
        router.push(`/signin/check-email?email=${encodeURIComponent(email)}`);
        return;
      }
      setError(authErrorMessage(res?.error ?? "EmailSignin"));
    }
    setPending(false);
  }

  return (
    <div className="space-y-5">
      {(methods.github || methods.google) && (
        <div className="space-y-2">
          {methods.google && (
            <Button variant="secondary" className="w-full" onClick={() => void signIn("google", { callbackUrl })}>
              Continue with Google
            </Button>
          )}
          {methods.github && (
            <Button variant="secondary" className="w-full" onClick={() => void signIn("github", { callbackUrl })}>
              Continue with GitHub
            </Button>
          )}
          <p className="pt-1 text-center text-xs uppercase tracking-wide text-zinc-500">or</p>
        </div>
      )}
      {methods.email && (
        <div role="tablist" aria-label="Sign-in method" className="grid grid-cols-2 rounded-lg bg-zinc-100 p-1 text-sm">
          {(["password", "email"] as const).map((m) => (
            <button
              key={m}
              role="tab"
              type="button"
              aria-selected={mode === m}
              onClick={() => {
                setMode(m);
                setError(undefined);
              }}
              className={`flex items-center justify-center gap-1.5 rounded-md py-1.5 font-medium ${mode === m ? "bg-white text-zinc-900 shadow-sm" : "text-zinc-600"}`}
            >
              {m === "password" ? <KeyRound aria-hidden className="size-4" /> : <Mail aria-hidden className="size-4" />}
              {m === "password" ? "Password" : "Email link"}
            </button>
          ))}
        </div>
      )}
      <form method="post" onSubmit={(e) => void onSubmit(e)} className="space-y-4" noValidate>
        <FormAlert message={error} />
        {unconfirmed && (
          <Button type="button" variant="secondary" className="w-full" disabled={resend.pending} onClick={() => resend.run({ email: unconfirmed, callbackUrl })}>
            {resend.pending ? "Sending…" : "Send the confirmation link again"}
          </Button>
        )}
        <TextField id="email" name="email" type="email" label="Email" autoComplete="email" required autoFocus />
        {mode === "password" ? (
          <TextField id="password" name="password" type="password" label="Password" autoComplete="current-password" required />
        ) : (
          <p className="text-sm text-zinc-600">We will email you a link that signs you in. No password needed.</p>
        )}
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? "Please wait…" : mode === "password" ? "Sign in" : "Email me a sign-in link"}
        </Button>
      </form>
      <p className="text-center text-sm text-zinc-600">
        New to Pennant?{" "}
        <Link className="font-medium text-accent-700 hover:underline" href={`/signup?callbackUrl=${encodeURIComponent(callbackUrl)}`}>
          Create an account
        </Link>
      </p>
    </div>
  );
}
