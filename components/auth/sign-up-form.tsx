"use client";

import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import type { ActionResult } from "@/lib/actions/action-result";

interface Props {
  callbackUrl: string;
  action: (input: { email: string; password: string; name: string; callbackUrl?: string }) => Promise<ActionResult>;
  defaultEmail?: string;
}

export function SignUpForm({ callbackUrl, action, defaultEmail }: Props) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  const [fields, setFields] = useState<Record<string, string>>({});

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const input = { name: String(form.get("name") ?? ""), email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") };
    setPending(true);
    setError(undefined);
    setFields({});
    const result = await action({ ...input, callbackUrl });
    if (!result.ok) {
      setFields(result.error.fields ?? {});
      setError(result.error.fields ? undefined : result.error.message);
      setPending(false);
      return;
    }
    // The same page for a new and a known address: the mail tells them apart.
    router.push(`/signup/check-email?email=${encodeURIComponent(input.email.trim())}`);
  }

  return (
    <form method="post" onSubmit={(e) => void onSubmit(e)} className="space-y-4" noValidate>
      <FormAlert message={error} />
      <TextField id="name" label="Your name" autoComplete="name" hint="Shown to your teammates." error={fields.name} />
      <TextField id="email" type="email" label="Email" autoComplete="email" required defaultValue={defaultEmail} error={fields.email} />
      <TextField id="password" type="password" label="Password" autoComplete="new-password" required hint="At least 8 characters." error={fields.password} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Creating your account…" : "Create account"}
      </Button>
      <p className="text-center text-sm text-zinc-600">
        Already have an account?{" "}
        <Link className="font-medium text-accent-700 hover:underline" href={`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`}>
          Sign in
        </Link>
      </p>
    </form>
  );
}
