"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

const TABS = [
  { href: "", label: "General" },
  { href: "/members", label: "Members" },
  { href: "/api-keys", label: "API keys" },
  { href: "/domains", label: "Domains" },
  { href: "/channels", label: "Channels" },
];

export function SettingsTabs({ slug }: { slug: string }) {
  const pathname = usePathname();
  const base = `/w/${slug}/settings`;
  return (
    <nav aria-label="Settings" className="-mx-4 overflow-x-auto border-b border-zinc-200 px-4 sm:mx-0 sm:px-0">
      <ul className="flex gap-4">
        {TABS.map((t) => {
          const href = base + t.href;
          const active = pathname === href;
          return (
            <li key={t.label} className="shrink-0">
              <Link
                href={href}
                aria-current={active ? "page" : undefined}
                className={cn("-mb-px block border-b-2 py-2.5 text-sm font-medium", active ? "border-accent-600 text-accent-700" : "border-transparent text-zinc-600 hover:text-zinc-900")}
              >
                {t.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
