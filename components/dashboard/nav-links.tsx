"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";
import { NAV_ITEMS } from "./nav-items";

export function NavLinks({ slug, orientation }: { slug: string; orientation: "vertical" | "horizontal" }) {
  const pathname = usePathname();
  return (
    // On a phone every section fits in one row: icons over short labels, nothing off-screen.
    <ul className={cn(orientation === "vertical" ? "space-y-0.5" : "grid grid-cols-6 gap-0.5 px-1 pb-1")}>
      {NAV_ITEMS.map(({ segment, label, icon: Icon }) => {
        const href = `/w/${slug}/${segment}`;
        const active = pathname === href || pathname.startsWith(`${href}/`);
        return (
          <li key={segment} className="min-w-0">
            <Link
              href={href}
              prefetch={false}
              aria-current={active ? "page" : undefined}
              className={cn(
                "rounded-lg font-medium",
                orientation === "vertical" ? "flex items-center gap-2.5 px-3 py-2 text-sm" : "flex flex-col items-center gap-0.5 px-0.5 py-1.5 text-center text-[11px] leading-tight",
                active ? "bg-accent-50 text-accent-700" : "text-zinc-700 hover:bg-zinc-100",
              )}
            >
              <Icon aria-hidden className={orientation === "vertical" ? "size-4" : "size-5"} />
              {label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
