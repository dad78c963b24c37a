import Link from "next/link";
import { Logo } from "@/components/logo";

export default function Forbidden() {
  return (
    <div className="flex min-h-dvh flex-col items-center justify-center bg-zinc-50 px-4 text-center">
      <Logo />
      <h1 className="mt-8 text-2xl font-semibold">You can&apos;t open this page</h1>
      <p className="mt-2 max-w-sm text-sm text-zinc-600">Your role in this workspace does not allow it. Ask an owner or admin for access.</p>
      <Link href="/dashboard" className="mt-6 text-sm font-medium text-accent-700 hover:underline">Go to your dashboard</Link>
    </div>
  );
}
