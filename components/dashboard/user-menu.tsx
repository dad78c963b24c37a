"use client";

import * as Menu from "@radix-ui/react-dropdown-menu";
import { signOut } from "next-auth/react";
import { LogOut } from "lucide-react";

export function UserMenu({ email, name }: { email: string; name: string | null }) {
  return (
    <Menu.Root modal={false}>
      <Menu.Trigger aria-label="Account menu" className="flex size-9 items-center justify-center rounded-full bg-zinc-900 text-sm font-semibold uppercase text-white">
        {(name || email).slice(0, 1)}
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content align="end" sideOffset={6} className="z-50 w-60 rounded-xl border border-zinc-200 bg-white p-1 shadow-lg">
          <div className="px-2 py-2">
            {name && <p className="truncate text-sm font-medium">{name}</p>}
            <p className="truncate text-sm text-zinc-500">{email}</p>
          </div>
          <Menu.Separator className="my-1 h-px bg-zinc-100" />
          <Menu.Item
            onSelect={() => void signOut({ callbackUrl: "/" })}
            className="flex cursor-pointer items-center gap-2 rounded-lg px-2 py-2 text-sm outline-none data-[highlighted]:bg-zinc-100"
          >
            <LogOut aria-hidden className="size-4" /> Sign out
          </Menu.Item>
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
