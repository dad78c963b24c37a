"use client";

import { useEffect } from "react";
import Link from "next/link";
import * as Menu from "@radix-ui/react-dropdown-menu";
import { Check, ChevronsUpDown, Plus } from "lucide-react";
import { LAST_WORKSPACE_COOKIE } from "@/lib/workspaces/last-workspace";

interface Props {
  current: { slug: string; name: string; role: string };
  workspaces: { slug: string; name: string; role: string }[];
}

export function WorkspaceSwitcher({ current, workspaces }: Props) {
  useEffect(() => {
    document.cookie = `${LAST_WORKSPACE_COOKIE}=${current.slug}; path=/; max-age=${60 * 60 * 24 * 365}; samesite=lax`;
  }, [current.slug]);

  return (
    <Menu.Root>
      <Menu.Trigger
        className="flex w-full min-w-0 items-center gap-2 rounded-lg border border-zinc-200 bg-white px-3 py-2 text-left text-sm hover:bg-zinc-50"
        aria-label={`Workspace: ${current.name}. Switch workspace`}
        title={current.name}
      >
        <span className="flex size-6 shrink-0 items-center justify-center rounded bg-accent-600 text-xs font-semibold uppercase text-white">{current.name.slice(0, 1)}</span>
        <span className="min-w-0 flex-1">
          <span className="block truncate font-medium text-zinc-900 lg:whitespace-normal lg:break-words" data-testid="workspace-name">
            {current.name}
          </span>
          <span className="block text-xs capitalize text-zinc-600">{current.role}</span>
        </span>
        <ChevronsUpDown aria-hidden className="size-4 shrink-0 text-zinc-400" />
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content align="start" sideOffset={6} className="z-50 w-64 rounded-xl border border-zinc-200 bg-white p-1 shadow-lg">
          <Menu.Label className="px-2 py-1.5 text-xs font-medium uppercase tracking-wide text-zinc-500">Workspaces</Menu.Label>
          {workspaces.map((w) => (
            <Menu.Item key={w.slug} asChild>
              <Link href={`/w/${w.slug}/links`} prefetch={false} className="flex items-center gap-2 rounded-lg px-2 py-2 text-sm outline-none data-[highlighted]:bg-zinc-100">
                <span className="min-w-0 flex-1 break-words">{w.name}</span>
                {w.slug === current.slug && <Check aria-label="current" className="size-4 text-accent-600" />}
              </Link>
            </Menu.Item>
          ))}
          <Menu.Separator className="my-1 h-px bg-zinc-100" />
          <Menu.Item asChild>
            <Link href="/workspaces/new" prefetch={false} className="flex items-center gap-2 rounded-lg px-2 py-2 text-sm text-zinc-700 outline-none data-[highlighted]:bg-zinc-100">
              <Plus aria-hidden className="size-4" /> New workspace
            </Link>
          </Menu.Item>
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
