import { Slot } from "@radix-ui/react-slot";
import type { ButtonHTMLAttributes, Ref } from "react";
import { cn } from "./cn";

const variants = {
  primary: "bg-accent-600 text-white hover:bg-accent-700 disabled:bg-accent-600/60 aria-disabled:bg-accent-600/60",
  secondary: "border border-zinc-300 bg-white text-zinc-900 hover:bg-zinc-50 disabled:text-zinc-500 aria-disabled:text-zinc-500",
  ghost: "text-zinc-700 hover:bg-zinc-100",
  danger: "bg-red-600 text-white hover:bg-red-700 disabled:bg-red-600/60 aria-disabled:bg-red-700/80",
} as const;

const sizes = { sm: "h-8 px-3 text-sm", md: "h-10 px-4 text-sm", lg: "h-11 px-5 text-base" } as const;

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: keyof typeof variants;
  size?: keyof typeof sizes;
  asChild?: boolean;
  ref?: Ref<HTMLButtonElement>;
  /**
   * While an action runs: the button says so (aria-disabled) and ignores
   * clicks, but keeps keyboard focus, unlike `disabled`, which drops focus
   * to the top of the page.
   */
  pending?: boolean;
}

export function Button({ variant = "primary", size = "md", asChild, className, type, pending, onClick, ...props }: ButtonProps) {
  const Comp = asChild ? Slot : "button";
  return (
    <Comp
      type={asChild ? undefined : (type ?? "button")}
      aria-disabled={pending || undefined}
      onClick={
        pending
          ? (e: React.MouseEvent<HTMLButtonElement>) => {
              e.preventDefault();
            }
          : onClick
      }
      className={cn(
        "inline-flex items-center justify-center gap-2 rounded-lg font-medium transition-colors disabled:cursor-not-allowed aria-disabled:cursor-progress",
        variants[variant],
        sizes[size],
        className,
      )}
      {...props}
    />
  );
}
