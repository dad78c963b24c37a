"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TextField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { useAction } from "@/components/ui/use-action";
import type { ActionResult } from "@/lib/actions/action-result";
import { Avatar } from "./avatar";
import { signOut } from "./sign-out";

type Action<I, T = void> = (input: I) => Promise<ActionResult<T>>;
const value = (f: FormData, k: string) => String(f.get(k) ?? "");

export function ProfileForm({ name, image, email, action }: { name: string | null; image: string | null; email: string; action: Action<{ name: string; image?: string }> }) {
  const router = useRouter();
  // An uploaded picture has no address: the field starts empty and, untouched, leaves the picture alone.
  const uploaded = image?.startsWith("data:") ?? false;
  const [preview, setPreview] = useState(uploaded ? "" : (image ?? ""));
  const [touched, setTouched] = useState(false);
  const { run, pending, fields } = useAction(action, { success: "Profile saved", onSuccess: () => router.refresh() });
  return (
    <form method="post"
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (pending) return;
        const f = new FormData(e.currentTarget);
        run({ name: value(f, "name"), ...(touched || !uploaded ? { image: value(f, "image") } : {}) });
      }}
    >
      <div className="flex items-center gap-4">
        <Avatar name={name} email={email} image={/^https:\/\//.test(preview) ? preview : uploaded && !touched ? image : null} className="size-14 text-xl" />
        <div className="min-w-0 flex-1">
          <TextField id="name" label="Name" defaultValue={name ?? ""} autoComplete="name" error={fields.name} />
        </div>
      </div>
      <TextField
        id="image"
        label="Picture address"
        type="url"
        inputMode="url"
        placeholder="https://…"
        defaultValue={uploaded ? "" : (image ?? "")}
        onChange={(e) => {
          setTouched(true);
          setPreview(e.target.value.trim());
        }}
        hint={uploaded ? "You uploaded your picture. Or give a square picture on the web (https)." : "A square picture on the web (https), or upload one above. Leave empty for your initial."}
        error={fields.image}
      />
      <Button type="submit" aria-disabled={pending}>
        {pending ? "Saving…" : "Save profile"}
      </Button>
    </form>
  );
}

export function EmailForm({ action }: { action: Action<{ email: string }, { email: string }> }) {
  const [sent, setSent] = useState<string>();
  const { run, pending, fields } = useAction(action, { onSuccess: (d) => setSent(d.email) });
  return (
    <form method="post"
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (pending) return;
        run({ email: value(new FormData(e.currentTarget), "email") });
      }}
    >
      <TextField id="email" label="New email address" type="email" autoComplete="email" error={fields.email} required />
      <div aria-live="polite">{sent && <FormAlert tone="success" message={`We sent a link to ${sent}. Open it to confirm; until then you keep your current address.`} />}</div>
      <Button type="submit" variant="secondary" aria-disabled={pending}>
        {pending ? "Sending…" : "Send confirmation link"}
      </Button>
    </form>
  );
}

export function PasswordForm({ hasPassword, action }: { hasPassword: boolean; action: Action<{ current?: string; password: string }, { set: boolean }> }) {
  const router = useRouter();
  const [key, setKey] = useState(0);
  const { run, pending, fields } = useAction(action, {
    success: (d) => (d.set ? "Password set" : "Password changed"),
    onSuccess: () => {
      setKey((k) => k + 1);
      router.refresh();
    },
  });
  return (
    <form method="post"
      key={key}
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (pending) return;
        const f = new FormData(e.currentTarget);
        run({ ...(hasPassword ? { current: value(f, "current") } : {}), password: value(f, "password") });
      }}
    >
      {hasPassword && <TextField id="current" label="Current password" type="password" autoComplete="current-password" error={fields.current} required />}
      <TextField id="password" label={hasPassword ? "New password" : "Password"} type="password" autoComplete="new-password" hint="At least 8 characters." error={fields.password} required />
      <Button type="submit" variant="secondary" aria-disabled={pending}>
        {pending ? "Saving…" : hasPassword ? "Change password" : "Set password"}
      </Button>
    </form>
  );
}

export function SignOutEverywhere({ action }: { action: Action<void> }) {
  const { run, pending } = useAction(action, { onSuccess: () => void signOut("/signin") });
  return (
    <ConfirmDialog
      trigger={<Button variant="secondary">Sign out of all sessions</Button>}
      title="Sign out everywhere?"
      description="Every browser signed in to your account is signed out, this one too. You can sign in again at once."
      confirmLabel="Sign out everywhere"
      pending={pending}
      onConfirm={() => run(undefined)}
    />
  );
}

export function DeleteAccount({ email, blocked, action }: { email: string; blocked: boolean; action: Action<{ confirm: string }> }) {
  const [confirm, setConfirm] = useState("");
  const { run, pending, fields, error } = useAction(action, { onSuccess: () => void signOut("/") });
  if (blocked) return <p className="text-sm text-zinc-700">Your account can be deleted once no workspace above is waiting for a new owner.</p>;
  return (
    <>
      <FormAlert message={error && !fields.confirm ? error : undefined} />
      <ConfirmDialog
        trigger={<Button variant="danger">Delete my account</Button>}
        title="Delete your account?"
        description={
          <>
            This cannot be undone. Type <strong className="font-mono text-zinc-900">{email}</strong> to confirm.
          </>
        }
        confirmLabel="Delete my account"
        pending={pending}
        confirmDisabled={confirm.trim().toLowerCase() !== email.toLowerCase()}
        onConfirm={() => run({ confirm })}
      >
        <TextField id="confirm" label="Your email address" value={confirm} onChange={(e) => setConfirm(e.target.value)} autoComplete="off" error={fields.confirm} />
      </ConfirmDialog>
    </>
  );
}
