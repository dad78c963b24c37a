import Link from "next/link";
import { Logo } from "@/components/logo";

export default function NotFound() {
  return (
    <div className="flex min-h-dvh flex-col items-center justify-center bg-zinc-50 px-4 text-center">
      <Logo />
      <h1 className="mt-8 text-2xl font-semibold">Page not found</h1>
      <p className="mt-2 max-w-sm text-sm text-zinc-600">There is nothing here, or you do not have access to it.</p>
      <Link href="/dashboard" className="mt-6 text-sm font-medium text-accent-700 hover:underline">Go to your dashboard</Link>
    </div>
  );
}
