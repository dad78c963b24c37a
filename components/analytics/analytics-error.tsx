import Link from "next/link";
import { AlertTriangle } from "lucide-react";

/** A view whose question cannot be answered (a bad date in the URL, a filter naming nothing): what is wrong and a way back. */
export function AnalyticsError({ message, resetHref }: { message: string; resetHref: string }) {
  return (
    <div role="alert" className="flex flex-col items-center rounded-xl border border-red-200 bg-red-50 px-6 py-12 text-center">
      <AlertTriangle aria-hidden className="size-8 text-red-700" />
      <h2 className="mt-3 text-base font-semibold text-zinc-900">This view cannot be shown</h2>
      <p className="mt-1 max-w-md text-sm text-zinc-700">{message}</p>
      <Link href={resetHref} className="mt-5 rounded-lg bg-zinc-900 px-4 py-2 text-sm font-medium text-white hover:bg-zinc-700">
        Show the last 30 days
      </Link>
    </div>
  );
}
