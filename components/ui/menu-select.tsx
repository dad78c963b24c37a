"use client";

import * as Menu from "@radix-ui/react-dropdown-menu";
import { Check, ChevronDown } from "lucide-react";
import { cn } from "./cn";

export interface MenuOption {
  value: string;
  label: string;
}

interface Props {
  /** What is chosen, for screen readers: "Filter by tag". */
  label: string;
  value: string;
  options: MenuOption[];
  onChange: (value: string) => void;
  /** Shown before the chosen option's name on the button ("Tag: "). */
  prefix?: string;
  /** Shown instead of the chosen option (an action menu: "Move to campaign…"). */
  placeholder?: string;
  className?: string;
  pending?: boolean;
}

/**
 * A choice from a menu: arrow keys move through the options and only Enter
 * (or a click) chooses, unlike a native select, which changes (and, in a
 * filter bar, navigates) on every arrow key. Focus returns to the button.
 */
export function MenuSelect({ label, value, options, onChange, prefix, placeholder, className, pending }: Props) {
  const chosen = options.find((o) => o.value === value);
  const text = placeholder ?? `${prefix ?? ""}${chosen?.label ?? ""}`;
  return (
    <Menu.Root modal={false}>
      <Menu.Trigger
        aria-label={placeholder ? label : `${label}: ${chosen?.label ?? "none"}`}
        aria-disabled={pending || undefined}
        className={cn(
          "inline-flex h-9 min-w-0 items-center justify-between gap-2 rounded-lg border border-zinc-300 bg-white px-3 text-sm text-zinc-900 hover:bg-zinc-50 data-[state=open]:border-accent-600",
          value && prefix && "border-accent-600/60 bg-accent-50/60",
          className,
        )}
      >
        <span className="truncate">{text}</span>
        <ChevronDown aria-hidden className="size-4 shrink-0 text-zinc-500" />
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content align="start" sideOffset={4} className="z-50 max-h-72 min-w-48 overflow-y-auto rounded-xl border border-zinc-200 bg-white p-1 shadow-lg">
          <Menu.Label className="px-2 py-1.5 text-xs font-medium text-zinc-600">{label}</Menu.Label>
          <Menu.RadioGroup value={value} onValueChange={(v) => v !== value && onChange(v)}>
            {options.map((o) => (
              <Menu.RadioItem
                key={o.value}
                value={o.value}
                className="flex cursor-pointer items-center gap-2 rounded-lg py-2 pl-8 pr-3 text-sm text-zinc-900 outline-none data-[highlighted]:bg-zinc-100 relative"
              >
                <Menu.ItemIndicator className="absolute left-2">
                  <Check aria-hidden className="size-4 text-accent-600" />
                </Menu.ItemIndicator>
                {o.label}
              </Menu.RadioItem>
            ))}
          </Menu.RadioGroup>
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
