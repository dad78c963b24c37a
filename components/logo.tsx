import Link from "next/link";

export function Logo({ href = "/" }: { href?: string }) {
  return (
    <Link href={href} className="inline-flex items-center gap-2 font-semibold tracking-tight text-zinc-900">
      <svg aria-hidden viewBox="0 0 24 24" className="size-6 text-accent-600">
        <path fill="currentColor" d="M5 2h2v20H5zM8 3l12 5-12 5z" />
      </svg>
      Pennant
    </Link>
  );
}
