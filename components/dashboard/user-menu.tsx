"use client";

import Link from "next/link";
import * as Menu from "@radix-ui/react-dropdown-menu";
import { LogOut, UserRound } from "lucide-react";
import { Avatar } from "@/components/account/avatar";
import { signOut } from "@/components/account/sign-out";

export function UserMenu({ email, name, image }: { email: string; name: string | null; image?: string | null }) {
  return (
    <Menu.Root modal={false}>
      <Menu.Trigger aria-label="Account menu" className="rounded-full">
        <Avatar name={name} email={email} image={image} />
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content align="end" sideOffset={6} className="z-50 w-60 rounded-xl border border-zinc-200 bg-white p-1 shadow-lg">
          <div className="px-2 py-2">
            {name && <p className="truncate text-sm font-medium">{name}</p>}
            <p className="truncate text-sm text-zinc-500">{email}</p>
          </div>
          <Menu.Separator className="my-1 h-px bg-zinc-100" />
          <Menu.Item asChild className="flex cursor-pointer items-center gap-2 rounded-lg px-2 py-2 text-sm outline-none data-[highlighted]:bg-zinc-100">
            <Link href="/account" prefetch={false}>
              <UserRound aria-hidden className="size-4" /> Your account
            </Link>
          </Menu.Item>
          <Menu.Item
            onSelect={() => void signOut("/")}
            className="flex cursor-pointer items-center gap-2 rounded-lg px-2 py-2 text-sm outline-none data-[highlighted]:bg-zinc-100"
          >
            <LogOut aria-hidden className="size-4" /> Sign out
          </Menu.Item>
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
