import Link from "next/link";
import { FLAG_PATH } from "./logo-mark";

export function Logo({ href = "/" }: { href?: string }) {
  return (
    <Link href={href} prefetch={false} className="inline-flex items-center gap-2 font-semibold tracking-tight text-zinc-900">
      <svg aria-hidden viewBox="0 0 24 24" className="size-6 text-accent-600">
        <path fill="currentColor" d={FLAG_PATH} />
      </svg>
      Pennant
    </Link>
  );
}
